import Testing

@testable import PretextTrainer

@Suite struct BLASTests {
    /// (transposeA, transposeB) for every combination.
    static let transposes = [(false, false), (true, false), (false, true), (true, true)]

    @Test(arguments: transposes)
    func productMatchesTheTripleLoop(transposeA: Bool, transposeB: Bool) {
        var data = TestData(seed: 1)
        let (rows, inner, columns) = (7, 5, 9)
        let a = transposeA ? data.matrix(inner, rows) : data.matrix(rows, inner)
        let b = transposeB ? data.matrix(columns, inner) : data.matrix(inner, columns)
        let product = BLAS.product(a, b, transposeA: transposeA, transposeB: transposeB)
        #expect(product.rows == rows && product.columns == columns)
        expectClose(product.values, naiveProduct(a, transposed: transposeA, b, transposed: transposeB).values)
    }

    @Test(arguments: transposes)
    func betaOneAccumulatesAndAlphaScales(transposeA: Bool, transposeB: Bool) {
        var data = TestData(seed: 2)
        let (rows, inner, columns) = (4, 6, 3)
        let a = transposeA ? data.matrix(inner, rows) : data.matrix(rows, inner)
        let b = transposeB ? data.matrix(columns, inner) : data.matrix(inner, columns)
        let start = data.matrix(rows, columns)
        var c = start
        BLAS.multiply(a, b, transposeA: transposeA, transposeB: transposeB, alpha: 0.5, beta: 1, into: &c)
        let product = naiveProduct(a, transposed: transposeA, b, transposed: transposeB)
        expectClose(c.values, zip(start.values, product.values).map { $0 + 0.5 * $1 })
    }

    @Test func blocksOfAWiderMatrixWorkInPlaceThroughLeadingDimensions() {
        var data = TestData(seed: 3)
        let wide = data.matrix(4, 10)
        let other = data.matrix(3, 4)
        var c = Matrix(rows: 4, columns: 4)
        // Columns 2..<5 of `wide` (a 4 × 3 block, rows 10 apart) times `other`.
        wide.values.withUnsafeBufferPointer { a in
            other.values.withUnsafeBufferPointer { b in
                c.values.withUnsafeMutableBufferPointer { c in
                    BLAS.gemm(
                        transposeA: false, transposeB: false, rows: 4, columns: 4, inner: 3, a: a.baseAddress! + 2,
                        lda: 10, b: b.baseAddress!, ldb: 4, c: c.baseAddress!, ldc: 4)
                }
            }
        }
        let block = Matrix(rows: 4, columns: 3, values: (0..<4).flatMap { row in (2..<5).map { wide[row, $0] } })
        expectClose(c.values, naiveProduct(block, transposed: false, other, transposed: false).values)
    }

    @Test func theThreadCountIsSettableAndProductsDoNotDependOnIt() {
        var data = TestData(seed: 4)
        let a = data.matrix(300, 200)
        let b = data.matrix(200, 250)
        let saved = BLAS.threads
        defer { BLAS.threads = saved }
        BLAS.threads = 1
        #expect(BLAS.threads == 1)
        let one = BLAS.product(a, b)
        BLAS.threads = 2
        let two = BLAS.product(a, b)
        #expect(one == two)
    }
}
