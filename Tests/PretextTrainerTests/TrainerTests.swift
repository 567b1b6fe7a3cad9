import PretextCore
import PretextLoader
import PretextTestSupport
import Testing
import _PretextFileSystem

@testable import PretextTrainer

/// The training loop's mechanics on the toy model: learning, held-out evaluation, logs,
/// checkpoints, exact resumption, gradient accumulation.
@Suite struct TrainerTests {
    static func options(_ given: [String: String]) throws -> StageOptions {
        try StageOptions(
            specs: TrainingOptions.specs, given: given.map { ($0.key, RawOptionValue.scalar($0.value), nil) },
            context: "test")
    }

    static let base = [
        "steps": "60", "batch_size": "8", "learning_rate": "0.1", "warmup_steps": "5", "eval_every": "20",
        "log_every": "10", "loader_workers": "0", "eval_fraction": "0.1",
    ]

    @Test func theToyModelLearnsAndTheRunWritesItsFiles() throws {
        let directory = try TemporaryDirectory()
        let examples = FileSystem.join(directory.path, "examples")
        try writeToyExamples(at: examples, count: 400)
        let output = FileSystem.join(directory.path, "run")
        let trainer = try Trainer(
            model: ToyModel(vocabulary: 16, seed: 1), examples: examples, options: Self.options(Self.base),
            output: output)
        #expect(trainer.split.train == 0..<360 && trainer.split.heldOut == 360..<400)
        let before = EvaluationReport(try trainer.evaluate())
        let summary = try trainer.run()
        let after = EvaluationReport(summary.evaluation)
        #expect(summary.steps == 60 && summary.tokensThisRun > 60 * 8 * 2)
        let lossBefore = try #require(before["toy_loss"])
        let lossAfter = try #require(after["toy_loss"])
        #expect(lossAfter < lossBefore - 0.2)
        #expect(try #require(after["toy_accuracy"]) > 0.9)
        let log = try FileText.read(FileSystem.join(output, "log.jsonl")).split(separator: "\n")
        #expect(log.count == 6 + 3)  // steps 10…60, evaluations at 20 and 40 and the end
        #expect(log.last!.contains(#""split":"eval""#) && log.first!.hasPrefix(#"{"step":10,"loss":"#))
        for name in ["model.safetensors", "config.json", "checkpoint-000060/optimizer.safetensors"] {
            #expect(FileSystem.exists(FileSystem.join(output, name)), "\(name)")
        }
        let saved = try SafetensorsFile(contentsOf: FileSystem.join(output, "model.safetensors"))
        #expect(saved.tensors.map(\.name) == ["toy.bias", "toy.weight"])
    }

    /// 20 steps straight against 8 steps, a checkpoint, a new trainer and model resumed from it,
    /// and 12 more: the same weights bit for bit.
    @Test func aResumedRunEndsWithTheSameWeights() throws {
        let directory = try TemporaryDirectory()
        let examples = FileSystem.join(directory.path, "examples")
        try writeToyExamples(at: examples, count: 300)
        var given = Self.base
        given["steps"] = "20"
        let options = try Self.options(given)
        let straight = ToyModel(vocabulary: 16, seed: 1)
        _ = try Trainer(
            model: straight, examples: examples, options: options, output: FileSystem.join(directory.path, "a")
        ).run()

        let first = try Trainer(
            model: ToyModel(vocabulary: 16, seed: 1), examples: examples, options: options,
            output: FileSystem.join(directory.path, "b"))
        for _ in 0..<8 { _ = try first.trainStep() }
        let checkpoint = first.checkpointDirectory(step: 8)
        try first.saveCheckpoint(to: checkpoint)
        let resumedModel = ToyModel(vocabulary: 16, seed: 2)  // other weights: the checkpoint's replace them
        let resumed = try Trainer(
            model: resumedModel, examples: examples, options: options, output: FileSystem.join(directory.path, "b"))
        try resumed.resume(from: checkpoint)
        #expect(resumed.step == 8)
        _ = try resumed.run()
        #expect(resumedModel.weights.value == straight.weights.value)
        #expect(resumedModel.bias.value == straight.bias.value)

        given["learning_rate"] = "0.2"
        let other = try Trainer(
            model: ToyModel(vocabulary: 16, seed: 1), examples: examples, options: Self.options(given),
            output: FileSystem.join(directory.path, "c"))
        let error = try #require(throws: PretextError.self) { try other.resume(from: checkpoint) }
        #expect(error.code == .invalidConfiguration && error.message.contains("other options"))
    }

    /// Two batches of 4 accumulated make the same step as one batch of 8 (same examples: the
    /// loader's positions do not depend on the batch size).
    @Test func accumulatingTwoHalfBatchesIsOneWholeBatch() throws {
        let directory = try TemporaryDirectory()
        let examples = FileSystem.join(directory.path, "examples")
        try writeToyExamples(at: examples, count: 200)
        func weightsAfterThreeSteps(batchSize: Int, accumulation: Int) throws -> [Float] {
            var given = Self.base
            given["batch_size"] = String(batchSize)
            given["gradient_accumulation"] = String(accumulation)
            given["max_grad_norm"] = "0"
            let model = ToyModel(vocabulary: 16, seed: 1)
            let trainer = try Trainer(
                model: model, examples: examples, options: Self.options(given),
                output: FileSystem.join(directory.path, "run-\(batchSize)"))
            for _ in 0..<3 { _ = try trainer.trainStep() }
            return model.weights.value
        }
        let whole = try weightsAfterThreeSteps(batchSize: 8, accumulation: 1)
        let halves = try weightsAfterThreeSteps(batchSize: 4, accumulation: 2)
        #expect(zip(whole, halves).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(whole != ToyModel(vocabulary: 16, seed: 1).weights.value)
    }

    @Test func hiddenMustDivideIntoHeads() throws {
        let error = try #require(throws: PretextError.self) {
            try TrainingConfiguration(Self.options(["hidden": "100", "heads": "3"])).validate()
        }
        #expect(error.message.contains("multiple of heads"))
    }
}
