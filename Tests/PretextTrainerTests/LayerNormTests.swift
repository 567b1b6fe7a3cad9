import Testing

@testable import PretextTrainer

@Suite struct LayerNormTests {
    /// A layer over 6 features with random γ and β.
    static func layer(epsilon: Float, data: inout TestData) -> LayerNorm {
        let layer = LayerNorm(name: "bert.embeddings.LayerNorm", dimension: 6, epsilon: epsilon)
        layer.weight.value = data.values(6).map { 1 + 0.5 * $0 }
        data.fill(layer.bias)
        return layer
    }

    @Test func namesInitialValuesAndDecay() {
        let layer = LayerNorm(name: "transformer.ln_f", dimension: 3, epsilon: 1e-5)
        #expect(layer.weight.name == "transformer.ln_f.weight" && layer.bias.name == "transformer.ln_f.bias")
        #expect(layer.weight.value == [1, 1, 1] && layer.bias.value == [0, 0, 0])
        #expect(!layer.weight.decays && !layer.bias.decays)
    }

    @Test func forwardMatchesTheDefinitionWithTheBiasedVariance() {
        var data = TestData(seed: 50)
        let layer = Self.layer(epsilon: 1e-5, data: &data)
        let x = data.matrix(3, 6, scale: 4)
        var expected = [Float]()
        for row in 0..<3 {
            let values = (0..<6).map { Double(x[row, $0]) }
            let mean = values.reduce(0, +) / 6
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 6
            for j in 0..<6 {
                let normalized = (values[j] - mean) / (variance + 1e-5).squareRoot()
                expected.append(Float(normalized * Double(layer.weight.value[j]) + Double(layer.bias.value[j])))
            }
        }
        expectClose(layer.forward(x).output.values, expected, absolute: 1e-5)
    }

    @Test(arguments: [Float(1e-12), 1e-5])
    func backwardMatchesFiniteDifferences(epsilon: Float) {
        var data = TestData(seed: 51)
        let layer = Self.layer(epsilon: epsilon, data: &data)
        var x = data.matrix(4, 6, scale: 2)
        let weights = data.matrix(4, 6)
        let loss = { GradientCheck.weightedSum(layer.forward(x).output, weights) }
        let gradInput = layer.backward(weights, cache: layer.forward(x).cache)
        let numericInput = GradientCheck.numericGradient(count: x.count, perturb: { x.values[$0] += $1 }, loss: loss)
        expectClose(gradInput.values, numericInput, absolute: 2e-3, relative: 1e-2, "input")
        expectClose(
            layer.weight.gradient, GradientCheck.numericGradient(of: layer.weight, loss: loss), absolute: 1e-3,
            relative: 1e-2, "weight")
        expectClose(
            layer.bias.gradient, GradientCheck.numericGradient(of: layer.bias, loss: loss), absolute: 1e-3,
            relative: 1e-2, "bias")
    }

    @Test func resultsDoNotDependOnTheThreadCount() {
        var data = TestData(seed: 52)
        let x = data.matrix(1000, 96, scale: 3)
        let dy = data.matrix(1000, 96)
        let (one, two) = ThreadCounts.compare {
            let layer = LayerNorm(name: "n", dimension: 96, epsilon: 1e-12)
            let (y, cache) = layer.forward(x)
            return [y.values, layer.backward(dy, cache: cache).values, layer.weight.gradient, layer.bias.gradient]
        }
        #expect(one == two)
    }
}
