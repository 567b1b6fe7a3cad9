/// Element-by-element maps over `Float` arrays, split across threads (``Parallel``).
///
/// The kernels receive whole chunks (pointers and a count) rather than one element at a time:
/// a loop written inside the kernel, over a function the compiler inlines, is vectorized,
/// where a closure called per element is not.
enum ElementWise {
    /// The work of one element, in the units of `Parallel.minimumParallelWork` (a transcendental
    /// function costs about as much as sixteen additions).
    static let elementWork = 16

    /// `[transform(a[0]), transform(a[1]), …]`.
    static func map(_ a: [Float], _ transform: (Float) -> Float) -> [Float] {
        mapChunks(a) { a, result, count in
            for index in 0..<count { result[index] = transform(a[index]) }
        }
    }

    /// `[transform(a[0], b[0]), transform(a[1], b[1]), …]` (`a` and `b` of one length).
    static func map(_ a: [Float], _ b: [Float], _ transform: (Float, Float) -> Float) -> [Float] {
        mapChunks(a, b) { a, b, result, count in
            for index in 0..<count { result[index] = transform(a[index], b[index]) }
        }
    }

    /// The array `kernel` writes, chunk by chunk: `kernel(a, result, count)` with both pointers
    /// moved to the chunk's first element; it must write each of the `count` results.
    @inline(__always)
    static func mapChunks(
        _ a: [Float], _ kernel: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> [Float] {
        mapChunks(a, a) { a, _, result, count in kernel(a, result, count) }
    }

    /// `mapChunks` over two arrays of one length: `kernel(a, b, result, count)`.
    @inline(__always)
    static func mapChunks(
        _ a: [Float], _ b: [Float],
        _ kernel: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> [Float] {
        precondition(a.count == b.count, "arrays of one length")
        let count = a.count
        return [Float](unsafeUninitializedCapacity: count) { result, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    // All three buffers hold `count` elements and stay valid for the loop; each
                    // chunk writes only its own indices (Float needs no initialization beyond
                    // the store), and together the chunks cover 0..<count, so every element is
                    // written when `initialized` is set.
                    let (a, b, target) = (a.baseAddress!, b.baseAddress!, result.baseAddress!)
                    Parallel.forEachRows(count, rowWork: elementWork) { range in
                        kernel(a + range.lowerBound, b + range.lowerBound, target + range.lowerBound, range.count)
                    }
                }
            }
            initialized = count
        }
    }
}
