/// The layout of a work file: a 16-byte header, then records of one fixed size.
///
/// Header: the magic `PTXWORK1` (8 bytes), the record size as a little-endian `UInt32`, and
/// 4 reserved zero bytes. Checksums and record counts live in the phase manifest, so a file
/// that does not match its manifest entry is refused before any of it is trusted.
enum WorkFileFormat {
    static let magic: [UInt8] = Array("PTXWORK1".utf8)
    static let headerSize = 16

    static func header(recordSize: Int) -> [UInt8] {
        var header = magic
        withUnsafeBytes(of: UInt32(recordSize).littleEndian) { header.append(contentsOf: $0) }
        header.append(contentsOf: [0, 0, 0, 0])
        return header
    }
}
