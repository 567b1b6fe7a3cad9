import PretextFormats

/// One input file of the ingest stage, or a byte range of a large plain JSONL file, with the
/// reading options that apply to it.
public struct IngestUnit: StageUnit {
    /// What to do with the file.
    public enum Work: Sendable {
        /// Read it with these options, recording documents under `source`.
        case read(InputFile, IngestOptions, source: String)
        /// The file was found in an input directory but has no known format: record a drop.
        case unsupported(path: String, reason: String)
    }

    /// What to do with the file.
    public let work: Work
    /// The byte range read, for a file split across tasks: the lines that start in it
    /// (`LineStart.locate`); `nil` for the whole file.
    public let range: Range<Int64>?

    /// A unit for the whole file, or for the lines starting in `range`.
    public init(work: Work, range: Range<Int64>? = nil) {
        self.work = work
        self.range = range
    }

    /// The file's path, then `@START-END` for a byte range.
    public var key: String {
        let path =
            switch work {
            case .read(let file, _, _): file.path
            case .unsupported(let path, _): path
            }
        guard let range else { return path }
        return "\(path)@\(range.lowerBound)-\(range.upperBound)"
    }

    /// The file's size on disk, or the range's length (0 for unsupported files).
    public var bytes: Int64 {
        if let range { return range.upperBound - range.lowerBound }
        return fileSize
    }

    /// The whole file's size on disk (0 for unsupported files).
    var fileSize: Int64 {
        switch work {
        case .read(let file, _, _): file.size
        case .unsupported: 0
        }
    }

    /// Whether this unit may be a byte range of its file: a plain JSONL file.
    var isSplittable: Bool {
        guard case .read(let file, _, _) = work else { return false }
        return InputReader.isSplittable(file)
    }
}
