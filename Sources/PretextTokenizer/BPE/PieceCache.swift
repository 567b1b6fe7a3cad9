#if canImport(Glibc)
import Glibc
#endif

/// The token ids of pieces already encoded, by the piece's bytes (HF tokenizers keeps such a
/// cache of words too): natural text repeats its words, and a hit skips the merging. Bounded:
/// when it holds `capacity` pieces it starts over. Used by one thread.
struct PieceCache: Sendable {
    private var keys: [UInt8] = []
    private var ids: [UInt32] = []
    /// Per slot: key offset (−1: empty), key length, hash, ids offset, ids count.
    private var keyOffsets: [Int32]
    private var keyLengths: [UInt8]
    private var hashes: [UInt64]
    private var idOffsets: [Int32]
    private var idCounts: [UInt8]
    private let mask: Int
    private let capacity: Int
    private var count = 0
    /// Scratch buffers of the encoder using this cache (kept to reuse their storage).
    var symbols: [UInt32] = []
    var ranks: [UInt64] = []

    /// Pieces longer than this are not cached.
    static let longestPiece = 32

    /// A cache of up to `capacity` pieces.
    init(capacity: Int = 1 << 15) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keyOffsets = [Int32](repeating: -1, count: size)
        keyLengths = [UInt8](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        idOffsets = [Int32](repeating: 0, count: size)
        idCounts = [UInt8](repeating: 0, count: size)
        mask = size - 1
        self.capacity = capacity
    }

    /// Appends the cached ids of `piece` to `output`; `false` when it is not cached.
    mutating func lookUp(_ piece: UnsafeRawBufferPointer, into output: inout [UInt32]) -> Bool {
        guard piece.count <= Self.longestPiece else { return false }
        let hash = WordTable.hash(piece)
        var index = Int(truncatingIfNeeded: hash) & mask
        while keyOffsets[index] >= 0 {
            if hashes[index] == hash, Int(keyLengths[index]) == piece.count, matches(index, piece) {
                let start = Int(idOffsets[index])
                output.append(contentsOf: ids[start..<start + Int(idCounts[index])])
                return true
            }
            index = (index &+ 1) & mask
        }
        return false
    }

    /// Remembers that `piece` encodes as `pieceIDs`.
    mutating func store(_ piece: UnsafeRawBufferPointer, _ pieceIDs: ArraySlice<UInt32>) {
        guard piece.count <= Self.longestPiece, pieceIDs.count <= Int(UInt8.max) else { return }
        if count >= capacity { clear() }
        let hash = WordTable.hash(piece)
        var index = Int(truncatingIfNeeded: hash) & mask
        while keyOffsets[index] >= 0 { index = (index &+ 1) & mask }
        keyOffsets[index] = Int32(keys.count)
        keyLengths[index] = UInt8(piece.count)
        hashes[index] = hash
        idOffsets[index] = Int32(ids.count)
        idCounts[index] = UInt8(pieceIDs.count)
        keys.append(contentsOf: piece)
        ids.append(contentsOf: pieceIDs)
        count += 1
    }

    private func matches(_ index: Int, _ piece: UnsafeRawBufferPointer) -> Bool {
        let start = Int(keyOffsets[index])
        return keys.withUnsafeBytes { all in
            // Equal lengths (checked by the caller); compare the bytes.
            piece.count == 0 || memcmp(all.baseAddress! + start, piece.baseAddress!, piece.count) == 0
        }
    }

    private mutating func clear() {
        for index in keyOffsets.indices { keyOffsets[index] = -1 }
        keys.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        count = 0
    }
}
