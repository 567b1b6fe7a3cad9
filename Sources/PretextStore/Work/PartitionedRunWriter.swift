/// Collects records into partitions and writes each partition as sorted runs, spilling
/// whenever the records held reach a memory budget: the write side of an external sort.
///
/// Each partition gets an equal share of the budget, reserved up front (records are spread
/// evenly over partitions by hash), and every partition is spilled as soon as one is full,
/// so the arrays never grow past the budget. (With an unbounded budget nothing is reserved and
/// the caller spills, as a table of counts does when it is full.)
///
/// Run files are named `PREFIX-pPPPPP-SSSSS.bin` with the partition as the file's group;
/// a later phase merges every run of a partition with `WorkFileMerger`.
public final class PartitionedRunWriter<Record: FixedWidthRecord> {
    private let directory: String
    private let prefix: String
    private let rank: Int
    private let perPartition: Int
    private var partitions: [[Record]]
    private var spills = 0
    /// The files written so far.
    public private(set) var files: [WorkFileInfo] = []

    /// Creates a writer of `partitions` partitions holding at most `budgetBytes` of records.
    public init(directory: String, prefix: String, rank: Int, partitions: Int, budgetBytes: Int) {
        self.directory = directory
        self.prefix = prefix
        self.rank = rank
        let count = max(1, partitions)
        perPartition = max(256, budgetBytes / Record.byteCount / count)
        self.partitions = Array(repeating: [], count: count)
    }

    /// Adds a record to `partition`, spilling every partition when the budget is reached.
    public func append(_ record: Record, partition: Int) throws {
        if partitions[partition].capacity == 0, perPartition <= 1 << 24 {
            partitions[partition].reserveCapacity(perPartition)
        }
        partitions[partition].append(record)
        if partitions[partition].count >= perPartition { try spill() }
    }

    /// Writes what is held; returns every file written.
    public func finish() throws -> [WorkFileInfo] {
        try spill()
        return files
    }

    /// Sorts and writes every partition's held records as a run now (callers that keep their
    /// own table, such as a hash table of counts, spill through here when it is full).
    public func spill() throws {
        for index in partitions.indices where !partitions[index].isEmpty {
            partitions[index].sort()
            let name = "\(prefix)-p\(PartNaming.pad(index, 5))-\(PartNaming.pad(spills, 5)).bin"
            let writer = try WorkFileWriter<Record>(directory: directory, name: name, group: index, rank: rank)
            try writer.append(contentsOf: partitions[index])
            files.append(try writer.finish())
            partitions[index].removeAll(keepingCapacity: true)
        }
        spills += 1
    }
}
