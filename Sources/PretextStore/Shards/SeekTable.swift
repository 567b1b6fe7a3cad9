import PretextCore

/// The seek table of a zstd seekable file: one entry per frame, stored in a skippable frame
/// at the end of the file.
///
/// Layout (facebook/zstd `contrib/seekable_format/zstd_seekable_compression_format.md`,
/// version 0.1.0; all integers little-endian):
/// `Skippable_Magic_Number 0x184D2A5E (u32) | Frame_Size (u32) | entries | footer`, where each
/// entry is `Compressed_Size u32, Decompressed_Size u32[, Checksum u32]` and the footer is
/// `Number_Of_Frames u32, Seek_Table_Descriptor u8, Seekable_Magic_Number 0x8F92EAB1 (u32)`.
/// Bit 7 of the descriptor says the entries carry checksums: the low 32 bits of the XXH64
/// (seed 0) of the frame's decompressed bytes.
public struct SeekTable: Sendable, Equatable {
    /// One frame's entry.
    public struct Entry: Sendable, Equatable {
        /// The frame's size in the file.
        public var compressedSize: UInt32
        /// The frame's decompressed size.
        public var decompressedSize: UInt32
        /// Low 32 bits of XXH64 of the decompressed bytes, when the table has checksums.
        public var checksum: UInt32?

        /// Creates an entry.
        public init(compressedSize: UInt32, decompressedSize: UInt32, checksum: UInt32?) {
            self.compressedSize = compressedSize
            self.decompressedSize = decompressedSize
            self.checksum = checksum
        }
    }

    /// The skippable frame magic the seek table uses.
    public static let skippableMagic: UInt32 = 0x184D_2A5E
    /// The magic number ending every seekable file.
    public static let seekableMagic: UInt32 = 0x8F92_EAB1
    /// Bytes in the footer.
    public static let footerSize = 9
    /// Bytes in the skippable frame header (magic + size).
    public static let headerSize = 8
    /// The most frames a table may declare (the reference implementation's cap).
    public static let maxFrames = 0x800_0000
    /// The checksum flag in the descriptor.
    static let checksumFlag: UInt8 = 0x80
    /// Reserved descriptor bits that must be zero.
    static let reservedBits: UInt8 = 0x7C

    /// The entries, in file order.
    public var entries: [Entry]

    /// Creates a table.
    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Whether every entry carries a checksum (an empty table has the flag set).
    public var hasChecksums: Bool {
        entries.allSatisfy { $0.checksum != nil }
    }

    /// The bytes of one entry.
    var entrySize: Int { hasChecksums ? 12 : 8 }

    /// The size of the whole skippable frame, header included.
    public var encodedSize: Int {
        Self.headerSize + entries.count * entrySize + Self.footerSize
    }

    /// The table's bytes, ready to append after the last frame.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encodedSize)
        let checksums = hasChecksums
        LittleEndian.append(Self.skippableMagic, to: &bytes)
        LittleEndian.append(UInt32(encodedSize - Self.headerSize), to: &bytes)
        for entry in entries {
            LittleEndian.append(entry.compressedSize, to: &bytes)
            LittleEndian.append(entry.decompressedSize, to: &bytes)
            if checksums, let checksum = entry.checksum { LittleEndian.append(checksum, to: &bytes) }
        }
        LittleEndian.append(UInt32(entries.count), to: &bytes)
        bytes.append(checksums ? Self.checksumFlag : 0)
        LittleEndian.append(Self.seekableMagic, to: &bytes)
        return bytes
    }
}
