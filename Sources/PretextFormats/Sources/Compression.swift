/// The compression of an input file.
public enum Compression: String, Sendable, Equatable, CaseIterable {
    /// Not compressed.
    case none
    /// gzip (`.gz`), possibly multi-member.
    case gzip
    /// zstd (`.zst`, `.zstd`), possibly several frames.
    case zstd

    /// The compression named by a file's last extension (`gz`, `zst`, `zstd`), or `.none`.
    public static func fromExtension(_ ext: String) -> Compression {
        switch ext.lowercased() {
        case "gz", "gzip": return .gzip
        case "zst", "zstd": return .zstd
        default: return .none
        }
    }

    /// The compression recognized from a file's first bytes: gzip `1F 8B`, a zstd frame
    /// `28 B5 2F FD`, or a zstd skippable frame `5? 2A 4D 18`; otherwise `.none`.
    public static func sniff(_ prefix: [UInt8]) -> Compression {
        if prefix.count >= 2, prefix[0] == 0x1F, prefix[1] == 0x8B { return .gzip }
        guard prefix.count >= 4 else { return .none }
        if prefix[0] == 0x28, prefix[1] == 0xB5, prefix[2] == 0x2F, prefix[3] == 0xFD { return .zstd }
        if prefix[0] & 0xF0 == 0x50, prefix[1] == 0x2A, prefix[2] == 0x4D, prefix[3] == 0x18 { return .zstd }
        return .none
    }

    /// Opens `path` as a byte source, choosing the decompressor by the file's magic bytes
    /// (the extension is only a hint: a mislabeled file is still read correctly).
    /// - Throws: `ByteSourceError` when the file cannot be opened.
    public static func openSource(path: String) throws(ByteSourceError) -> any ByteSource {
        let file = try FileByteSource(path: path)
        switch sniff(file.peekPrefix(4)) {
        case .none: return file
        case .gzip: return try GzipByteSource(file: file)
        case .zstd: return try ZstdByteSource(file: file)
        }
    }
}
