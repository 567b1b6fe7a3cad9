/// Collects records into partitions and writes each partition as sorted runs, spilling
/// whenever the records held reach a memory budget: the write side of an external sort.
///
/// Run files are named `PREFIX-pPPPPP-SSSSS.bin` with the partition as the file's group;
/// a later phase merges every run of a partition with `WorkFileMerger`.
public final class PartitionedRunWriter<Record: FixedWidthRecord> {
    private let directory: String
    private let prefix: String
    private let rank: Int
    private let budgetRecords: Int
    private var partitions: [[Record]]
    private var held = 0
    private var spills = 0
    /// The files written so far.
    public private(set) var files: [WorkFileInfo] = []

    /// Creates a writer of `partitions` partitions holding at most `budgetBytes` of records.
    public init(directory: String, prefix: String, rank: Int, partitions: Int, budgetBytes: Int) {
        self.directory = directory
        self.prefix = prefix
        self.rank = rank
        budgetRecords = max(1024, budgetBytes / max(1, Record.byteCount + 8))
        self.partitions = Array(repeating: [], count: max(1, partitions))
    }

    /// Adds a record to `partition`, spilling every partition when the budget is reached.
    public func append(_ record: Record, partition: Int) throws {
        partitions[partition].append(record)
        held += 1
        if held >= budgetRecords { try spill() }
    }

    /// Writes what is held; returns every file written.
    public func finish() throws -> [WorkFileInfo] {
        try spill()
        return files
    }

    /// The number of times the budget was reached (runs per partition minus one).
    public var spillCount: Int { max(0, spills - 1) }

    /// Sorts and writes every partition's held records as a run now (callers that keep their
    /// own table, such as a hash table of counts, spill through here when it is full).
    public func spill() throws {
        for index in partitions.indices where !partitions[index].isEmpty {
            partitions[index].sort()
            let name = "\(prefix)-p\(PartNaming.pad(index, 5))-\(PartNaming.pad(spills, 5)).bin"
            let writer = try WorkFileWriter<Record>(directory: directory, name: name, group: index, rank: rank)
            try writer.append(contentsOf: partitions[index])
            files.append(try writer.finish())
            partitions[index].removeAll(keepingCapacity: false)
        }
        held = 0
        spills += 1
    }
}
