/// The per-example, per-head blocks of the attention's matrices, and the sgemm calls on them.
///
/// Example `b`, head `h`: in `q`, `k`, `v`, the output and their gradients (rows of `width`
/// values) the block starts at `b · sequence · width + h · d` with leading dimension `width`;
/// in the probabilities (blocks of `sequence × sequence`) it starts at
/// `(b · heads + h) · sequence²` with leading dimension `sequence`. Only the first
/// `active[b]` rows and columns of a block take part.
///
/// The blocks run one after another; OpenBLAS may split each product across its threads.
struct HeadBlocks {
    let heads: Int
    let headDimension: Int
    let sequence: Int
    /// The active positions of each example.
    let active: [Int]

    /// `heads × headDimension`.
    var width: Int { heads * headDimension }

    /// Calls `body(offset, probabilityOffset, n)` for each block with `n` > 0 active positions.
    func forEach(_ body: (_ offset: Int, _ probabilityOffset: Int, _ n: Int) -> Void) {
        for (b, n) in active.enumerated() where n > 0 {
            for h in 0..<heads {
                body(b * sequence * width + h * headDimension, (b * heads + h) * sequence * sequence, n)
            }
        }
    }

    /// Sets each block of `p` to `scale · Q · Kᵀ` (`n × n`).
    func scores(_ query: Matrix, _ key: Matrix, scale: Float, into p: UnsafeMutablePointer<Float>) {
        query.values.withUnsafeBufferPointer { q in
            key.values.withUnsafeBufferPointer { k in
                // The offsets and leading dimensions above keep every `n × d` block inside `q`
                // and `k` (`batch × sequence × width` values) and every `n × n` block inside `p`.
                forEach { offset, probabilityOffset, n in
                    BLAS.gemm(
                        transposeA: false, transposeB: true, rows: n, columns: n, inner: headDimension, alpha: scale,
                        a: q.baseAddress! + offset, lda: width, b: k.baseAddress! + offset, ldb: width,
                        c: p + probabilityOffset, ldc: sequence)
                }
            }
        }
    }

    /// Sets each block of `output` to `P · V` (`n × d`).
    func weightedValues(_ p: UnsafePointer<Float>, _ value: Matrix, into output: UnsafeMutablePointer<Float>) {
        value.values.withUnsafeBufferPointer { v in
            // As in `scores`: every block is inside its buffer; the output blocks are disjoint.
            forEach { offset, probabilityOffset, n in
                BLAS.gemm(
                    transposeA: false, transposeB: false, rows: n, columns: headDimension, inner: n,
                    a: p + probabilityOffset, lda: sequence, b: v.baseAddress! + offset, ldb: width,
                    c: output + offset, ldc: width)
            }
        }
    }
}
