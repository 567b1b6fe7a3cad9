import Foundation
import PretextCore
import Testing

@testable import PretextTrainer

/// AdamW against hand-computed steps and a plain `Double` version of torch's update.
@Suite struct AdamWTests {
    /// The first two steps of one value (lr 0.1, wd 0.01, defaults otherwise), computed by hand:
    /// step 1: p = 0.999 − 0.1 · 0.5 / (0.5 + 1e-8) = 0.899000002;
    /// step 2: m = 0.02, v = 0.00031225, p = 0.899000002 · 0.999 − 0.1 · (0.02 / 0.19) /
    /// (√(0.00031225 / 0.001999) + 1e-8) = 0.8714672987.
    @Test func theFirstTwoStepsMatchHandComputedValues() throws {
        let parameter = Parameter(name: "w", shape: [1], value: [1], decays: true)
        var optimizer = try AdamW(parameters: [parameter])
        parameter.gradient = [0.5]
        optimizer.update(learningRate: 0.1)
        #expect(abs(parameter.value[0] - 0.899_000_002) < 1e-6)
        #expect(abs(optimizer.state.moments["w"]!.first[0] - 0.05) < 1e-8)
        #expect(abs(optimizer.state.moments["w"]!.second[0] - 0.000_25) < 1e-10)
        parameter.gradient = [-0.25]
        optimizer.update(learningRate: 0.1)
        #expect(abs(parameter.value[0] - 0.871_467_298_7) < 1e-6)
        #expect(abs(optimizer.state.moments["w"]!.first[0] - 0.02) < 1e-8)
        #expect(abs(optimizer.state.moments["w"]!.second[0] - 0.000_312_25) < 1e-10)
        #expect(optimizer.step == 2)
    }

    @Test func parametersThatDoNotDecayAreNotShrunk() throws {
        let parameter = Parameter(name: "b", shape: [1], value: [1], decays: false)
        var optimizer = try AdamW(parameters: [parameter], configuration: AdamWConfiguration(weightDecay: 0.5))
        parameter.gradient = [0.5]
        optimizer.update(learningRate: 0.1)
        #expect(abs(parameter.value[0] - 0.900_000_002) < 1e-6)
    }

    @Test(arguments: [0.0, 0.01, 0.1])
    func manyStepsMatchAPlainReference(weightDecay: Double) throws {
        let configuration = AdamWConfiguration(beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: weightDecay)
        var random = ExampleRandom(seed: 11)
        let shapes = [[3, 4], [5], [1]]
        let parameters = shapes.enumerated().map { index, shape in
            Parameter(
                name: "p\(index)", shape: shape,
                value: (0..<shape.reduce(1, *)).map { _ in Float(random.unit() - 0.5) },
                decays: index != 1)
        }
        var references = parameters.map { ReferenceAdamW(values: $0.value.map(Double.init), decays: $0.decays) }
        var optimizer = try AdamW(parameters: parameters, configuration: configuration)
        for step in 1...25 {
            let learningRate = 0.01 * Double(step % 7 + 1)
            for (parameter, index) in zip(parameters, references.indices) {
                parameter.gradient = parameter.value.map { _ in Float(random.unit() * 2 - 1) }
                references[index].update(
                    gradient: parameter.gradient.map(Double.init), learningRate: learningRate,
                    configuration: configuration, step: step)
            }
            optimizer.update(learningRate: learningRate)
        }
        for (parameter, reference) in zip(parameters, references) {
            for (value, expected) in zip(parameter.value, reference.values) {
                #expect(abs(Double(value) - expected) < 1e-5, "\(parameter.name)")
            }
        }
    }

    @Test func aTiedParameterIsUpdatedOnce() throws {
        let tied = Parameter(name: "w", shape: [1], value: [1], decays: false)
        var optimizer = try AdamW(parameters: [tied, tied])
        #expect(optimizer.parameters.count == 1)
        tied.gradient = [1]
        optimizer.update(learningRate: 0.1)
        #expect(abs(tied.value[0] - 0.9) < 1e-6)
    }

    @Test func twoParametersWithOneNameAreRefused() {
        let first = Parameter(name: "w", shape: [1], decays: true)
        let second = Parameter(name: "w", shape: [1], decays: true)
        #expect(throws: PretextError.self) { try AdamW(parameters: [first, second]) }
    }

    @Test func outOfRangeHyperparametersAreRefused() {
        let parameter = Parameter(name: "w", shape: [1], decays: true)
        #expect(throws: PretextError.self) {
            try AdamW(parameters: [parameter], configuration: AdamWConfiguration(beta1: 1))
        }
    }

    /// Three steps, a state export, a fresh optimizer restoring it and two more steps give the
    /// same bits as five uninterrupted steps.
    @Test func restoringTheStateContinuesExactly() throws {
        let gradients: [[Float]] = (0..<5).map { step in (0..<6).map { Float(($0 + 1) * (step + 2) % 7) - 3 } }
        let straight = Parameter(name: "w", shape: [2, 3], value: [1, 2, 3, 4, 5, 6], decays: true)
        var uninterrupted = try AdamW(parameters: [straight])
        for gradient in gradients {
            straight.gradient = gradient
            uninterrupted.update(learningRate: 0.01)
        }
        let resumed = Parameter(name: "w", shape: [2, 3], value: [1, 2, 3, 4, 5, 6], decays: true)
        var first = try AdamW(parameters: [resumed])
        for gradient in gradients[..<3] {
            resumed.gradient = gradient
            first.update(learningRate: 0.01)
        }
        var second = try AdamW(parameters: [resumed])
        try second.restore(first.state)
        for gradient in gradients[3...] {
            resumed.gradient = gradient
            second.update(learningRate: 0.01)
        }
        #expect(resumed.value == straight.value)
        #expect(second.state == uninterrupted.state)
    }

    @Test func aStateForOtherParametersIsRefused() throws {
        let parameter = Parameter(name: "w", shape: [2], decays: true)
        var optimizer = try AdamW(parameters: [parameter])
        let wrongShape = AdamWState(step: 1, moments: ["w": AdamWMoments(shape: [3])])
        let missing = AdamWState(step: 1, moments: [:])
        let extra = AdamWState(step: 1, moments: ["w": AdamWMoments(shape: [2]), "v": AdamWMoments(shape: [1])])
        for state in [wrongShape, missing, extra] {
            #expect(throws: PretextError.self) { try optimizer.restore(state) }
        }
        #expect(optimizer.step == 0)
    }
}

/// torch's AdamW update for one parameter, element by element in `Double`.
private struct ReferenceAdamW {
    var values: [Double]
    var decays: Bool
    var first: [Double] = []
    var second: [Double] = []

    init(values: [Double], decays: Bool) {
        self.values = values
        self.decays = decays
        first = values.map { _ in 0 }
        second = first
    }

    mutating func update(gradient: [Double], learningRate: Double, configuration c: AdamWConfiguration, step: Int) {
        let correction1 = 1 - pow(c.beta1, Double(step))
        let correction2 = 1 - pow(c.beta2, Double(step))
        for i in values.indices {
            if decays { values[i] *= 1 - learningRate * c.weightDecay }
            first[i] = c.beta1 * first[i] + (1 - c.beta1) * gradient[i]
            second[i] = c.beta2 * second[i] + (1 - c.beta2) * gradient[i] * gradient[i]
            let denominator = (second[i] / correction2).squareRoot() + c.epsilon
            values[i] -= learningRate * (first[i] / correction1) / denominator
        }
    }
}
