/// The pieces of a Unigram vocabulary as a trie over their symbols (Unicode scalar values, or
/// the trainer's dense character ids): for a position in a word, every piece that starts there,
/// shortest first — what SentencePiece's double-array trie gives its lattice.
///
/// The root's children are an array indexed by symbol; deeper edges are in an open-addressing
/// table keyed by (state, symbol), key and child side by side so that a probe touches one cache
/// line. Walks stop early at states without children (most pieces end in a leaf).
struct PieceTrie: Sendable {
    /// An edge: `state << 21 | symbol` (`UInt64.max`: empty slot) and the child state.
    private struct Edge {
        var key: UInt64
        var child: Int32
    }

    /// The root's child state by symbol (-1: none).
    private var root: [Int32]
    private var edges: [Edge]
    private var mask: Int
    /// Whether each state has children.
    private var hasChildren: [Bool] = [true]
    private var edgeCount = 0
    /// The piece id ending at each state (-1: none); state 0 is the root.
    private var terminal: [Int32] = [-1]
    /// The most symbols in a piece.
    private(set) var longest = 0

    /// A trie of `pieces` (symbol sequences; piece `i` gets id `i`, the last of equal pieces
    /// wins); symbols must be below 2²¹.
    init(_ pieces: [[UInt32]]) {
        root = [Int32](repeating: -1, count: (pieces.compactMap(\.first).max().map { Int($0) + 1 } ?? 1))
        let capacity = max(16, pieces.reduce(0) { $0 + max(0, $1.count - 1) } * 2)
        var size = 16
        while size < capacity { size <<= 1 }
        edges = [Edge](repeating: Edge(key: .max, child: -1), count: size)
        mask = size - 1
        for (id, piece) in pieces.enumerated() where !piece.isEmpty {
            var state: Int32 = 0
            for symbol in piece { state = child(of: state, symbol) }
            terminal[Int(state)] = Int32(id)
            longest = max(longest, piece.count)
        }
    }

    /// Calls `body(length, id)` for every piece that starts at `start` of `symbols`, shortest
    /// first, looking at most `limit` symbols ahead.
    @inline(__always)
    func forEachPiece(
        in symbols: UnsafeBufferPointer<UInt32>, from start: Int, _ body: (_ length: Int, _ id: Int32) -> Void
    ) {
        let end = min(symbols.count, start + longest)
        var position = start
        var state: Int32 = 0
        while position < end {
            let symbol = symbols[position]
            if state == 0 {
                guard Int(symbol) < root.count else { return }
                state = root[Int(symbol)]
            } else {
                state = lookup(state, symbol)
            }
            guard state >= 0 else { return }
            position += 1
            let id = terminal[Int(state)]
            if id >= 0 { body(position - start, id) }
            if !hasChildren[Int(state)] { return }
        }
    }

    /// The id of the piece `symbols`, if it is one.
    func id(of symbols: some Collection<UInt32>) -> Int32? {
        var state: Int32 = 0
        for symbol in symbols {
            state = state == 0 ? (Int(symbol) < root.count ? root[Int(symbol)] : -1) : lookup(state, symbol)
            if state < 0 { return nil }
        }
        let id = terminal[Int(state)]
        return id >= 0 && state != 0 ? id : nil
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        edges.withUnsafeBufferPointer { edges in
            var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while edges[index].key != key && edges[index].key != .max { index = (index &+ 1) & mask }
            return index
        }
    }

    @inline(__always)
    private func lookup(_ state: Int32, _ symbol: UInt32) -> Int32 {
        let key = UInt64(state) << 21 | UInt64(symbol)
        return edges[slot(key)].child
    }

    private mutating func child(of state: Int32, _ symbol: UInt32) -> Int32 {
        hasChildren[Int(state)] = true
        if state == 0 {
            if root[Int(symbol)] < 0 { root[Int(symbol)] = newState() }
            return root[Int(symbol)]
        }
        let key = UInt64(state) << 21 | UInt64(symbol)
        var index = slot(key)
        if edges[index].key != key {
            if (edgeCount + 1) * 4 > edges.count * 3 {
                grow()
                index = slot(key)
            }
            edges[index] = Edge(key: key, child: newState())
            edgeCount += 1
        }
        return edges[index].child
    }

    private mutating func newState() -> Int32 {
        terminal.append(-1)
        hasChildren.append(false)
        return Int32(terminal.count - 1)
    }

    private mutating func grow() {
        let old = edges
        edges = [Edge](repeating: Edge(key: .max, child: -1), count: old.count * 2)
        mask = edges.count - 1
        for edge in old where edge.key != .max { edges[slot(edge.key)] = edge }
    }
}
