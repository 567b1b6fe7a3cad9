import PretextFormats

/// One input file of the ingest stage, with the reading options that apply to it.
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

    /// The file's path.
    public var key: String {
        switch work {
        case .read(let file, _, _): file.path
        case .unsupported(let path, _): path
        }
    }

    /// The file's size on disk (0 for unsupported files).
    public var bytes: Int64 {
        switch work {
        case .read(let file, _, _): file.size
        case .unsupported: 0
        }
    }
}
