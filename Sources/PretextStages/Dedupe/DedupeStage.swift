import PretextCore
import PretextDedupe
import PretextStore

/// Removes duplicates: exact (a 128-bit hash of the simplified text) or near (MinHash LSH),
/// keeping one document per cluster by a keep rule, as phases that split across tasks
/// (signatures → buckets → clusters → filter); or lines, paragraphs and sentence spans
/// repeated across the corpus (counts → totals → filter). `docs/stages/dedupe.md`.
public struct DedupeStage: PhasedStage {
    public static let descriptor = StageDescriptor(
        name: "dedupe",
        summary: "remove exact and near duplicates (MinHash LSH) or repeated lines, paragraphs and spans",
        options: [
            OptionSpec(
                "method", .choice(["exact", "minhash", "lines", "paragraphs", "spans"]), default: .string("minhash"),
                "exact: equal simplified text; minhash: near duplicates by MinHash LSH; lines, paragraphs, spans: "
                    + "remove units repeated across the corpus"),
            OptionSpec(
                "keep", .choice(KeepRule.names), default: .string("first"),
                "which document of a cluster stays: first (input order), id (smallest), longest, column, source"
            ).only(when: "method", is: ["exact", "minhash"]),
            OptionSpec("keep_column", .string, default: .string(""), "keep: column — the catalog column, highest wins")
                .only(when: "method", is: ["exact", "minhash"]),
            OptionSpec("keep_sources", .list, default: .list([]), "keep: source — source prefixes, first listed wins")
                .only(when: "method", is: ["exact", "minhash"]),
            OptionSpec(
                "normalize", .list, default: .list(DedupeNormalization.stepNames),
                "simplification before hashing: lowercase, digits, punctuation, whitespace, accents"),
            OptionSpec("ngram", .integer(min: 1, max: 64), default: .integer(5), "words per shingle").only(
                when: "method", is: ["minhash"]),
            OptionSpec(
                "cjk_ngram", .integer(min: 1, max: 64), default: .integer(5),
                "characters per shingle in Chinese/Japanese documents"
            ).only(when: "method", is: ["minhash"]),
            OptionSpec("bands", .integer(min: 1, max: 512), default: .integer(14), "LSH bands").only(
                when: "method", is: ["minhash"]),
            OptionSpec("rows", .integer(min: 1, max: 64), default: .integer(8), "hashes per band").only(
                when: "method", is: ["minhash"]),
            OptionSpec(
                "threshold", .number(min: 0, max: 1), default: .number(0),
                "derive bands and rows for this Jaccard threshold (0: use bands and rows)"
            ).only(when: "method", is: ["minhash"]),
            OptionSpec(
                "num_hashes", .integer(min: 1, max: 4096), default: .integer(112),
                "hash functions available when bands and rows come from threshold"
            ).only(when: "method", is: ["minhash"]),
            OptionSpec("seed", .integer(min: 0), default: .integer(1), "seed of the MinHash functions").only(
                when: "method", is: ["minhash"]),
            OptionSpec(
                "verify", .boolean, default: .boolean(true),
                "minhash: join a candidate pair only if its estimated Jaccard reaches the threshold"
            ).only(when: "method", is: ["minhash"]),
            OptionSpec(
                "hash_ranges", .integer(min: 0, max: 4096), default: .integer(0),
                "hash partitions per band, or of unit counts (0: enough for every task)"),
            OptionSpec(
                "memory_mb", .integer(min: 1), default: .integer(512),
                "per-task memory for signatures or unit counts before a sorted run is spilled to disk"),
        ] + RepeatedContentSettings.options,
        input: .dataset)

    private let method: any DedupeMethod

    /// Creates the stage from checked options.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for an unknown normalization step, a
    ///   keep rule without its parameter, or `counting: bloom` with `keep_first`.
    public init(options: StageOptions) throws {
        let name = options.string("method") ?? "minhash"
        switch name {
        case "exact": method = DocumentDedupe(settings: try DocumentDedupeSettings(kind: .exact, options: options))
        case "lines", "paragraphs", "spans":
            let kind = RepeatedContentSettings.UnitKind(rawValue: name) ?? .lines
            method = RepeatedContentDedupe(settings: try RepeatedContentSettings(kind: kind, options: options))
        default: method = DocumentDedupe(settings: try DocumentDedupeSettings(kind: .minhash, options: options))
        }
    }

    /// The document shards of the input dataset.
    public func plan(_ input: StageInput) throws -> [ShardUnit] {
        try ShardUnit.plan(input, stage: Self.descriptor.name)
    }

    /// The method's phases.
    public func phases(units: [ShardUnit]) throws -> [any StagePhase] { method.phases(units: units) }

    /// The filter pass.
    public func run(_ units: [ShardUnit], in task: StageTask) throws { try method.run(units, in: task) }
}
