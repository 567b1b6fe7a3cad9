import Foundation
import Testing

@testable import PretextTrainer

@Suite struct SoftmaxTests {
    @Test func rowsSumToOneAndLargeValuesDoNotOverflow() {
        let x = Matrix(rows: 2, columns: 3, values: [1, 2, 3, 1000, 1000, 1000])
        let y = Softmax.forward(x)
        let e = [exp(Float(-2)), exp(Float(-1)), 1]
        let sum = e.reduce(0, +)
        expectClose(Array(y.values[0..<3]), e.map { $0 / sum }, absolute: 1e-6)
        expectClose(Array(y.values[3..<6]), [1, 1, 1].map { Float($0) / 3 }, absolute: 1e-6)
    }

    @Test func minusInfinityIsMaskedAndAnAllMaskedRowIsZero() {
        let x = Matrix(rows: 2, columns: 3, values: [0, -.infinity, 0, -.infinity, -.infinity, -.infinity])
        let y = Softmax.forward(x)
        #expect(y.values == [0.5, 0, 0.5, 0, 0, 0])
        let dx = Softmax.backward(Matrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6]), output: y)
        #expect(dx.values.allSatisfy { $0.isFinite })
        #expect(Array(dx.values[3..<6]) == [0, 0, 0])
    }

    @Test func backwardMatchesFiniteDifferences() {
        var data = TestData(seed: 20)
        var x = data.matrix(4, 6, scale: 2)
        let weights = data.matrix(4, 6)
        let analytic = Softmax.backward(weights, output: Softmax.forward(x))
        let numeric = GradientCheck.numericGradient(
            count: x.count, perturb: { x.values[$0] += $1 },
            loss: { GradientCheck.weightedSum(Softmax.forward(x), weights) })
        expectClose(analytic.values, numeric, absolute: 1e-3, relative: 1e-2)
    }

    @Test func resultsDoNotDependOnTheThreadCount() {
        var data = TestData(seed: 21)
        let x = data.matrix(300, 200, scale: 5)
        let dy = data.matrix(300, 200)
        let (one, two) = ThreadCounts.compare {
            let y = Softmax.forward(x)
            return (y, Softmax.backward(dy, output: y))
        }
        #expect(one.0 == two.0 && one.1 == two.1)
    }
}
