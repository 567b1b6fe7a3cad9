import Foundation
import PretextLoader
import Testing

@testable import PretextTrainer

/// The GPT-2 backward pass against central finite differences, and the gradient's invariances.
@Suite struct GPT2GradientTests {
    /// A tiny model with values large enough that every path carries a visible gradient:
    /// weights uniform in ±0.3, LayerNorm scales 1 ± 0.2.
    static func model(seed: UInt64, documentAttention: Bool = true) throws -> GPT2LMHeadModel {
        let model = try GPT2LMHeadModel(GPT2Fixtures.configuration(documentAttention: documentAttention))
        var data = TestData(seed: seed)
        for parameter in model.parameters {
            let isScale = parameter.name.contains(".ln_") && parameter.name.hasSuffix(".weight")
            parameter.value = data.values(parameter.count, scale: isScale ? 0.2 : 0.3).map { isScale ? 1 + $0 : $0 }
        }
        return model
    }

    /// `count` distinct indices of `0 ..< bound` (all of them when there are fewer).
    static func sample(_ count: Int, below bound: Int, data: inout TestData) -> [Int] {
        guard bound > count else { return Array(0..<bound) }
        var chosen = Set<Int>()
        while chosen.count < count { chosen.insert(data.integer(below: bound)) }
        return chosen.sorted()
    }

    @Test(arguments: [true, false])
    func everyParameterMatchesFiniteDifferences(documentAttention: Bool) throws {
        let model = try Self.model(seed: 41, documentAttention: documentAttention)
        let batch = GPT2Fixtures.standardBatch
        _ = try model.trainStep(batch, gradientScale: 1)
        var data = TestData(seed: 42)
        let loss = { try! model.evaluate(batch).entries["clm_loss"]!.sum }
        for parameter in model.parameters {
            var indices = Self.sample(8, below: parameter.count, data: &data)
            // The rows of `wte` the batch reads (ids 7, 33) and padding's id 0, whose rows get
            // gradient from the projection only.
            if parameter.name == "transformer.wte.weight" { indices += [7 * 16 + 3, 33 * 16 + 9, 0 * 16 + 5] }
            let numeric = GradientCheck.numericGradient(
                count: indices.count, step: 1e-2, perturb: { parameter.value[indices[$0]] += $1 },
                loss: { loss() / 19 })
            let analytic = indices.map { parameter.gradient[$0] }
            expectClose(analytic, numeric, absolute: 3e-4, relative: 2e-2, "\(parameter.name)")
        }
    }

    @Test func theGradientScaleScalesTheGradient() throws {
        let (one, half) = (try Self.model(seed: 43), try Self.model(seed: 43))
        let metrics = try one.trainStep(GPT2Fixtures.standardBatch, gradientScale: 1)
        let halved = try half.trainStep(GPT2Fixtures.standardBatch, gradientScale: 0.5)
        #expect(metrics == halved)
        for (a, b) in zip(one.parameters, half.parameters) {
            expectClose(b.gradient, a.gradient.map { $0 / 2 }, absolute: 1e-7, relative: 1e-5, "\(a.name)")
        }
    }

    @Test(arguments: [true, false])
    func extraPaddingChangesNothing(documentAttention: Bool) throws {
        let rows: [(ids: [Int32], positions: [Int32])] = [
            (GPT2Fixtures.documentA + GPT2Fixtures.documentB, [0, 1, 2, 3, 4, 0, 1, 2]),
            ([3, 17, 22, 8, 30, 1], [0, 1, 2, 3, 4, 5]),
        ]
        let (short, long) = (
            try Self.model(seed: 44, documentAttention: documentAttention),
            try Self.model(seed: 44, documentAttention: documentAttention)
        )
        let a = try short.trainStep(GPT2Fixtures.batch(rows, sequence: 8), gradientScale: 1)
        let b = try long.trainStep(GPT2Fixtures.batch(rows, sequence: 13), gradientScale: 1)
        #expect(abs(a.mean("loss")! - b.mean("loss")!) < 1e-6)
        #expect(a.entries["clm_loss"]?.count == b.entries["clm_loss"]?.count)
        for (x, y) in zip(short.parameters, long.parameters) {
            expectClose(y.gradient, x.gradient, absolute: 1e-6, relative: 1e-4, "\(x.name)")
        }
    }

    /// The loss of each next-token prediction at `range` of `logits`' rows.
    static func tokenLosses(_ logits: Matrix, targets: [Int32], range: Range<Int>) -> [Float] {
        range.map { row in
            let values = logits.values[(row * logits.columns)..<((row + 1) * logits.columns)]
            let maximum = values.max()!
            let sum = values.reduce(0) { $0 + exp(Double($1 - maximum)) }
            return Float(Double(maximum) + log(sum) - Double(values[values.startIndex + Int(targets[row])]))
        }
    }

    @Test func aPackedDocumentIsReadAsIfAlone() throws {
        let (a, b) = (GPT2Fixtures.documentA, GPT2Fixtures.documentB)
        let packed = GPT2Fixtures.batch([(a + b, [0, 1, 2, 3, 4, 0, 1, 2])], sequence: 8)
        let alone = GPT2Fixtures.batch([(b, [0, 1, 2])], sequence: 3)
        for documentAttention in [true, false] {
            let model = try Self.model(seed: 45, documentAttention: documentAttention)
            let packedInputs = try DecoderInputs(batch: packed, configuration: model.configuration)
            let aloneInputs = try DecoderInputs(batch: alone, configuration: model.configuration)
            // B's tokens predicting B's next tokens: rows 5, 6 packed, rows 0, 1 alone.
            let inPack = Self.tokenLosses(model.logits(packedInputs), targets: packedInputs.targets, range: 5..<7)
            let byItself = Self.tokenLosses(model.logits(aloneInputs), targets: aloneInputs.targets, range: 0..<2)
            if documentAttention {
                expectClose(inPack, byItself, absolute: 1e-5, relative: 1e-5)
            } else {
                #expect(zip(inPack, byItself).allSatisfy { abs($0 - $1) > 1e-3 }, "A is seen without documents")
            }
        }
    }
}
