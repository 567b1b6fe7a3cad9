import Foundation
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// The trainer's logits against `scripts/reference/bert_forward.py`, a numpy forward pass
/// written from transformers' formulas, on a checkpoint the trainer saved.
///
/// Runs the Python named by `PRETEXT_PYTHON` (default `python3`), which needs numpy and
/// safetensors: `scripts/setup-python` installs them. Without them the test fails (it is
/// the issue's parity check, not an optional extra).
@Suite struct BERTReferenceTests {
    /// The Python to run.
    static var python: String { ProcessInfo.processInfo.environment["PRETEXT_PYTHON"] ?? "python3" }

    /// The repository's root, from this file's path (`Tests/PretextTrainerTests/…`).
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// What a process printed and how it ended.
    struct Run {
        var status: Int32
        var standardError: String
    }

    /// Runs `python ARGUMENTS` through `/usr/bin/env`, capturing standard error.
    static func runPython(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, standardError: String(decoding: data, as: UTF8.self))
    }

    /// Records an issue, and returns false, when the Python cannot import numpy and safetensors.
    static func pythonIsReady() -> Bool {
        let run = try? runPython(["-c", "import numpy, safetensors.numpy"])
        guard run?.status == 0 else {
            Issue.record(
                """
                '\(python)' cannot import numpy and safetensors, which the reference forward pass needs: \
                run scripts/setup-python (or set PRETEXT_PYTHON to a Python that has them). \
                \(run?.standardError ?? "it could not be started")
                """)
            return false
        }
        return true
    }

    /// The script's output.
    struct Output: Decodable {
        var mlmLogits: [[[Double]]]
        var pairLogits: [[Double]]?

        enum CodingKeys: String, CodingKey {
            case mlmLogits = "mlm_logits"
            case pairLogits = "pair_logits"
        }
    }

    /// A tiny model with weights far from their initial values: randomized, then a few AdamW
    /// steps on the fixture batch.
    static func trainedModel(_ configuration: EncoderConfiguration) throws -> BertForPreTraining {
        let model = try BERTFixture.model(configuration, seed: 31)
        BERTFixture.randomize(model, seed: 32, scale: 0.3)
        let batch = BERTFixture.batch(BERTFixture.examples(seed: 33), pairLabels: configuration.pairTask != .none)
        var optimizer = try AdamW(parameters: model.parameters)
        for _ in 0..<3 {
            BERTFixture.zeroGradients(model)
            _ = try model.trainStep(batch, gradientScale: 1)
            optimizer.update(learningRate: 1e-2)
        }
        return model
    }

    /// The inputs file: ids and segments padded to the batch's width, and the lengths.
    static func inputsJSON(_ inputs: EncoderInputs, lengths: [Int]) throws -> Data {
        let rows = (0..<inputs.batch).map { ($0 * inputs.sequence)..<(($0 + 1) * inputs.sequence) }
        let object: [String: Any] = [
            "input_ids": rows.map { Array(inputs.ids[$0]) }, "segment_ids": rows.map { Array(inputs.segments[$0]) },
            "lengths": lengths,
        ]
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test(arguments: [EncoderConfiguration.PairTask.nsp, .none])
    func logitsMatchTheNumpyReference(pairTask: EncoderConfiguration.PairTask) throws {
        try Self.expectReferenceLogits(BERTFixture.configuration(pairTask: pairTask))
    }

    /// RoBERTa (its position ids, `lm_head`) and ALBERT (E < H, the shared layer run twice,
    /// `sop_classifier`) against the same script, which reads `model_type`.
    @Test(arguments: [EncoderConfiguration.Variant.roberta, .albert])
    func variantLogitsMatchTheNumpyReference(variant: EncoderConfiguration.Variant) throws {
        try Self.expectReferenceLogits(BERTFixture.configuration(variant))
    }

    /// Saves a trained model of `configuration`, runs `bert_forward.py` on it and compares the
    /// logits of every real position and the pair logits within 1e-4.
    static func expectReferenceLogits(_ configuration: EncoderConfiguration) throws {
        guard Self.pythonIsReady() else { return }
        let model = try Self.trainedModel(configuration)
        let lengths = [8, 6, 2, 5]
        let batch = BERTFixture.batch(BERTFixture.examples(lengths: lengths, seed: 34), pairLabels: false)
        let inputs = try EncoderInputs(batch, configuration: configuration)
        let directory = try TemporaryDirectory()
        try SafetensorsFile(parameters: model.parameters).write(to: directory.file("model.safetensors"))
        try model.configurationFile.write(toDirectory: directory.path)
        try Self.inputsJSON(inputs, lengths: lengths).write(to: URL(fileURLWithPath: directory.file("inputs.json")))
        let script = Self.root.appendingPathComponent("scripts/reference/bert_forward.py").path
        let run = try Self.runPython([
            script, directory.path, directory.file("inputs.json"), directory.file("out.json"),
        ])
        try #require(run.status == 0, "bert_forward.py failed: \(run.standardError)")
        let output = try JSONDecoder().decode(
            Output.self, from: Data(contentsOf: URL(fileURLWithPath: directory.file("out.json"))))
        let logits = model.logits(inputs)
        for (example, length) in lengths.enumerated() {
            for position in 0..<length {
                let row = example * inputs.sequence + position
                let swift = Array(logits.maskedLM.values[(row * 40)..<((row + 1) * 40)])
                expectClose(
                    swift, output.mlmLogits[example][position].map(Float.init), absolute: 1e-4, relative: 0,
                    "MLM logits of example \(example), position \(position)")
            }
        }
        #expect((logits.pair == nil) == (output.pairLogits == nil))
        if let pair = logits.pair, let reference = output.pairLogits {
            expectClose(
                pair.values, reference.flatMap { $0.map(Float.init) }, absolute: 1e-4, relative: 0, "pair logits")
        }
    }
}
