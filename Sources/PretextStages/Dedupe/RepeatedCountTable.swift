import PretextCore
import PretextDedupe
import PretextStore

/// The counts of one counts task: unit hashes with their count and first occurrence, held in
/// a hash table and written as sorted runs, one per hash range, whenever the table reaches
/// its memory budget (`PartitionedRunWriter`). A hash can be in several runs of one task;
/// the totals phase adds them up.
final class RepeatedCountTable {
    /// Bytes per held hash: the table's slot and load factor, plus the run writer's copy
    /// while a run is written.
    static let bytesPerEntry = 112

    private var entries: [UInt64: RepeatedUnitCount] = [:]
    private let writer: PartitionedRunWriter<RepeatedUnitCount>
    private let capacity: Int
    private let ranges: Int

    /// A table whose runs go to `directory`, for `ranges` hash ranges, holding at most
    /// `budgetBytes` (at least 1024 hashes).
    init(directory: String, rank: Int, ranges: Int, budgetBytes: Int) {
        // The writer never spills on its own: the table hands it one whole run at a time.
        writer = PartitionedRunWriter(
            directory: directory, prefix: "counts-r\(rank)", rank: rank, partitions: ranges, budgetBytes: Int.max)
        capacity = max(1024, budgetBytes / Self.bytesPerEntry)
        self.ranges = ranges
    }

    /// Counts `occurrence` (a count at a place) into its hash's entry.
    func add(_ occurrence: RepeatedUnitCount) throws {
        if entries[occurrence.hash]?.merge(occurrence) == nil {
            entries[occurrence.hash] = occurrence
            if entries.count >= capacity { try flush() }
        }
    }

    /// Writes what is held; returns every run written.
    func finish() throws -> [WorkFileInfo] {
        try flush()
        return writer.files
    }

    /// Writes the held hashes as one sorted run per hash range.
    private func flush() throws {
        guard !entries.isEmpty else { return }
        for entry in entries.values {
            try writer.append(entry, partition: RepeatedContentSettings.range(of: entry.hash, ranges: ranges))
        }
        entries.removeAll(keepingCapacity: true)
        try writer.spill()
    }
}
