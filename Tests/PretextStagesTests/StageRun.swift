import Foundation
import PretextCore
import PretextPipeline
import PretextStages
import PretextStore
import PretextTestSupport

/// Runs stages the way a pipeline step does (through `PipelineRunner`), for the stage tests.
enum StageRun {
    /// Quiet settings with `workers` tasks.
    static func settings(workers: Int? = nil) -> RunSettings {
        RunSettings(workers: workers, progressStyle: .silent)
    }

    /// Writes `files` of JSON lines as `in/part-N.jsonl` (`OUTPUT-in/…` with `output`) under `directory` and ingests them into
    /// `directory/ingested` (or `output`), with shards of `shardBytes` and frames of `frameBytes`.
    ///
    /// `largestFirst`: spread whole files over the tasks largest first (the planning before
    /// issue 15), so that a larger later file is stored before a smaller earlier one.
    ///
    /// - Returns: the ingested dataset's path.
    @discardableResult
    static func ingest(
        lines files: [[String]], in directory: TemporaryDirectory, output: String? = nil, shardBytes: Int? = nil,
        frameBytes: Int? = nil, workers: Int = 1, largestFirst: Bool = false
    ) throws -> String {
        let inputName = output.map { ($0 as NSString).lastPathComponent + "-in" } ?? "in"
        for (index, lines) in files.enumerated() {
            try directory.write("\(inputName)/part-\(index).jsonl", lines.joined(separator: "\n") + "\n")
        }
        let input = directory.file(inputName)
        var execution = ExecutionSettings.defaults.values
        if let shardBytes { execution["shard_bytes"] = .integer(shardBytes) }
        if let frameBytes { execution["frame_bytes"] = .integer(frameBytes) }
        let output = output ?? directory.file("ingested")
        let registry =
            largestFirst
            ? StageRegistry([.init(descriptor: IngestStage.descriptor, make: { try LargestFirstIngest(options: $0) })])
            : .standard
        _ = try PipelineRunner(registry: registry).runStage(
            "ingest", options: StageOptions(), input: .files([InputSpec(path: input)]), output: output,
            execution: StageOptions(execution), settings: settings(workers: workers))
        return output
    }

    /// The JSON line of a document `{"id": id, "text": text}`.
    static func line(id: String, text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text]), as: UTF8.self)
    }

    /// Runs stage `name` with `given` options from the dataset `input` to `output`.
    @discardableResult
    static func stage(
        _ name: String, _ given: [(String, RawOptionValue)] = [], input: String, output: String,
        settings: RunSettings = settings(), registry: StageRegistry = .standard,
        execution: StageOptions = ExecutionSettings.defaults
    ) throws -> StepReport {
        let descriptor = try registry.descriptor(named: name)
        let options = try StageOptions(
            specs: descriptor.options, given: given.map { ($0.0, $0.1, nil) }, context: "test")
        return try PipelineRunner(registry: registry).runStage(
            name, options: options, input: .dataset(path: input), output: output, execution: execution,
            settings: settings)
    }

    /// Runs a pipeline reading `directory/in` and writing `directory/out/NN-STAGE`, whose
    /// `stages:` list (after `ingest`) is `stages` (YAML lines indented by two spaces).
    @discardableResult
    static func pipeline(
        _ stages: String, in directory: TemporaryDirectory, workers: Int = 1, registry: StageRegistry = .standard
    ) throws -> [StepReport] {
        let text = """
            output: \(directory.path)/out
            inputs: [\(directory.path)/in]
            execution:
              workers: \(workers)
            stages:
              - stage: ingest
            \(stages)
            """
        let file = try PipelineParser(registry: registry).parse(text, path: "test.yaml")
        return try PipelineRunner(registry: registry).run(file, settings: settings())
    }

    /// The rows of `sql` on the dataset's catalog.
    static func rows(_ dataset: String, _ sql: String) throws -> [[SQLValue]] {
        try Dataset.open(at: dataset).openCatalog(readOnly: true).query(sql).rows
    }

    /// Rejected document ids with "reason: detail".
    static func rejects(_ dataset: String) throws -> [String: String] {
        let rows = try rows(dataset, "SELECT document, reason, detail FROM drops")
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0].description, "\($0[1]): \($0[2])") })
    }
}

/// The ingest stage with whole files spread largest first (`UnitBalancer`, the default
/// `planTasks`), for tests whose storage order must differ from the input order.
struct LargestFirstIngest: Stage {
    static let descriptor = IngestStage.descriptor
    let inner: IngestStage

    init(options: StageOptions) throws { inner = try IngestStage(options: options) }

    func plan(_ input: StageInput) throws -> [IngestUnit] { try inner.plan(input) }

    func run(_ units: [IngestUnit], in task: StageTask) throws { try inner.run(units, in: task) }
}
