import Foundation
import PretextLoader
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// The GPT-2 forward pass against `scripts/reference/gpt2_forward.py`, an independent numpy
/// implementation, on a checkpoint the trainer wrote after a few steps of training.
///
/// Runs the Python named by `PRETEXT_PYTHON` (default `python3`), which needs numpy and
/// safetensors; without them the test fails and says to run `scripts/setup-python`.
@Suite struct GPT2ReferenceTests {
    /// The repository's root, from this file's path (`Tests/PretextTrainerTests/…`).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The Python to run.
    static var python: String { ProcessInfo.processInfo.environment["PRETEXT_PYTHON"] ?? "python3" }

    /// What `gpt2_forward.py` reads as INPUTS.json.
    struct Inputs: Encodable {
        var inputIDs: [[Int32]]
        var positions: [[Int32]]
        var length: [Int32]
        var documentAttention: Bool

        enum CodingKeys: String, CodingKey {
            case inputIDs = "input_ids"
            case positions, length
            case documentAttention = "document_attention"
        }

        init(_ batch: Batch, documentAttention: Bool) {
            let rows = 0..<batch.size
            inputIDs = rows.map { Array(batch["input_ids"]!.row($0)) }
            positions = rows.map { Array(batch["positions"]!.row($0)) }
            length = batch["length"]!.values
            self.documentAttention = documentAttention
        }
    }

    /// What it writes as OUT.json: each row's logits at its real positions.
    struct Output: Decodable {
        var logits: [[[Double]]]
    }

    /// Runs `python ARGUMENTS`; returns the exit status and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A tiny model trained a few steps on the standard batch (so LayerNorm and biases are
    /// not at their initial values), saved with its config to `directory`.
    static func trainedModel(documentAttention: Bool, in directory: TemporaryDirectory) throws -> GPT2LMHeadModel {
        let model = try GPT2LMHeadModel(GPT2Fixtures.configuration(documentAttention: documentAttention), seed: 21)
        var optimizer = try AdamW(parameters: model.parameters)
        for _ in 0..<5 {
            for parameter in model.parameters { parameter.zeroGradient() }
            _ = try model.trainStep(GPT2Fixtures.standardBatch, gradientScale: 1)
            optimizer.update(learningRate: 3e-2)
        }
        try SafetensorsFile(parameters: model.parameters).write(to: directory.file("model.safetensors"))
        try model.configurationFile.write(toDirectory: directory.path)
        return model
    }

    @Test(arguments: [true, false])
    func logitsMatchTheNumpyReference(documentAttention: Bool) throws {
        let check = try Self.run(["-c", "import numpy, safetensors.numpy"])
        guard check.status == 0 else {
            Issue.record(
                "\(Self.python) lacks numpy or safetensors: run scripts/setup-python and set PRETEXT_PYTHON to its python (\(check.error))"
            )
            return
        }
        let directory = try TemporaryDirectory()
        let model = try Self.trainedModel(documentAttention: documentAttention, in: directory)
        let batch = GPT2Fixtures.standardBatch
        let inputsPath = directory.file("inputs.json")
        try JSONEncoder().encode(Inputs(batch, documentAttention: documentAttention))
            .write(to: URL(fileURLWithPath: inputsPath))
        let script = Self.root + "/scripts/reference/gpt2_forward.py"
        let outPath = directory.file("out.json")
        let result = try Self.run([script, directory.path, inputsPath, outPath])
        try #require(result.status == 0, "gpt2_forward.py failed: \(result.error)")
        let reference = try JSONDecoder().decode(Output.self, from: Data(contentsOf: URL(fileURLWithPath: outPath)))
        let logits = try model.logits(batch)
        let sequence = batch["input_ids"]!.shape[1]
        for (row, expected) in reference.logits.enumerated() {
            #expect(expected.count == Int(batch["length"]!.values[row]))
            let start = row * sequence * logits.columns
            let actual = Array(logits.values[start..<(start + expected.count * logits.columns)])
            expectClose(actual, expected.joined().map { Float($0) }, absolute: 1e-4, relative: 0, "row \(row)")
        }
    }
}
