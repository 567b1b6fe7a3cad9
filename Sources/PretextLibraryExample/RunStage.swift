import Pretext

// docs/library.md, "Run one stage"
/// Ingests the JSONL files under `input` into the dataset `output`, two tasks at once.
func ingest(_ input: String, into output: String) throws -> StepReport {
    let registry = StageRegistry.standard
    let options = try StageOptions(
        specs: registry.descriptor(named: "ingest").options,
        given: [("max_document_bytes", .scalar("65536"), nil)], context: "ingest")
    let settings = RunSettings(workers: 2, progressStyle: .silent)
    return try PipelineRunner(registry: registry).runStage(
        "ingest", options: options, input: .files([InputSpec(path: input)]), output: output, settings: settings)
}
