/// One input file to ingest, as chosen by `InputResolver`.
public struct InputFile: Sendable, Equatable, Hashable {
    /// The file's path, as given or as found under a given directory.
    public var path: String
    /// The record format.
    public var format: InputFormat
    /// The compression named by the extension. Readers still sniff the magic bytes, so a
    /// mislabeled file is read correctly.
    public var compression: Compression
    /// The file size in bytes (compressed size for compressed files).
    public var size: Int64

    /// Creates an input file description.
    public init(path: String, format: InputFormat, compression: Compression, size: Int64) {
        self.path = path
        self.format = format
        self.compression = compression
        self.size = size
    }
}
