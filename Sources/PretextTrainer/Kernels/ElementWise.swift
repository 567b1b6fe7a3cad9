/// Element-by-element maps over `Float` arrays, split across threads (``Parallel``).
enum ElementWise {
    /// The work of one element, in the units of `Parallel.minimumParallelWork` (a transcendental
    /// function costs about as much as sixteen additions).
    static let elementWork = 16

    /// `[transform(a[0]), transform(a[1]), …]`.
    static func map(_ a: [Float], _ transform: (Float) -> Float) -> [Float] {
        map(a, a) { x, _ in transform(x) }
    }

    /// `[transform(a[0], b[0]), transform(a[1], b[1]), …]` (`a` and `b` of one length).
    static func map(_ a: [Float], _ b: [Float], _ transform: (Float, Float) -> Float) -> [Float] {
        precondition(a.count == b.count, "arrays of one length")
        let count = a.count
        return [Float](unsafeUninitializedCapacity: count) { result, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    // All three buffers hold `count` elements and stay valid for the loop; each
                    // chunk initializes only its own indices, and together the chunks cover
                    // 0..<count, so every element is initialized when `initialized` is set.
                    let target = result
                    Parallel.forEachRows(count, rowWork: elementWork) { range in
                        for index in range { target.initializeElement(at: index, to: transform(a[index], b[index])) }
                    }
                }
            }
            initialized = count
        }
    }
}
