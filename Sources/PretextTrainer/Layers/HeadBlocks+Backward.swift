/// The sgemm calls of the attention's backward pass, block by block (see ``HeadBlocks``).
extension HeadBlocks {
    /// Sets each block of `value` to `Pᵀ · dO` (`n × d`).
    func valueGradients(_ p: UnsafePointer<Float>, _ gradOutput: Matrix, into value: inout Matrix) {
        gradOutput.values.withUnsafeBufferPointer { dO in
            value.values.withUnsafeMutableBufferPointer { dV in
                // Every block lies inside its buffer (offsets and leading dimensions as in
                // `HeadBlocks`); the blocks of `dV` are disjoint.
                forEach { offset, probabilityOffset, n in
                    BLAS.gemm(
                        transposeA: true, transposeB: false, rows: n, columns: headDimension, inner: n,
                        a: p + probabilityOffset, lda: sequence, b: dO.baseAddress! + offset, ldb: width,
                        c: dV.baseAddress! + offset, ldc: width)
                }
            }
        }
    }

    /// Sets each block of `ds` to `dP = dO · Vᵀ` (`n × n`).
    func probabilityGradients(_ gradOutput: Matrix, _ value: Matrix, into ds: UnsafeMutablePointer<Float>) {
        gradOutput.values.withUnsafeBufferPointer { dO in
            value.values.withUnsafeBufferPointer { v in
                // As above: every block lies inside its buffer; the blocks of `ds` are disjoint.
                forEach { offset, probabilityOffset, n in
                    BLAS.gemm(
                        transposeA: false, transposeB: true, rows: n, columns: n, inner: headDimension,
                        a: dO.baseAddress! + offset, lda: width, b: v.baseAddress! + offset, ldb: width,
                        c: ds + probabilityOffset, ldc: sequence)
                }
            }
        }
    }

    /// Sets each block of `query` to `dS · K` and of `key` to `dSᵀ · Q` (`n × d`).
    func queryKeyGradients(
        _ ds: UnsafePointer<Float>, _ q: Matrix, _ k: Matrix, query: inout Matrix, key: inout Matrix
    ) {
        q.values.withUnsafeBufferPointer { q in
            k.values.withUnsafeBufferPointer { k in
                query.values.withUnsafeMutableBufferPointer { dQ in
                    key.values.withUnsafeMutableBufferPointer { dK in
                        // As above: every block lies inside its buffer; output blocks are disjoint.
                        forEach { offset, probabilityOffset, n in
                            BLAS.gemm(
                                transposeA: false, transposeB: false, rows: n, columns: headDimension, inner: n,
                                a: ds + probabilityOffset, lda: sequence, b: k.baseAddress! + offset, ldb: width,
                                c: dQ.baseAddress! + offset, ldc: width)
                            BLAS.gemm(
                                transposeA: true, transposeB: false, rows: n, columns: headDimension, inner: n,
                                a: ds + probabilityOffset, lda: sequence, b: q.baseAddress! + offset, ldb: width,
                                c: dK.baseAddress! + offset, ldc: width)
                        }
                    }
                }
            }
        }
    }
}
