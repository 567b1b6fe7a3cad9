import Testing

@testable import PretextTrainer

@Suite struct MultiHeadAttentionTests {
    static let (batch, sequence, heads, headDimension) = (2, 5, 2, 3)

    /// Every option and some combinations, for a batch of 2 examples of 5 positions.
    static let masks: [(String, AttentionMask)] = [
        ("none", AttentionMask()),
        ("lengths", AttentionMask(padding: .lengths([5, 3]))),
        ("0/1 mask with a hole", AttentionMask(padding: .mask([1, 1, 0, 1, 0, 1, 1, 1, 1, 1]))),
        ("causal", AttentionMask(causal: true)),
        ("documents", AttentionMask(documents: [0, 0, 1, 1, 1, 7, 8, 8, 8, 9])),
        ("causal documents", AttentionMask(causal: true, documents: [0, 0, 1, 1, 1, 7, 8, 8, 8, 9])),
        (
            "causal lengths documents",
            AttentionMask(padding: .lengths([4, 2]), causal: true, documents: [0, 1, 1, 1, 1, 3, 3, 3, 3, 3])
        ),
        ("an example all padding", AttentionMask(padding: .lengths([0, 5]), causal: true)),
    ]

    /// Random q, k, v for `batch` examples of `sequence` positions.
    static func inputs(seed: UInt64, batch: Int = batch, sequence: Int = sequence) -> (Matrix, Matrix, Matrix) {
        var data = TestData(seed: seed)
        let width = heads * headDimension
        return (
            data.matrix(batch * sequence, width), data.matrix(batch * sequence, width),
            data.matrix(batch * sequence, width)
        )
    }

    let attention = MultiHeadAttention(heads: heads, headDimension: headDimension)

    @Test(arguments: masks)
    func forwardMatchesTheDefinition(name: String, mask: AttentionMask) {
        let (q, k, v) = Self.inputs(seed: 70)
        let output = attention.forward(
            query: q, key: k, value: v, batch: Self.batch, sequence: Self.sequence, mask: mask
        ).output
        let expected = ReferenceAttention.output(
            q, k, v, heads: Self.heads, batch: Self.batch, sequence: Self.sequence, mask: mask)
        #expect(output.values.allSatisfy { $0.isFinite }, "\(name)")
        expectClose(output.values, expected.values, absolute: 1e-5, relative: 1e-4, "\(name)")
    }

    @Test(arguments: masks)
    func backwardMatchesFiniteDifferences(name: String, mask: AttentionMask) {
        var (q, k, v) = Self.inputs(seed: 71)
        var data = TestData(seed: 72)
        let weights = data.matrix(q.rows, q.columns)
        let (batch, sequence) = (Self.batch, Self.sequence)
        let loss = {
            GradientCheck.weightedSum(
                attention.forward(query: q, key: k, value: v, batch: batch, sequence: sequence, mask: mask).output,
                weights)
        }
        let cache = attention.forward(query: q, key: k, value: v, batch: batch, sequence: sequence, mask: mask).cache
        let gradients = attention.backward(weights, cache: cache)
        let numericQ = GradientCheck.numericGradient(count: q.count, perturb: { q.values[$0] += $1 }, loss: loss)
        let numericK = GradientCheck.numericGradient(count: k.count, perturb: { k.values[$0] += $1 }, loss: loss)
        let numericV = GradientCheck.numericGradient(count: v.count, perturb: { v.values[$0] += $1 }, loss: loss)
        expectClose(gradients.query.values, numericQ, absolute: 1e-3, relative: 1e-2, "\(name): q")
        expectClose(gradients.key.values, numericK, absolute: 1e-3, relative: 1e-2, "\(name): k")
        expectClose(gradients.value.values, numericV, absolute: 1e-3, relative: 1e-2, "\(name): v")
    }

