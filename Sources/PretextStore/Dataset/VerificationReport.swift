/// What `DatasetVerifier` found.
public struct VerificationReport: Sendable, CustomStringConvertible {
    /// One problem, naming the shard and frame when it concerns one.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// A stable name: `catalog_unreadable`, `catalog_integrity`, `row_mismatch`,
        /// `path_outside_dataset`, `missing_shard`, `file_checksum`, `unreadable_shard`,
        /// `frame_corrupt`, `frame_count`, `record_count`, `record_size`, `bytes_raw`, `bytes_compressed`,
        /// `bad_location`, `missing_row`, `duplicate_row`, `record_schema`, `run_counts`,
        /// `run_not_done`, `stray_file`, `unmerged_part`.
        public var kind: String
        /// The shard (relative path) involved, if any.
        public var shard: String?
        /// The frame involved, if any.
        public var frame: Int?
        /// What is wrong; never corpus text.
        public var message: String

        /// Creates a problem.
        public init(kind: String, shard: String? = nil, frame: Int? = nil, message: String) {
            self.kind = kind
            self.shard = shard
            self.frame = frame
            self.message = message
        }

        public var description: String {
            var text = "[\(kind)]"
            if let shard { text += " \(shard)" }
            if let frame { text += " frame \(frame)" }
            return text + ": " + message
        }
    }

    /// The problems found, in the order checked.
    public var problems: [Problem] = []
    /// Shards checked.
    public var shardsChecked = 0
    /// Frames decompressed and checked.
    public var framesChecked = 0
    /// Records counted.
    public var recordsChecked = 0

    /// Creates an empty report.
    public init() {}

    /// Whether nothing is wrong.
    public var isClean: Bool { problems.isEmpty }

    /// A readable report: a summary line, then one line per problem.
    public var description: String {
        var lines = [
            "verified \(shardsChecked) shards, \(framesChecked) frames, \(recordsChecked) records: "
                + (isClean ? "OK" : "\(problems.count) problem(s)")
        ]
        lines += problems.map { "  " + $0.description }
        return lines.joined(separator: "\n")
    }
}
