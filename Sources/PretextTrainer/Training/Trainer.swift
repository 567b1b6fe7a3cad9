import PretextCore
import PretextLoader
import _PretextFileSystem

/// Trains a model on an examples dataset with AdamW: batches from the loader (the training
/// split, shuffled), gradient accumulation and clipping, Hugging Face's learning-rate schedules,
/// evaluation on the held-out split, JSON-lines logs and checkpoints that resume exactly.
///
/// The run directory (`output`) ends up holding the final model as `from_pretrained` reads it
/// (`model.safetensors`, `config.json`, the tokenizer), `checkpoint-NNNNNN/` directories (the
/// same plus `optimizer.safetensors` and `trainer_state.json`), `log.jsonl` and `report.html`
/// (the log's curves, `TrainingReport`).
///
/// ```swift
/// let trainer = try Trainer(model: model, examples: "out/run/13-causal_lm", options: options, output: "out/model")
/// let summary = try trainer.run()
/// ```
public final class Trainer {
    /// The model trained.
    public let model: any TrainableModel
    /// The settings.
    public let configuration: TrainingConfiguration
    /// The examples dataset.
    public let examples: String
    /// The run directory.
    public let output: String
    /// Which examples train and which are held out.
    public let split: TrainingSplit
    /// Optimizer steps done.
    public private(set) var step = 0
    /// Real tokens trained on so far.
    public private(set) var tokensSeen = 0

    private let options: StageOptions
    private let transform: (any ExampleTransform)?
    private let loader: DataLoader
    private var optimizer: AdamW
    let log: TrainingLog
    /// The linear probe run before the first step and after the last.
    let probeSetup: ProbeSetup

    /// Prepares a run: opens the examples (split into training and held-out examples), the
    /// training loader and the run directory's log. The model comes initialized.
    /// - Parameters:
    ///   - options: checked `TrainingOptions`.
    ///   - transform: a load-time transform (RoBERTa's `DynamicMasking`), for training and
    ///     evaluation batches alike.
    ///   - probeFraming: how the linear probe frames a document for this model
    ///     (`ModelFactory.Built.probeFraming`); `nil`: raw tokens as long as the examples.
    /// - Throws: the loader's errors for a missing or damaged dataset; `.invalidConfiguration`
    ///   for settings that do not fit, and for a `probe_documents` dataset that cannot be read.
    public init(
        model: any TrainableModel, examples: String, options: StageOptions, output: String,
        transform: (any ExampleTransform)? = nil, probeFraming: ProbeFraming? = nil
    ) throws {
        let configuration = TrainingConfiguration(options)
        try configuration.validate()
        MemoryReuse.enable()
        let index = try ExampleIndex(at: examples)
        self.split = try TrainingSplit(count: index.count, evalFraction: configuration.evalFraction, path: examples)
        self.model = model
        self.configuration = configuration
        self.examples = examples
        self.output = output
        self.options = options
        self.transform = transform
        let source = LoaderSource(dataset: examples, name: "train", selection: .examples(split.train))
        self.loader = try DataLoader(
            LoaderConfiguration(
                sources: [source], batchSize: configuration.batchSize, seed: configuration.seed,
                workers: configuration.loaderWorkers, transform: transform))
        self.optimizer = try AdamW(
            parameters: model.parameters, configuration: AdamWConfiguration(weightDecay: configuration.weightDecay))
        self.probeSetup = try Self.probeSetup(
            examples: examples, configuration: configuration, framing: probeFraming)
        try FileSystem.createDirectory(output)
        self.log = try TrainingLog(directory: output)
    }

    /// The path of a checkpoint directory of this run (`checkpoint-000300`).
    public func checkpointDirectory(step: Int) -> String {
        let digits = String(step)
        return FileSystem.join(output, "checkpoint-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits)
    }

    /// Trains until `configuration.steps`, evaluating, logging and checkpointing as configured,
    /// then evaluates once more and writes the final model into `output`. The linear probe runs
    /// on the untrained model (a run from step 0) and on the trained one.
    /// - Parameter progress: called after every step.
    /// - Returns: what the run did and measured.
    public func run(progress: (TrainingProgress) -> Void = { _ in }) throws -> TrainingSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let firstStep = step
        let firstTokens = tokensSeen
        var losses: [Double] = []
        let probeAtStart = step == 0 ? try runProbe() : nil
        while step < configuration.steps {
            let record = try trainStep()
            losses.append(record.loss)
            let elapsed = (clock.now - start).inSeconds
            let rate = Double(tokensSeen - firstTokens) / max(elapsed, 1e-9)
            if step % configuration.logEvery == 0 || step == configuration.steps {
                try log.write(record.logFields(tokensPerSecond: rate, elapsed: elapsed))
            }
            if configuration.evalEvery > 0, step % configuration.evalEvery == 0, step < configuration.steps {
                try logEvaluation(try evaluate())
            }
            if configuration.checkpointEvery > 0, step % configuration.checkpointEvery == 0 {
                try saveCheckpoint(to: checkpointDirectory(step: step))
                try writeReport()
            }
            progress(
                TrainingProgress(
                    step: step, steps: configuration.steps, loss: record.loss, tokensPerSecond: rate,
                    elapsedSeconds: elapsed, stepsThisRun: step - firstStep))
        }
        let evaluation = try evaluate()
        try logEvaluation(evaluation)
        let probe = try runProbe()
        try saveCheckpoint(to: checkpointDirectory(step: step))
        try saveModel(to: output)
        try writeReport()
        let elapsed = (clock.now - start).inSeconds
        return TrainingSummary(
            steps: step, stepsThisRun: step - firstStep, tokensThisRun: tokensSeen - firstTokens,
            elapsedSeconds: elapsed, firstLosses: Array(losses.prefix(10)), lastLosses: Array(losses.suffix(10)),
            evaluation: evaluation, probe: probe, probeAtStart: probeAtStart, output: output)
    }

