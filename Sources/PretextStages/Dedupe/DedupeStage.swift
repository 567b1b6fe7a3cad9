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
        options: DedupeOptions.all,
        input: .dataset)

    private let method: any DedupeMethod

    /// Creates the stage from checked options.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for an unknown normalization step, a
    ///   keep rule without its parameter, or `counting: bloom` with `keep_first`.
    public init(options: StageOptions) throws {
        switch options[DedupeOptions.method] {
        case .exact: method = DocumentDedupe(settings: try DocumentDedupeSettings(kind: .exact, options: options))
        case .minhash: method = DocumentDedupe(settings: try DocumentDedupeSettings(kind: .minhash, options: options))
        case .lines:
            method = RepeatedContentDedupe(settings: try RepeatedContentSettings(kind: .lines, options: options))
        case .paragraphs:
            method = RepeatedContentDedupe(settings: try RepeatedContentSettings(kind: .paragraphs, options: options))
        case .spans:
            method = RepeatedContentDedupe(settings: try RepeatedContentSettings(kind: .spans, options: options))
        }
    }

    /// The document shards of the input dataset.
    public func plan(_ input: StageInput) throws -> [ShardUnit] {
        try ShardUnit.plan(input, stage: Self.descriptor.name)
    }

    /// The method's phases.
    public func phases(units: [ShardUnit]) throws -> [any StagePhase] { method.phases(units: units) }

    /// The method's phase names: `signatures`, `buckets`, `clusters` (exact, minhash); `counts`,
    /// `totals` or `bloom_counts`, `bloom_totals` (repeated content).
    public func phaseNames() -> [String] { method.phaseNames() }

    /// The filter pass.
    public func run(_ units: [ShardUnit], in task: StageTask) throws { try method.run(units, in: task) }
}
