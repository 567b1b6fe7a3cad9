/// Where a loader is: enough to continue exactly, on any number of ranks.
///
/// A few integers: the seed; `position`, the examples consumed so far by all ranks together
/// across epochs (the steps taken times world size times batch size); and each source's own
/// position, by source name (the examples it has given). A source's epoch is its position
/// divided by its example count. Save it from any rank after a step (all ranks hold the same
/// state), and pass it to `DataLoader.resume(from:)` or the loader's initializer, at the same
/// or another world size and batch size. JSON: `json` and `init(json:)`; also `Codable`.
public struct LoaderState: Sendable, Hashable, Codable {
    /// The format version (1).
    public var version: Int
    /// The loader seed.
    public var seed: UInt64
    /// Examples consumed by all ranks together, across epochs.
    public var position: Int
    /// Each source's position (examples it has given), by source name.
    public var sources: [String: Int]

    /// The format version this build writes and reads.
    public static let currentVersion = 1

    /// Creates a state.
    public init(seed: UInt64, position: Int, sources: [String: Int]) {
        self.version = Self.currentVersion
        self.seed = seed
        self.position = position
        self.sources = sources
    }

    /// The epoch of source `name` holding `count` examples (0 for a source the state lacks).
    public func epoch(ofSource name: String, count: Int) -> Int {
        (sources[name] ?? 0) / max(1, count)
    }
}
