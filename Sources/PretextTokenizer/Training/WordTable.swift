#if canImport(Glibc)
import Glibc
#endif

/// Counts by word (a byte string), in an open-addressing hash table whose keys live in one byte
/// arena: counting words allocates nothing per word, and hashing reads 8 bytes at a time
/// (`String` keys would be hashed and compared through Unicode normalization).
struct WordTable: Sendable {
    private var arena: [UInt8] = []
    /// Per slot: the key's offset in the arena (−1: empty), its length, its hash and its count.
    private var offsets: [Int] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt64] = []
    private var counts: [UInt64] = []
    private var mask = 0
    /// The number of distinct words.
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        resize(to: size)
    }

    /// Bytes held: the arena plus the slots.
    var memoryBytes: Int { arena.capacity + offsets.count * 29 }

    /// Adds `count` occurrences of the word `bytes`.
    mutating func add(_ bytes: UnsafeRawBufferPointer, count: UInt64 = 1) {
        let hash = Self.hash(bytes)
        var index = Int(truncatingIfNeeded: hash) & mask
        while offsets[index] >= 0 {
            if hashes[index] == hash, matches(index, bytes) {
                // Counts of one corpus fit 64 bits; &+ only avoids a trap check.
                counts[index] &+= count
                return
            }
            index = (index &+ 1) & mask
        }
        offsets[index] = arena.count
        lengths[index] = Int32(bytes.count)
        hashes[index] = hash
        counts[index] = count
        arena.append(contentsOf: bytes)
        self.count += 1
        if self.count * 4 > offsets.count * 3 { resize(to: offsets.count * 2) }
    }

    /// Calls `body` with every word's bytes and count (in table order).
    func forEach(_ body: (UnsafeRawBufferPointer, UInt64) throws -> Void) rethrows {
        try arena.withUnsafeBytes { all in
            for index in offsets.indices where offsets[index] >= 0 {
                let start = offsets[index]
                try body(UnsafeRawBufferPointer(rebasing: all[start..<start + Int(lengths[index])]), counts[index])
            }
        }
    }

    private func matches(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard Int(lengths[index]) == bytes.count else { return false }
        let start = offsets[index]
        return arena.withUnsafeBytes { all in
            // Same length, checked above; memcmp over the two ranges.
            bytes.count == 0 || memcmp(all.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func resize(to size: Int) {
        let old = (offsets, lengths, hashes, counts)
        offsets = [Int](repeating: -1, count: size)
        lengths = [Int32](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
        counts = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for slot in old.0.indices where old.0[slot] >= 0 {
            var index = Int(truncatingIfNeeded: old.2[slot]) & mask
            while offsets[index] >= 0 { index = (index &+ 1) & mask }
            offsets[index] = old.0[slot]
            lengths[index] = old.1[slot]
            hashes[index] = old.2[slot]
            counts[index] = old.3[slot]
        }
    }

    /// A 64-bit hash of `bytes`, 8 bytes at a time (multiply–xorshift; not for adversaries,
    /// only for spreading words over slots).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        // `&` arithmetic: hashing wraps by design.
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}
