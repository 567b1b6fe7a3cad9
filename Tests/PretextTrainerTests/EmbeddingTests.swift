import Testing

@testable import PretextTrainer

@Suite struct EmbeddingTests {
    /// A table of 7 rows of 4 random values.
    static func table(data: inout TestData) -> Embedding {
        let table = Embedding(name: "bert.embeddings.word_embeddings", vocabulary: 7, dimension: 4)
        data.fill(table.weight)
        return table
    }

    @Test func forwardGathersRows() {
        var data = TestData(seed: 60)
        let table = Self.table(data: &data)
        #expect(table.weight.name == "bert.embeddings.word_embeddings.weight" && table.weight.shape == [7, 4])
        let output = table.forward([3, 0, 3])
        let row = { (id: Int) in Array(table.weight.value[(id * 4)..<(id * 4 + 4)]) }
        #expect(output.values == row(3) + row(0) + row(3))
    }

    @Test func backwardScatterAddsRepeatedIds() {
        var data = TestData(seed: 61)
        let table = Self.table(data: &data)
        let ids: [Int32] = [5, 1, 5, 5]
        let dy = data.matrix(4, 4)
        table.backward(dy, ids: ids)
        for id in 0..<7 {
            var expected = [Float](repeating: 0, count: 4)
            for (row, other) in ids.enumerated() where Int(other) == id {
                for j in 0..<4 { expected[j] += dy[row, j] }
            }
            expectClose(Array(table.weight.gradient[(id * 4)..<(id * 4 + 4)]), expected, "row \(id)")
        }
    }

    @Test func gatherGradientMatchesFiniteDifferences() {
        var data = TestData(seed: 62)
        let table = Self.table(data: &data)
        let ids: [Int32] = [2, 6, 2, 0, 1]
        let weights = data.matrix(5, 4)
        table.backward(weights, ids: ids)
        let numeric = GradientCheck.numericGradient(of: table.weight) {
            GradientCheck.weightedSum(table.forward(ids), weights)
        }
        expectClose(table.weight.gradient, numeric, absolute: 1e-3, relative: 1e-2)
    }

    @Test func projectionBackwardMatchesFiniteDifferences() {
        var data = TestData(seed: 63)
        let table = Self.table(data: &data)
        var h = data.matrix(3, 4)
        let weights = data.matrix(3, 7)
        let loss = { GradientCheck.weightedSum(table.project(h).output, weights) }
        expectClose(
            table.project(h).output.values,
            naiveProduct(h, transposed: false, table.weight.valueMatrix, transposed: true).values)
        let gradInput = table.projectBackward(weights, cache: table.project(h).cache)
        let numericInput = GradientCheck.numericGradient(count: h.count, perturb: { h.values[$0] += $1 }, loss: loss)
        expectClose(gradInput.values, numericInput, absolute: 1e-3, relative: 1e-2, "input")
        expectClose(
            table.weight.gradient, GradientCheck.numericGradient(of: table.weight, loss: loss), absolute: 1e-3,
            relative: 1e-2, "table")
    }

    @Test func aTiedTableGetsTheGatherAndTheProjectionGradients() {
        var data = TestData(seed: 64)
        let table = Self.table(data: &data)
        let ids: [Int32] = [4, 1, 4]
        let weights = data.matrix(3, 7)
        // logits = gather(ids) · Eᵀ: E is used twice.
        let loss = { GradientCheck.weightedSum(table.project(table.forward(ids)).output, weights) }
        let (_, cache) = table.project(table.forward(ids))
        table.backward(table.projectBackward(weights, cache: cache), ids: ids)
        expectClose(
            table.weight.gradient, GradientCheck.numericGradient(of: table.weight, loss: loss), absolute: 1e-3,
            relative: 1e-2)
    }
}
