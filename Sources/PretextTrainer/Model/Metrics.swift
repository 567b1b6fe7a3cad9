/// What a model measured on one or more batches: named sums with their counts, so that
/// evaluation over many batches averages exactly (a mean of means would weight a short batch
/// like a full one).
///
/// Names follow the objectives: `mlm_loss` (summed over predicted tokens, counted per token),
/// `mlm_correct`, `nsp_loss`/`sop_loss` and `nsp_correct`/`sop_correct` (per example),
/// `clm_loss`/`clm_correct` (per predicted token), `contrastive_loss`/`retrieval_correct`
/// (per anchor), and `loss`, the objective differentiated (per batch).
public struct Metrics: Sendable, Equatable {
    /// A sum and how many values it adds up.
    public struct Entry: Sendable, Equatable {
        /// The sum of the values.
        public var sum: Double
        /// How many values.
        public var count: Double

        /// The mean (0 when nothing was counted).
        public var mean: Double { count == 0 ? 0 : sum / count }
    }

    /// The entries by name.
    public private(set) var entries: [String: Entry] = [:]

    /// No entries.
    public init() {}

    /// Adds `sum` over `count` values to entry `name`.
    public mutating func add(_ name: String, sum: Double, count: Double) {
        entries[name, default: Entry(sum: 0, count: 0)].sum += sum
        entries[name, default: Entry(sum: 0, count: 0)].count += count
    }

    /// Adds every entry of `other`.
    public mutating func merge(_ other: Metrics) {
        for (name, entry) in other.entries { add(name, sum: entry.sum, count: entry.count) }
    }

    /// The mean of entry `name`, or `nil` when there is none.
    public func mean(_ name: String) -> Double? { entries[name]?.mean }

    /// The means by name, names sorted (for logs).
    public var means: [(name: String, value: Double)] {
        entries.keys.sorted().map { ($0, entries[$0]!.mean) }
    }
}
