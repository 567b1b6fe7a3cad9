/// An open-addressing hash table from 64-bit keys to a count and the first position seen.
///
/// Used by the repetition rules instead of `Dictionary<String, Int>`: keys are already hashes,
/// so probing is a multiply-free linear scan and the table is reused across n-gram sizes.
struct HashCounter {
    private var keys: [UInt64] = []
    private var counts: [Int32] = []
    private var firsts: [Int32] = []
    private var used: [Bool] = []
    private var mask = 0
    /// Number of distinct keys.
    private(set) var count = 0

    /// Empties the table, sized for about `expected` distinct keys.
    mutating func reset(expected: Int) {
        var cap = 16
        while cap < expected * 2 { cap <<= 1 }
        if cap != keys.count {
            keys = [UInt64](repeating: 0, count: cap)
            counts = [Int32](repeating: 0, count: cap)
            firsts = [Int32](repeating: 0, count: cap)
            used = [Bool](repeating: false, count: cap)
        } else {
            for i in 0..<cap { used[i] = false }
        }
        mask = cap - 1
        count = 0
    }

    /// Adds one occurrence of `key` at `position`; returns the count after adding.
    @discardableResult
    mutating func add(_ key: UInt64, position: Int) -> Int {
        var i = Int(truncatingIfNeeded: key) & mask
        while used[i] {
            if keys[i] == key {
                counts[i] += 1
                return Int(counts[i])
            }
            i = (i + 1) & mask
        }
        used[i] = true
        keys[i] = key
        counts[i] = 1
        firsts[i] = Int32(truncatingIfNeeded: position)
        count += 1
        if count * 2 > keys.count { grow() }
        return 1
    }

    /// Inserts `key` if absent; returns whether it was already present.
    mutating func insertReportingPresence(_ key: UInt64) -> Bool {
        add(key, position: 0) > 1
    }

    /// The entry with the highest count; ties go to the smallest first position
    /// (Python's `Counter.most_common(1)` keeps insertion order among equals).
    func mostCommon() -> (count: Int, first: Int)? {
        var best: (count: Int, first: Int)?
        for i in 0..<keys.count where used[i] {
            let c = Int(counts[i])
            let f = Int(firsts[i])
            if let b = best, c < b.count || (c == b.count && f > b.first) { continue }
            best = (c, f)
        }
        return best
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldCounts = counts
        let oldFirsts = firsts
        let oldUsed = used
        let cap = keys.count * 2
        keys = [UInt64](repeating: 0, count: cap)
        counts = [Int32](repeating: 0, count: cap)
        firsts = [Int32](repeating: 0, count: cap)
        used = [Bool](repeating: false, count: cap)
        mask = cap - 1
        for j in 0..<oldKeys.count where oldUsed[j] {
            var i = Int(truncatingIfNeeded: oldKeys[j]) & mask
            while used[i] { i = (i + 1) & mask }
            used[i] = true
            keys[i] = oldKeys[j]
            counts[i] = oldCounts[j]
            firsts[i] = oldFirsts[j]
        }
    }
}
