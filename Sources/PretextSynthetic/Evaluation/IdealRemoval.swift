/// The removals a perfect near-duplicate filter would make at a threshold.
///
/// Build the graph whose edges are the family pairs with Jaccard ≥ threshold; in every
/// connected component keep the document that comes first in input order and remove the
/// others. Family members that reach no other member at the threshold are kept.
public struct IdealRemoval: Sendable {
    /// The Jaccard threshold.
    public let threshold: Double
    /// The components of two or more documents, each in input order (the kept one first).
    public let components: [[String]]
    /// Every document to remove, mapped to the document kept in its component.
    public let keeperOf: [String: String]
    /// The edit rate of every document of the pairs (0 for sources).
    public let editRateOf: [String: Double]

    /// The ideal removals for `pairs` given the input `order` of the ids (ids missing from
    /// `order` count as coming last, by id).
    public init(pairs: [FamilyPair], order: [String], threshold: Double) {
        self.threshold = threshold
        var index: [String: Int] = [:]
        var ids: [String] = []
        var rates: [String: Double] = [:]
        for pair in pairs {
            for (id, rate) in [(pair.a, pair.aEditRate), (pair.b, pair.editRate)] where index[id] == nil {
                index[id] = ids.count
                ids.append(id)
                rates[id] = rate
            }
        }
        editRateOf = rates
        components = Self.components(pairs: pairs, index: index, ids: ids, order: order, threshold: threshold)
        var keepers: [String: String] = [:]
        for component in components {
            for id in component.dropFirst() { keepers[id] = component[0] }
        }
        keeperOf = keepers
    }

    /// The ids to remove.
    public var removed: Set<String> { Set(keeperOf.keys) }

    /// The connected components (≥ 2 documents) of the graph of pairs at the threshold.
    private static func components(
        pairs: [FamilyPair], index: [String: Int], ids: [String], order: [String], threshold: Double
    ) -> [[String]] {
        var sets = UnionFind(count: ids.count)
        for pair in pairs where pair.jaccard >= threshold { sets.union(index[pair.a]!, index[pair.b]!) }
        let position = positions(of: index, in: order)
        var groups: [Int: [Int]] = [:]
        for element in ids.indices { groups[sets.find(element), default: []].append(element) }
        return groups.values.filter { $0.count >= 2 }
            .map { members in
                members.sorted { (position[$0], ids[$0]) < (position[$1], ids[$1]) }.map { ids[$0] }
            }
            .sorted { (position[index[$0[0]]!], $0[0]) < (position[index[$1[0]]!], $1[0]) }
    }

    /// The input position of every indexed id (`Int.max` for ids missing from `order`).
    private static func positions(of index: [String: Int], in order: [String]) -> [Int] {
        var position = [Int](repeating: Int.max, count: index.count)
        for (offset, id) in order.enumerated() {
            if let element = index[id], position[element] == Int.max { position[element] = offset }
        }
        return position
    }
}
