import Testing

@testable import PretextTrainer

@Suite struct LinearTests {
    static let layouts = [Linear.WeightLayout.outputsByInputs, .inputsByOutputs]

    /// A layer of 5 inputs and 4 outputs with random weight and bias.
    static func layer(_ layout: Linear.WeightLayout, bias: Bool = true, data: inout TestData) -> Linear {
        let layer = Linear(name: "encoder.dense", inputs: 5, outputs: 4, layout: layout, bias: bias)
        data.fill(layer.weight)
        if let bias = layer.bias { data.fill(bias) }
        return layer
    }

    @Test func namesShapesAndDecayFollowTheCheckpoint() {
        let linear = Linear(name: "bert.pooler.dense", inputs: 3, outputs: 2)
        #expect(linear.weight.name == "bert.pooler.dense.weight" && linear.weight.shape == [2, 3])
        #expect(linear.bias?.name == "bert.pooler.dense.bias" && linear.bias?.shape == [2])
        #expect(linear.weight.decays && linear.bias?.decays == false)
        let conv = Linear(name: "transformer.h.0.attn.c_attn", inputs: 3, outputs: 9, layout: .inputsByOutputs)
        #expect(conv.weight.shape == [3, 9])
        #expect(Linear(name: "x", inputs: 3, outputs: 2, bias: false).bias == nil)
    }

    @Test(arguments: layouts)
    func forwardIsTheProductWithTheWeightAsStored(layout: Linear.WeightLayout) {
        var data = TestData(seed: 40)
        let layer = Self.layer(layout, data: &data)
        let x = data.matrix(3, 5)
        let stored = Matrix(rows: layer.weight.shape[0], columns: layer.weight.shape[1], values: layer.weight.value)
        var expected = naiveProduct(x, transposed: false, stored, transposed: layout == .outputsByInputs)
        for row in 0..<3 { for column in 0..<4 { expected[row, column] += layer.bias!.value[column] } }
        expectClose(layer.forward(x).output.values, expected.values)
    }

    @Test(arguments: layouts, [true, false])
    func backwardMatchesFiniteDifferences(layout: Linear.WeightLayout, bias: Bool) {
        var data = TestData(seed: 41)
        let layer = Self.layer(layout, bias: bias, data: &data)
        var x = data.matrix(3, 5)
        let weights = data.matrix(3, 4)
        let loss = { GradientCheck.weightedSum(layer.forward(x).output, weights) }
        let gradInput = layer.backward(weights, cache: layer.forward(x).cache)
        let numericInput = GradientCheck.numericGradient(count: x.count, perturb: { x.values[$0] += $1 }, loss: loss)
        expectClose(gradInput.values, numericInput, absolute: 1e-3, relative: 1e-2, "input")
        expectClose(
            layer.weight.gradient, GradientCheck.numericGradient(of: layer.weight, loss: loss), absolute: 1e-3,
            relative: 1e-2, "weight")
        if let bias = layer.bias {
            expectClose(
                bias.gradient, GradientCheck.numericGradient(of: bias, loss: loss), absolute: 1e-3, relative: 1e-2,
                "bias")
        }
    }

    @Test(arguments: layouts)
    func backwardAddsToTheGradients(layout: Linear.WeightLayout) {
        var data = TestData(seed: 42)
        let layer = Self.layer(layout, data: &data)
        let x = data.matrix(3, 5)
        let dy = data.matrix(3, 4)
        let cache = layer.forward(x).cache
        _ = layer.backward(dy, cache: cache)
        let (weightOnce, biasOnce) = (layer.weight.gradient, layer.bias!.gradient)
        _ = layer.backward(dy, cache: cache)
        expectClose(layer.weight.gradient, weightOnce.map { 2 * $0 })
        expectClose(layer.bias!.gradient, biasOnce.map { 2 * $0 })
    }

    @Test func bothLayoutsAgreeOnTransposedWeights() {
        var data = TestData(seed: 43)
        let linear = Self.layer(.outputsByInputs, data: &data)
        let conv = Linear(name: "c", inputs: 5, outputs: 4, layout: .inputsByOutputs)
        conv.weight.value =
            naiveProduct(linear.weight.valueMatrix, transposed: true, Matrix.identity(4), transposed: false).values
        conv.bias!.value = linear.bias!.value
        let x = data.matrix(6, 5)
        let dy = data.matrix(6, 4)
        expectClose(conv.forward(x).output.values, linear.forward(x).output.values)
        let dxLinear = linear.backward(dy, cache: linear.forward(x).cache)
        let dxConv = conv.backward(dy, cache: conv.forward(x).cache)
        expectClose(dxConv.values, dxLinear.values)
        let transposed = naiveProduct(
            conv.weight.gradientMatrix, transposed: true, Matrix.identity(5), transposed: false)
        expectClose(transposed.values, linear.weight.gradient)
    }
}

extension Matrix {
    /// The `size × size` identity.
    static func identity(_ size: Int) -> Matrix {
        var matrix = Matrix(rows: size, columns: size)
        for index in 0..<size { matrix[index, index] = 1 }
        return matrix
    }
}

extension Parameter {
    /// The gradient as a `shape[0] × shape[1]` matrix.
    var gradientMatrix: Matrix { Matrix(rows: shape[0], columns: shape[1], values: gradient) }
}
