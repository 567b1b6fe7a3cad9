import PretextCore
import PretextDedupe

/// The settings of repeated-content dedupe (methods `lines`, `paragraphs`, `spans`), from the
/// stage options.
struct RepeatedContentSettings: Sendable {
    /// What a unit of text is.
    enum UnitKind: String, Sendable {
        /// A line: split on `\n`.
        case lines
        /// A paragraph: a run of non-blank lines between blank lines.
        case paragraphs
        /// `spanSentences` consecutive ICU sentences (C4's three-sentence spans).
        case spans
    }

    /// How units are counted.
    enum Counting: String, Sendable {
        /// Exact counts: sorted runs, merged per hash range.
        case exact
        /// A counting Bloom filter per rank, merged by saturating addition.
        case bloom
    }

    /// The stage options of methods `lines`, `paragraphs` and `spans` (declared in
    /// `DedupeStage.descriptor` after the options every method shares).
    /// The methods these options apply to.
    private static let units = ["lines", "paragraphs", "spans"]

    static let options = [
        OptionSpec(
            "max_repeats", .integer(min: 1), default: .integer(1),
            "lines/paragraphs/spans: a unit occurring more than this many times in the corpus is removed"
        ).only(when: "method", is: units),
        OptionSpec(
            "keep_first", .boolean, default: .boolean(true),
            "lines/paragraphs/spans: keep a repeated unit's first occurrence in input order (needs counting: exact)"
        ).only(when: "method", is: units),
        OptionSpec(
            "span_sentences", .integer(min: 1, max: 64), default: .integer(3), "spans: sentences per span (C4: 3)"
        ).only(when: "method", is: ["spans"]),
        OptionSpec(
            "unit_normalization", .choice(["whitespace", "normalize"]), default: .string("whitespace"),
            "lines/paragraphs/spans: before hashing, trim and collapse whitespace, or apply the normalize steps"
        ).only(when: "method", is: units),
        OptionSpec(
            "min_unit_chars", .integer(min: 0), default: .integer(0),
            "lines/paragraphs/spans: shorter normalized units are never counted or removed"
        ).only(when: "method", is: units),
        OptionSpec(
            "min_words", .integer(min: 0), default: .integer(50),
            "lines/paragraphs/spans: a document left with fewer words after removal is dropped"
        ).only(when: "method", is: units),
        OptionSpec(
            "counting", .choice(["exact", "bloom"]), default: .string("exact"),
            "lines/paragraphs/spans: exact counts (sorted runs) or a counting Bloom filter (may over-count)"
        ).only(when: "method", is: units),
        OptionSpec(
            "bloom_items", .integer(min: 1), default: .integer(10_000_000),
            "counting: bloom — expected distinct units in the corpus (sizes the filter)"
        ).only(when: "method", is: units),
        OptionSpec(
            "bloom_fp", .number(min: 1e-9, max: 0.5), default: .number(0.01),
            "counting: bloom — target false-positive rate (sizes the filter)"
        ).only(when: "method", is: units),
    ]

    let kind: UnitKind
    let spanSentences: Int
    let normalization: DedupeNormalization
    let maxRepeats: Int
    let keepFirst: Bool
    let minWords: Int
    let minUnitChars: Int
    let counting: Counting
    let bloomShape: CountingBloomFilter.Shape
    /// Hash ranges (0: chosen from the world size).
    let hashRanges: Int
    /// Memory of a counts task before it spills a sorted run.
    let memoryBytes: Int

    /// The settings of `kind` from `options`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for an unknown normalization step,
    ///   `keep_first` with Bloom counting, or a `max_repeats` a Bloom counter cannot hold.
    init(kind: UnitKind, options: StageOptions) throws {
        self.kind = kind
        spanSentences = options.integer("span_sentences") ?? 3
        normalization = try Self.normalization(options)
        maxRepeats = options.integer("max_repeats") ?? 1
        keepFirst = options.boolean("keep_first") ?? true
        minWords = options.integer("min_words") ?? 50
        minUnitChars = options.integer("min_unit_chars") ?? 0
        counting = Counting(rawValue: options.string("counting") ?? "exact") ?? .exact
        bloomShape = .optimal(
            items: options.integer("bloom_items") ?? 10_000_000, falsePositiveRate: options.number("bloom_fp") ?? 0.01)
        hashRanges = options.integer("hash_ranges") ?? 0
        memoryBytes = (options.integer("memory_mb") ?? 512) << 20
        try checkBloom()
    }

    private static func normalization(_ options: StageOptions) throws -> DedupeNormalization {
        guard options.string("unit_normalization") == "normalize" else {
            return try DedupeNormalization(names: ["whitespace"])
        }
        return try DedupeNormalization(names: options.list("normalize") ?? DedupeNormalization.stepNames)
    }

    private func checkBloom() throws {
        guard counting == .bloom else { return }
        if keepFirst {
            throw PretextError(
                .invalidConfiguration,
                "dedupe: counting: bloom cannot tell which occurrence came first; set keep_first: false "
                    + "(every occurrence of a repeated unit is removed) or use counting: exact")
        }
        if maxRepeats >= CountingBloomFilter.maximumCount {
            throw PretextError(
                .invalidConfiguration,
                "dedupe: counting: bloom counts up to \(CountingBloomFilter.maximumCount); "
                    + "max_repeats must be below it (got \(maxRepeats)) or use counting: exact")
        }
    }

    /// Hash ranges (exact) or counter ranges (Bloom) for a run of `worldSize` tasks: enough
    /// that every rank gets work in the second phase.
    func ranges(worldSize: Int) -> Int {
        hashRanges > 0 ? hashRanges : max(1, 2 * worldSize)
    }

    /// The range of `hash` among `ranges` equal ranges of the 64-bit hash space, in order.
    static func range(of hash: UInt64, ranges: Int) -> Int {
        Int(hash.multipliedFullWidth(by: UInt64(ranges)).high)
    }

    /// The name of a unit in messages (`lines`, `paragraphs`, `sentences`).
    var pieceName: String { kind == .spans ? "sentences" : kind.rawValue }
}
