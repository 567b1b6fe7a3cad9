import Testing

@testable import PretextTrainer

/// Clipping by global norm (`clip_grad_norm_`) and averaging accumulated gradients.
@Suite struct GradientClippingTests {
    /// Gradients (3, 0) and (0, 4): global norm 5.
    private func parameters() -> [Parameter] {
        let a = Parameter(name: "a", shape: [2], decays: true)
        let b = Parameter(name: "b", shape: [2], decays: false)
        a.gradient = [3, 0]
        b.gradient = [0, 4]
        return [a, b]
    }

    @Test func theNormCoversAllGradients() {
        #expect(GradientClipping.globalNorm(parameters()) == 5)
    }

    @Test func gradientsAboveTheLimitAreScaledToIt() {
        let parameters = parameters()
        let norm = GradientClipping.clip(parameters, maxNorm: 1)
        #expect(norm == 5)
        let coefficient = Float(1 / (5 + 1e-6))
        #expect(parameters[0].gradient == [3 * coefficient, 0])
        #expect(parameters[1].gradient == [0, 4 * coefficient])
        #expect(abs(GradientClipping.globalNorm(parameters) - 1) < 1e-6)
    }

    @Test func gradientsBelowTheLimitAreUnchanged() {
        let parameters = parameters()
        #expect(GradientClipping.clip(parameters, maxNorm: 5.5) == 5)
        #expect(parameters[0].gradient == [3, 0])
        #expect(parameters[1].gradient == [0, 4])
    }

    @Test func aTiedParameterCountsOnce() {
        let tied = Parameter(name: "w", shape: [1], decays: true)
        tied.gradient = [2]
        #expect(GradientClipping.globalNorm([tied, tied]) == 2)
        GradientClipping.clip([tied, tied], maxNorm: 1)
        #expect(abs(tied.gradient[0] - 1) < 1e-6)
    }

    @Test func accumulatedGradientsAreAveraged() {
        let parameters = parameters()
        GradientAccumulation.average(parameters, over: 4)
        #expect(parameters[0].gradient == [0.75, 0])
        #expect(parameters[1].gradient == [0, 1])
    }
}
