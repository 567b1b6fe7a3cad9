/// The distinct keys of a list of mentions, found with a stamp per key instead of a set.
struct DistinctKeys: Sendable {
    private var stamps: [UInt32]
    private var serial: UInt32 = 0
    /// The distinct keys of the last `collect`, in order of first mention.
    private(set) var keys: [Int32] = []

    init(count: Int) { stamps = Array(repeating: 0, count: count) }

    /// Collects the distinct keys of `mentions`.
    mutating func collect(_ mentions: some Collection<DocumentObservation.Mention>) {
        keys.removeAll(keepingCapacity: true)
        serial &+= 1
        if serial == 0 {
            for index in stamps.indices { stamps[index] = 0 }
            serial = 1
        }
        for mention in mentions where stamps[Int(mention.key)] != serial {
            stamps[Int(mention.key)] = serial
            keys.append(mention.key)
        }
    }
}
