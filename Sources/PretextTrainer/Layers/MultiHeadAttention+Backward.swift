extension MultiHeadAttention {
    /// The gradients of `q`, `k` and `v` given the output's gradient.
    ///
    /// Per block, with `dO` the output gradient: `dV = Pᵀ · dO`, `dP = dO · Vᵀ`,
    /// `dS = P ⊙ (dP − rowsum(dP ⊙ P)) / √d` (0 wherever `P` is, so masked keys and padding
    /// queries pass nothing back), `dQ = dS · K`, `dK = dSᵀ · Q`.
    public func backward(_ gradOutput: Matrix, cache: Cache) -> Gradients {
        precondition(
            gradOutput.rows == cache.batch * cache.sequence && gradOutput.columns == width, "dy has the output's shape")
        let blocks = HeadBlocks(
            heads: heads, headDimension: headDimension, sequence: cache.sequence, active: cache.active)
        let zero = Matrix(rows: gradOutput.rows, columns: width)
        var gradients = Gradients(query: zero, key: zero, value: zero)
        var gradScores = [Float](repeating: 0, count: cache.probabilities.count)
        cache.probabilities.withUnsafeBufferPointer { probabilities in
            gradScores.withUnsafeMutableBufferPointer { gradScores in
                let (p, ds) = (probabilities.baseAddress!, gradScores.baseAddress!)
                blocks.valueGradients(p, gradOutput, into: &gradients.value)
                blocks.probabilityGradients(gradOutput, cache.value, into: ds)
                softmaxBackward(ds, probabilities: p, blocks: blocks)
                blocks.queryKeyGradients(
                    UnsafePointer(ds), cache.query, cache.key, query: &gradients.query, key: &gradients.key)
            }
        }
        return gradients
    }

    /// Turns each active row of `dP` at `ds` into `dS = P ⊙ (dP − rowsum(dP ⊙ P)) / √d` (rows
    /// split across threads).
    private func softmaxBackward(
        _ ds: UnsafeMutablePointer<Float>, probabilities p: UnsafePointer<Float>, blocks: HeadBlocks
    ) {
        let (sequence, heads, scale) = (blocks.sequence, heads, scale)
        Parallel.forEachRows(blocks.active.count * heads * sequence, rowWork: sequence * 4) { rows in
            for row in rows {
                let n = blocks.active[row / (heads * sequence)]
                guard row % sequence < n else { continue }
                // Row `row` is `sequence` values from `row × sequence` in both buffers, of
                // which `n ≤ sequence` are used; each row belongs to one chunk.
                let gradient = ds + row * sequence
                Softmax.backwardRow(gradient, probabilities: p + row * sequence, count: n)
                for j in 0..<n { gradient[j] *= scale }
            }
        }
    }
}
