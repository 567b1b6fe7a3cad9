import Foundation
import Testing

@testable import PretextTrainer

@Suite struct GELUTests {
    @Test func valuesMatchTheDefinitions() {
        // The definitions evaluated in Python's double precision (`math.erf`, `math.tanh`).
        let x = Matrix(rows: 1, columns: 4, values: [-1, 0, 1, 2.5])
        expectClose(GELU.exact.forward(x).values, [-0.158_655_25, 0, 0.841_344_75, 2.484_475_8], absolute: 1e-6)
        expectClose(GELU.tanh.forward(x).values, [-0.158_808_01, 0, 0.841_191_99, 2.484_915_7], absolute: 1e-6)
    }

    /// The one-`exp` tanh against the library's `tanhf` (the plain version), over the range
    /// GELU meets and the saturated ends.
    @Test func theFastTanhAgreesWithTanhf() {
        var worst: Float = 0
        for step in -40_000...40_000 {
            let u = Float(step) / 2_000
            worst = max(worst, abs(GELU.tanh(u) - Foundation.tanh(u)))
        }
        #expect(worst < 3e-7)
        #expect(GELU.tanh(100) == 1 && GELU.tanh(-100) == -1 && GELU.tanh(0) == 0)
    }

    @Test func huggingFaceNamesMapToTheForms() {
        #expect(GELU(huggingFaceName: "gelu") == .exact)
        #expect(GELU(huggingFaceName: "gelu_new") == .tanh)
        #expect(GELU(huggingFaceName: "relu") == nil)
    }

    @Test(arguments: [GELU.exact, .tanh])
    func backwardMatchesFiniteDifferences(form: GELU) {
        var data = TestData(seed: 10)
        var x = data.matrix(5, 7, scale: 3)
        let weights = data.matrix(5, 7)
        let analytic = form.backward(weights, input: x)
        let numeric = GradientCheck.numericGradient(
            count: x.count, perturb: { x.values[$0] += $1 },
            loss: { GradientCheck.weightedSum(form.forward(x), weights) })
        expectClose(analytic.values, numeric, absolute: 1e-3, relative: 1e-2)
    }

    @Test(arguments: [GELU.exact, .tanh])
    func resultsDoNotDependOnTheThreadCount(form: GELU) {
        var data = TestData(seed: 11)
        let x = data.matrix(512, 256, scale: 4)
        let dy = data.matrix(512, 256)
        let (one, two) = ThreadCounts.compare { (form.forward(x), form.backward(dy, input: x)) }
        #expect(one.0 == two.0 && one.1 == two.1)
    }
}
