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
    enum Counting: String, Sendable, CaseIterable, OptionChoice {
        /// Exact counts: sorted runs, merged per hash range.
        case exact
        /// A counting Bloom filter per rank, merged by saturating addition.
        case bloom
    }

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
        spanSentences = options[DedupeOptions.spanSentences]
        normalization = try Self.normalization(options)
        maxRepeats = options[DedupeOptions.maxRepeats]
        keepFirst = options[DedupeOptions.keepFirst]
        minWords = options[DedupeOptions.minWords]
        minUnitChars = options[DedupeOptions.minUnitChars]
        counting = options[DedupeOptions.counting]
        bloomShape = .optimal(
            items: options[DedupeOptions.bloomItems], falsePositiveRate: options[DedupeOptions.bloomFP])
        hashRanges = options[DedupeOptions.hashRanges]
        memoryBytes = options[DedupeOptions.memoryMB] << 20
        try checkBloom()
    }

    private static func normalization(_ options: StageOptions) throws -> DedupeNormalization {
        guard options[DedupeOptions.unitNormalization] == "normalize" else {
            return try DedupeNormalization(names: ["whitespace"])
        }
        return try DedupeNormalization(names: options[DedupeOptions.normalize])
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
