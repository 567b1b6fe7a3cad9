import Foundation
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// The contrastive encoder's pooled embeddings and last hidden states against
/// `scripts/reference/bert_forward.py` (its bare-`BertModel` mode) on a checkpoint the trainer
/// saved. Needs the Python of `PRETEXT_PYTHON` with numpy and safetensors, as
/// ``BERTReferenceTests``.
@Suite struct ContrastiveReferenceTests {
    /// The script's output for a `BertModel` checkpoint.
    struct Output: Decodable {
        var lastHiddenState: [[[Double]]]
        var pooled: [[Double]]

        enum CodingKeys: String, CodingKey {
            case lastHiddenState = "last_hidden_state"
            case pooled
        }
    }

    /// A tiny model with weights far from their initial values: randomized, then a few AdamW
    /// steps on the fixture's pairs with hard negatives.
    static func trainedModel(_ configuration: ContrastiveConfiguration) throws -> ContrastiveEncoder {
        let model = try ContrastiveFixture.model(configuration, seed: 41)
        ContrastiveFixture.randomize(model, seed: 42, scale: 0.3)
        let inputs = try ContrastiveFixture.inputs(negatives: true, configuration: configuration, seed: 43)
        var optimizer = try AdamW(parameters: model.parameters)
        for _ in 0..<3 {
            ContrastiveFixture.zeroGradients(model)
            _ = model.run(inputs, gradientScale: 1)
            optimizer.update(learningRate: 1e-2)
        }
        return model
    }

    @Test(arguments: ContrastivePooling.allCases)
    func embeddingsMatchTheNumpyReference(pooling: ContrastivePooling) throws {
        guard BERTReferenceTests.pythonIsReady() else { return }
        let configuration = ContrastiveFixture.configuration(pooling: pooling)
        let model = try Self.trainedModel(configuration)
        let texts = ContrastiveFixture.texts([8, 6, 2, 5, 11], seed: 44)
        let inputs = try ContrastiveInputs.padded(texts, to: 12, configuration: configuration.encoder)
        let directory = try TemporaryDirectory()
        try SafetensorsFile(parameters: model.parameters).write(to: directory.file("model.safetensors"))
        try model.configurationFile.write(toDirectory: directory.path)
        let lengths = texts.map(\.count)
        try BERTReferenceTests.inputsJSON(inputs, lengths: lengths)
            .write(to: URL(fileURLWithPath: directory.file("inputs.json")))
        let script = BERTReferenceTests.root.appendingPathComponent("scripts/reference/bert_forward.py").path
        let run = try BERTReferenceTests.runPython([
            script, directory.path, directory.file("inputs.json"), directory.file("out.json"),
        ])
        try #require(run.status == 0, "bert_forward.py failed: \(run.standardError)")
        let output = try JSONDecoder().decode(
            Output.self, from: Data(contentsOf: URL(fileURLWithPath: directory.file("out.json"))))
        expectClose(
            model.embed(inputs).values, output.pooled.flatMap { $0.map(Float.init) }, absolute: 1e-4, relative: 0,
            "pooled embeddings")
        let (hidden, _) = model.encoder.forward(inputs)
        for (example, length) in lengths.enumerated() {
            let rows = (example * 12)..<(example * 12 + length)
            expectClose(
                Array(hidden.values[(rows.lowerBound * 16)..<(rows.upperBound * 16)]),
                output.lastHiddenState[example].flatMap { $0.map(Float.init) }, absolute: 1e-4, relative: 0,
                "last hidden states of example \(example)")
        }
    }
}