    /// One optimizer step: `gradientAccumulation` batches forward and backward, clipping, the
    /// scheduled learning rate, AdamW.
    public func trainStep() throws -> StepRecord {
        let parameters = model.parameters
        for parameter in parameters { parameter.zeroGradient() }
        var metrics = Metrics()
        var tokens = 0
        let batches = configuration.gradientAccumulation
        for _ in 0..<batches {
            let batch = try loader.next()
            metrics.merge(try model.trainStep(batch, gradientScale: 1 / Float(batches)))
            tokens += Self.realTokens(batch)
        }
        let norm =
            configuration.maxGradNorm > 0
            ? GradientClipping.clip(parameters, maxNorm: configuration.maxGradNorm)
            : GradientClipping.globalNorm(parameters)
        let rate = configuration.learningRateSchedule.learningRate(base: configuration.learningRate, at: step)
        optimizer.update(learningRate: rate)
        step += 1
        tokensSeen += tokens
        return StepRecord(
            step: step, loss: metrics.mean("loss") ?? .nan, learningRate: rate, gradientNorm: norm, tokens: tokens,
            metrics: metrics)
    }

    /// The model's metrics on the held-out examples: up to `evalBatches` batches in storage
    /// order, the same batches at every evaluation. Empty when nothing is held out.
    public func evaluate() throws -> Metrics {
        guard !split.heldOut.isEmpty else { return Metrics() }
        let batchSize = min(configuration.batchSize, split.heldOut.count)
        let batches = min(configuration.evalBatches, split.heldOut.count / batchSize)
        let source = LoaderSource(dataset: examples, name: "eval", selection: .examples(split.heldOut))
        let loader = try DataLoader(
            LoaderConfiguration(
                sources: [source], batchSize: batchSize, seed: configuration.seed, order: .sequential, workers: 0,
                transform: transform))
        var metrics = Metrics()
        for _ in 0..<batches { metrics.merge(try model.evaluate(try loader.next())) }
        return metrics
    }

    private func logEvaluation(_ metrics: Metrics) throws {
        guard !metrics.entries.isEmpty else { return }
        var fields: [(String, LogValue)] = [("step", .integer(step)), ("split", .text("eval"))]
        for (name, value) in EvaluationReport(metrics).values { fields.append((name, .number(value))) }
        try log.write(fields)
    }

    /// Draws the log into `report.html` in the run directory.
    public func writeReport() throws {
        try TrainingReport(logPath: log.path, title: "\(examples) → \(output)")
            .write(to: FileSystem.join(output, TrainingReport.fileName))
    }

    /// The run's options in canonical form (checked on resume).
    var optionsDescription: String { options.canonicalDescription }

    func optimizerState() -> SafetensorsFile { optimizer.state.safetensors }

    func loaderState() -> LoaderState { loader.state() }

    func restoreOptimizer(_ state: AdamWState) throws { try optimizer.restore(state) }

    func resumeLoader(from state: LoaderState) throws { try loader.resume(from: state) }

    func restoreProgress(step: Int, tokensSeen: Int) {
        self.step = step
        self.tokensSeen = tokensSeen
    }

    /// Real tokens of a batch: the attention mask's ones, or every `input_ids` value without
    /// one, or (contrastive pairs) the sum of the `…_length` fields.
    static func realTokens(_ batch: Batch) -> Int {
        if let mask = batch[Batch.attentionMaskName] { return mask.values.reduce(0) { $0 + Int($1) } }
        if let ids = batch["input_ids"] { return ids.values.count }
        let lengths = batch.names.filter { $0.hasSuffix("_length") }.compactMap { batch[$0] }
        return lengths.reduce(0) { total, lengths in lengths.values.reduce(total) { $0 + Int($1) } }
    }
}
