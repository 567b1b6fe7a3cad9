/// One file written by a phase task, as its manifest lists it.
public struct WorkFileInfo: Sendable, Hashable {
    /// The file name inside the phase directory.
    public var name: String
    /// A number the phase gives the file (a partition, a band); `-1` when unused.
    public var group: Int
    /// The file size in bytes, header included.
    public var bytes: Int
    /// The number of records.
    public var records: Int
    /// XXH64 of the whole file, as 16 hex digits.
    public var checksum: String
    /// The rank that wrote the file.
    public var rank: Int

    /// Creates an entry.
    public init(name: String, group: Int, bytes: Int, records: Int, checksum: String, rank: Int) {
        self.name = name
        self.group = group
        self.bytes = bytes
        self.records = records
        self.checksum = checksum
        self.rank = rank
    }
}
