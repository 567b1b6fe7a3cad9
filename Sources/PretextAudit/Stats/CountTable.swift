/// Integer counts by key that merge by addition, so that partial counts of several tasks
/// (ranks) add up to exactly the counts of a single pass.
public struct CountTable<Key: Hashable & Sendable>: Sendable, Equatable {
    /// The counts; absent keys count 0.
    public private(set) var counts: [Key: Int] = [:]

    /// An empty table.
    public init() {}

    /// The count of `key`.
    public subscript(key: Key) -> Int { counts[key] ?? 0 }

    /// Adds `amount` to `key`.
    public mutating func add(_ key: Key, _ amount: Int = 1) {
        counts[key, default: 0] += amount
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: CountTable) {
        for (key, amount) in other.counts { counts[key, default: 0] += amount }
    }

    /// The sum of all counts.
    public var total: Int { counts.values.reduce(0, +) }

    /// The keys, sorted by `areInIncreasingOrder`.
    public func keys(sortedBy areInIncreasingOrder: (Key, Key) -> Bool) -> [Key] {
        counts.keys.sorted(by: areInIncreasingOrder)
    }
}

extension CountTable: Codable where Key: Codable {
    /// Encoded as the dictionary of counts.
    public init(from decoder: any Decoder) throws {
        counts = try decoder.singleValueContainer().decode([Key: Int].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(counts)
    }
}
