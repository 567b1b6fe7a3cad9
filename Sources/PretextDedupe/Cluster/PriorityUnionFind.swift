/// Union–find over documents whose root is always the component's best document
/// (`KeepPriority`), so a component's root is the document the keep rule keeps.
///
/// Holds only documents that were unioned (documents with a duplicate): about 50 bytes each.
/// Path halving keeps finds short.
public struct PriorityUnionFind {
    private var slots: [UInt64: Int32] = [:]
    private var members: [KeepPriority] = []
    private var parents: [Int32] = []

    /// An empty structure.
    public init() {}

    /// The number of documents held.
    public var count: Int { members.count }

    /// Joins the components of `first` and `second`.
    public mutating func union(_ first: KeepPriority, _ second: KeepPriority) {
        let a = find(slot(first))
        let b = find(slot(second))
        guard a != b else { return }
        if members[Int(a)].isBetter(than: members[Int(b)]) {
            parents[Int(b)] = a
        } else {
            parents[Int(a)] = b
        }
    }

    /// The best document of `document`'s component, or `nil` when it was never unioned.
    public mutating func root(of document: UInt64) -> KeepPriority? {
        guard let slot = slots[document] else { return nil }
        return members[Int(find(slot))]
    }

    /// Calls `body` with every document, its component's best document and the component's
    /// size, in ascending document order.
    public mutating func forEachMember(_ body: (KeepPriority, KeepPriority, Int) throws -> Void) rethrows {
        var sizes: [Int32: Int] = [:]
        var roots = [Int32](repeating: 0, count: members.count)
        for index in members.indices {
            let root = find(Int32(index))
            roots[index] = root
            sizes[root, default: 0] += 1
        }
        let order = members.indices.sorted { members[$0].document < members[$1].document }
        for index in order {
            let root = roots[index]
            try body(members[index], members[Int(root)], sizes[root] ?? 1)
        }
    }

    private mutating func slot(_ member: KeepPriority) -> Int32 {
        if let slot = slots[member.document] { return slot }
        let slot = Int32(members.count)
        slots[member.document] = slot
        members.append(member)
        parents.append(slot)
        return slot
    }

    private mutating func find(_ start: Int32) -> Int32 {
        var node = start
        while parents[Int(node)] != node {
            let grandparent = parents[Int(parents[Int(node)])]
            parents[Int(node)] = grandparent
            node = grandparent
        }
        return node
    }
}
