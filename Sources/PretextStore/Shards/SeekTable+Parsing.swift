import PretextCore

extension SeekTable {
    /// What the footer of a seekable file says, before the entries are read.
    struct Footer {
        var frameCount: Int
        var hasChecksums: Bool
        var entrySize: Int { hasChecksums ? 12 : 8 }
        /// The whole table frame's size, header included.
        var tableSize: Int { SeekTable.headerSize + frameCount * entrySize + SeekTable.footerSize }
    }

    /// Parses and checks the 9-byte footer of a file of `fileSize` bytes.
    static func parseFooter(_ bytes: UnsafeRawBufferPointer, fileSize: Int, path: String) throws -> Footer {
        precondition(bytes.count == footerSize)
        guard LittleEndian.uint32(bytes, at: 5) == seekableMagic else {
            throw corrupt("no seek table: the file is truncated or not a seekable zstd shard", path, fileSize)
        }
        let descriptor = bytes[4]
        guard descriptor & reservedBits == 0 else {
            throw corrupt(
                "seek table descriptor has reserved bits set (0x\(String(descriptor, radix: 16)))", path, fileSize)
        }
        let count = Int(LittleEndian.uint32(bytes, at: 0))
        guard count <= maxFrames else {
            throw PretextError(
                .limitExceeded, "seek table declares \(count) frames, more than \(maxFrames)", path: path)
        }
        let footer = Footer(frameCount: count, hasChecksums: descriptor & checksumFlag != 0)
        guard footer.tableSize <= fileSize else {
            throw corrupt("seek table declares \(count) frames, more than the file can hold", path, fileSize)
        }
        return footer
    }

    /// Parses the whole table frame (header, entries, footer) and checks that the frames
    /// exactly fill the file before it.
    static func parse(_ bytes: UnsafeRawBufferPointer, footer: Footer, fileSize: Int, path: String) throws -> SeekTable
    {
        precondition(bytes.count == footer.tableSize)
        guard LittleEndian.uint32(bytes, at: 0) == skippableMagic else {
            throw corrupt("seek table frame has a bad skippable-frame magic", path, fileSize - bytes.count)
        }
        guard Int(LittleEndian.uint32(bytes, at: 4)) == bytes.count - headerSize else {
            throw corrupt("seek table frame size disagrees with its frame count", path, fileSize - bytes.count)
        }
        var entries: [Entry] = []
        entries.reserveCapacity(footer.frameCount)
        var dataSize = 0
        for index in 0..<footer.frameCount {
            let at = headerSize + index * footer.entrySize
            let entry = Entry(
                compressedSize: LittleEndian.uint32(bytes, at: at),
                decompressedSize: LittleEndian.uint32(bytes, at: at + 4),
                checksum: footer.hasChecksums ? LittleEndian.uint32(bytes, at: at + 8) : nil)
            // No overflow: at most 2^27 entries of at most 2^32 bytes each.
            dataSize += Int(entry.compressedSize)
            entries.append(entry)
        }
        guard dataSize == fileSize - bytes.count else {
            throw corrupt(
                "seek table frames add up to \(dataSize) bytes but the file holds \(fileSize - bytes.count) before the table",
                path, fileSize - bytes.count)
        }
        return SeekTable(entries: entries)
    }

    private static func corrupt(_ message: String, _ path: String, _ offset: Int) -> PretextError {
        PretextError(.corrupt, message, path: path, offset: Int64(offset))
    }
}
