/// Values by pair (a packed `(left, right)` id pair), in an open-addressing hash table with
/// linear probing and a multiplicative hash: the training loop's most frequent operation, where
/// `Dictionary`'s seeded SipHash costs several times more.
///
/// Keys are never `UInt64.max` (ids are below 2³²−1), which marks an empty slot; an absent key
/// reads as `zero`.
struct PairTable<Value> {
    private var keys: [UInt64]
    private var values: [Value]
    private var mask: Int
    private let zero: Value
    /// The number of keys.
    private(set) var count = 0

    private static var empty: UInt64 { .max }

    /// An empty table reading absent keys as `zero`, with room for about `capacity` keys.
    init(zero: Value, capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [Value](repeating: zero, count: size)
        mask = size - 1
        self.zero = zero
    }

    /// The slot of `key`: where it is, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> Int {
        // Fibonacci hashing: the high bits of key × 2⁶⁴/φ spread consecutive ids well; `&`
        // arithmetic wraps by design.
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while keys[index] != key && keys[index] != Self.empty { index = (index &+ 1) & mask }
        return index
    }

    /// The value of `key` (`zero` when absent); setting adds the key.
    subscript(key: UInt64) -> Value {
        get {
            let index = slot(of: key)
            return keys[index] == key ? values[index] : zero
        }
        set {
            var index = slot(of: key)
            if keys[index] != key {
                if (count + 1) * 4 > keys.count * 3 {
                    grow()
                    index = slot(of: key)
                }
                keys[index] = key
                count += 1
            }
            values[index] = newValue
        }
    }

    /// Removes `keys`, all of the table's keys, keeping its storage: cheaper than a new table when
    /// few slots are used.
    mutating func removeAll(_ keys: [UInt64]) {
        // Find every slot before clearing any: a cleared slot would cut the probe sequence of
        // a key placed after it.
        let slots = keys.map(slot(of:))
        for index in slots {
            self.keys[index] = Self.empty
            values[index] = zero
        }
        count = 0
    }

    /// Calls `body` with every key and value (in table order).
    func forEach(_ body: (UInt64, Value) throws -> Void) rethrows {
        for index in keys.indices where keys[index] != Self.empty { try body(keys[index], values[index]) }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Value](repeating: zero, count: oldKeys.count * 2)
        mask = keys.count - 1
        for index in oldKeys.indices where oldKeys[index] != Self.empty {
            let target = slot(of: oldKeys[index])
            keys[target] = oldKeys[index]
            values[target] = oldValues[index]
        }
    }
}

extension PairTable where Value == Int64 {
    /// Adds `delta` to the count of `key`.
    @inline(__always)
    mutating func add(_ delta: Int64, to key: UInt64) { self[key] += delta }
}

extension PairTable: Sendable where Value: Sendable {}