    @Test(arguments: [false, true])
    func paddingChangesNothing(causal: Bool) {
        // Example 0 has 3 real positions, example 1 has 4; alone, each is a batch of one.
        let (q, k, v) = Self.inputs(seed: 73, batch: 2, sequence: 6)
        var data = TestData(seed: 74)
        let dy = data.matrix(12, attention.width)
        let mask = AttentionMask(padding: .lengths([3, 4]), causal: causal)
        let (padded, cache) = attention.forward(query: q, key: k, value: v, batch: 2, sequence: 6, mask: mask)
        let gradients = attention.backward(dy, cache: cache)
        for (b, length) in [(0, 3), (1, 4)] {
            let rows = (b * 6)..<(b * 6 + length)
            let alone = { (m: Matrix) in m.rowBlock(rows) }
            let (output, aloneCache) = attention.forward(
                query: alone(q), key: alone(k), value: alone(v), batch: 1, sequence: length,
                mask: AttentionMask(causal: causal))
            let aloneGradients = attention.backward(alone(dy), cache: aloneCache)
            expectClose(padded.rowBlock(rows).values, output.values, absolute: 1e-6, relative: 1e-5, "output \(b)")
            expectClose(
                gradients.query.rowBlock(rows).values, aloneGradients.query.values, absolute: 1e-6, relative: 1e-5)
            expectClose(gradients.key.rowBlock(rows).values, aloneGradients.key.values, absolute: 1e-6, relative: 1e-5)
            expectClose(
                gradients.value.rowBlock(rows).values, aloneGradients.value.values, absolute: 1e-6, relative: 1e-5)
            let padding = (b * 6 + length)..<(b * 6 + 6)
            for matrix in [padded, gradients.query, gradients.key, gradients.value] {
                #expect(matrix.rowBlock(padding).values.allSatisfy { $0 == 0 }, "padding rows are zero")
            }
        }
    }

    @Test func attentionRestartsAtDocumentBoundaries() {
        // One block packing documents of 2 and 4 positions equals the two documents run alone.
        let (q, k, v) = Self.inputs(seed: 75, batch: 1, sequence: 6)
        let mask = AttentionMask(causal: true, documents: [4, 4, 9, 9, 9, 9])
        let packed = attention.forward(query: q, key: k, value: v, batch: 1, sequence: 6, mask: mask).output
        for rows in [0..<2, 2..<6] {
            let alone = attention.forward(
                query: q.rowBlock(rows), key: k.rowBlock(rows), value: v.rowBlock(rows), batch: 1,
                sequence: rows.count, mask: AttentionMask(causal: true)
            ).output
            expectClose(packed.rowBlock(rows).values, alone.values, absolute: 1e-6, relative: 1e-5)
        }
    }

    @Test func fullyMaskedRowsGiveZeroNotNaN() {
        let (q, k, v) = Self.inputs(seed: 76, batch: 2, sequence: 3)
        let mask = AttentionMask(padding: .mask([0, 0, 0, 0, 1, 1]), causal: true)
        let (output, cache) = attention.forward(query: q, key: k, value: v, batch: 2, sequence: 3, mask: mask)
        #expect(output.rowBlock(0..<4).values.allSatisfy { $0 == 0 })
        #expect(output.values.allSatisfy { $0.isFinite })
        var data = TestData(seed: 77)
        let gradients = attention.backward(data.matrix(6, attention.width), cache: cache)
        for matrix in [gradients.query, gradients.key, gradients.value] {
            #expect(matrix.values.allSatisfy { $0.isFinite })
            #expect(matrix.rowBlock(0..<4).values.allSatisfy { $0 == 0 })
        }
    }

    @Test func resultsDoNotDependOnTheThreadCount() {
        let attention = MultiHeadAttention(heads: 4, headDimension: 16)
        var data = TestData(seed: 78)
        let (q, k, v) = (data.matrix(4 * 64, 64), data.matrix(4 * 64, 64), data.matrix(4 * 64, 64))
        let dy = data.matrix(4 * 64, 64)
        let mask = AttentionMask(padding: .lengths([64, 50, 1, 33]), causal: true)
        let (one, two) = ThreadCounts.compare {
            let (output, cache) = attention.forward(query: q, key: k, value: v, batch: 4, sequence: 64, mask: mask)
            let gradients = attention.backward(dy, cache: cache)
            return [output, gradients.query, gradients.key, gradients.value]
        }
        #expect(one == two)
    }
}

extension Matrix {
    /// The rows `rows` as a matrix of their own.
    func rowBlock(_ rows: Range<Int>) -> Matrix {
        Matrix(
            rows: rows.count, columns: columns,
            values: Array(values[(rows.lowerBound * columns)..<(rows.upperBound * columns)]))
    }
}
