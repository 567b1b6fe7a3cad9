import COpenBLAS
import Foundation

/// Matrix products on OpenBLAS `cblas_sgemm`, row-major, and the number of threads OpenBLAS
/// uses.
///
/// Every matrix product of the layers goes through ``gemm(transposeA:transposeB:rows:columns:inner:alpha:a:lda:b:ldb:beta:c:ldc:)``
/// or the ``Matrix`` overload; there is no hand-written product loop in the trainer.
public enum BLAS {
    /// Sets OpenBLAS to the active processor count once, before the first product.
    private static let defaultThreads: Void = {
        openblas_set_num_threads(Int32(ProcessInfo.processInfo.activeProcessorCount))
    }()

    /// The number of threads OpenBLAS runs a product on; by default the active processor count.
    ///
    /// OpenBLAS's threaded sgemm splits the result's rows and columns among threads, each value's
    /// inner sum staying on one thread, so the values do not depend on this setting (the tests
    /// check 1 against 2 threads bitwise on the installed OpenBLAS).
    public static var threads: Int {
        get {
            _ = defaultThreads
            return Int(openblas_get_num_threads())
        }
        set {
            _ = defaultThreads
            openblas_set_num_threads(Int32(max(1, newValue)))
        }
    }

    /// `C ← alpha · op(A) · op(B) + beta · C` on row-major buffers (`cblas_sgemm`).
    ///
    /// - Parameters:
    ///   - transposeA: whether `op(A)` is `Aᵀ` (then `A` is stored `[inner, rows]`).
    ///   - transposeB: whether `op(B)` is `Bᵀ` (then `B` is stored `[columns, inner]`).
    ///   - rows, columns, inner: `op(A)` is `rows × inner`, `op(B)` is `inner × columns`, `C` is
    ///     `rows × columns`.
    ///   - lda, ldb, ldc: the distance between the starts of two rows of `A`, `B` and `C` as
    ///     stored (at least their stored widths), so a block of a wider matrix can be used in place.
    ///   - beta: 0 overwrites `C` (whatever it held), 1 accumulates into it.
    /// - Complexity: `2 · rows · columns · inner` floating-point operations.
    public static func gemm(
        transposeA: Bool, transposeB: Bool, rows: Int, columns: Int, inner: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        _ = defaultThreads
        guard rows > 0, columns > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(rows), Int32(columns), Int32(inner), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// `c ← alpha · op(a) · op(b) + beta · c` on whole matrices.
    ///
    /// `c` must already have the product's shape (its values are ignored when `beta` is 0).
    public static func multiply(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false, alpha: Float = 1,
        beta: Float = 0, into c: inout Matrix
    ) {
        let rows = transposeA ? a.columns : a.rows
        let inner = transposeA ? a.rows : a.columns
        let columns = transposeB ? b.rows : b.columns
        precondition((transposeB ? b.columns : b.rows) == inner, "the inner dimensions of a product agree")
        precondition(c.rows == rows && c.columns == columns, "the result has the product's shape")
        let (lda, ldb, ldc) = (a.columns, b.columns, c.columns)
        // Each buffer is valid for the whole call; the shapes checked above keep sgemm's reads
        // and writes inside the three arrays, and `c` is a distinct array from `a` and `b`
        // (`inout` exclusivity).
        a.values.withUnsafeBufferPointer { a in
            b.values.withUnsafeBufferPointer { b in
                c.values.withUnsafeMutableBufferPointer { c in
                    gemm(
                        transposeA: transposeA, transposeB: transposeB, rows: rows, columns: columns, inner: inner,
                        alpha: alpha, a: a.baseAddress!, lda: max(1, lda), b: b.baseAddress!, ldb: max(1, ldb),
                        beta: beta, c: c.baseAddress!, ldc: max(1, ldc))
                }
            }
        }
    }

    /// `alpha · op(a) · op(b)` as a new matrix.
    public static func product(
        _ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false, alpha: Float = 1
    ) -> Matrix {
        var c = Matrix(rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
        multiply(a, b, transposeA: transposeA, transposeB: transposeB, alpha: alpha, into: &c)
        return c
    }
}
