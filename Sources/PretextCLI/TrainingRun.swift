import Foundation
import Pretext
import _PretextFileSystem

/// A training run as `pretext train` and a pipeline's `train:` section start it: the model
/// chosen for the examples, a resume from the run directory's latest matching checkpoint, a
/// progress line, and the summary.
struct TrainingRun {
    let examples: String
    let options: StageOptions
    let output: String

    /// Trains (or resumes, or finds done) and prints the summary.
    /// - Parameter resume: a checkpoint to resume from; `nil`: the latest one in `output`
    ///   written with the same options, if any.
    func run(resume: String? = nil) throws {
        let configuration = TrainingConfiguration(options)
        let built = try ModelFactory.model(for: examples, configuration: configuration)
        let trainer = try Trainer(
            model: built.model, examples: examples, options: options, output: output, transform: built.transform,
            probeFraming: built.probeFraming)
        if let checkpoint = resume ?? latestCheckpoint(of: trainer) {
            try trainer.resume(from: checkpoint)
            print("train: resuming from \(checkpoint) (step \(trainer.step) of \(configuration.steps))")
        }
        print("train: \(built.description) on \(examples)")
        if let reason = trainer.probeSkipReason { print("train: no linear probe: \(reason)") }
        print(
            "train: \(trainer.split.train.count) examples for training, \(trainer.split.heldOut.count) held out; "
                + "\(configuration.steps) steps of \(configuration.batchSize) × \(configuration.gradientAccumulation)")
        let line = ProgressLine(steps: configuration.steps)
        let summary = try trainer.run { line.show($0) }
        line.finish()
        print(Self.describe(summary, parameters: built.model.parameters.reduce(0) { $0 + $1.count }))
    }

    /// The newest `checkpoint-*` of `trainer`'s run directory whose state was written with the
    /// same options and examples.
    private func latestCheckpoint(of trainer: Trainer) -> String? {
        let names = (try? FileSystem.listDirectory(output)) ?? []
        for name in names.filter({ $0.hasPrefix("checkpoint-") }).sorted().reversed() {
            let directory = FileSystem.join(output, name)
            let state = FileSystem.join(directory, TrainerState.fileName)
            guard FileSystem.exists(state), (try? trainer.matches(checkpoint: directory)) == true else { continue }
            return directory
        }
        return nil
    }

    static func describe(_ summary: TrainingSummary, parameters: Int) -> String {
        let first = summary.firstLosses.reduce(0, +) / Double(max(1, summary.firstLosses.count))
        let last = summary.lastLosses.reduce(0, +) / Double(max(1, summary.lastLosses.count))
        let rate = Double(summary.tokensThisRun) / max(summary.elapsedSeconds, 1e-9)
        var lines = [
            String(
                format: "train: %d steps (%d this run), %@ tokens in %.1f s (%@ tokens/s), %@ parameters",
                summary.steps, summary.stepsThisRun, grouped(summary.tokensThisRun), summary.elapsedSeconds,
                grouped(Int(rate)), grouped(parameters))
        ]
        if !summary.firstLosses.isEmpty {
            lines.append(String(format: "train: loss %.3f → %.3f (mean of the first and last 10 steps)", first, last))
        }
        let report = EvaluationReport(summary.evaluation)
        if !report.values.isEmpty { lines.append("held-out: " + report.line) }
        if let probe = summary.probe { lines.append(probeLine(probe, untrained: summary.probeAtStart)) }
        lines.append(
            "model: \(summary.output) (model.safetensors, config.json, tokenizer); log: log.jsonl; curves: report.html")
        return lines.joined(separator: "\n")
    }

    /// `probe lang (…): accuracy 0.943  macro-F1 0.912 (majority class 0.457); untrained 0.800 / 0.610`.
    static func probeLine(_ probe: ProbeResult, untrained: ProbeResult?) -> String {
        guard let untrained else { return probe.line }
        return probe.line
            + String(format: "; untrained model %.3f / %.3f", untrained.scores.accuracy, untrained.scores.macroF1)
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}

/// The progress of a run: rewritten in place on a terminal (`step 120/300  loss 3.214
/// 41,230 tok/s  ETA 0:42`), one line per tenth of the run otherwise.
final class ProgressLine {
    let steps: Int
    let terminal = isatty(STDERR_FILENO) == 1
    private var lastShown = -1

    init(steps: Int) { self.steps = steps }

    func show(_ progress: TrainingProgress) {
        let text = String(
            format: "step %d/%d  loss %.3f  %@ tok/s  ETA %@", progress.step, progress.steps, progress.loss,
            TrainingRun.grouped(Int(progress.tokensPerSecond)), Self.clock(progress.remainingSeconds))
        if terminal {
            StandardError.write("\r" + text + "   ")
        } else {
            let tenth = progress.step * 10 / max(1, steps)
            guard tenth != lastShown else { return }
            lastShown = tenth
            print("train: " + text)
        }
    }

    func finish() {
        if terminal { StandardError.write("\n") }
    }

    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
