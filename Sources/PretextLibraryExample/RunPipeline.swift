import Pretext

// docs/library.md, "Run a pipeline"
/// A pipeline that cleans the dataset `input`: one `NN-stage` dataset per step under `output`.
func cleanupPipeline(input: String, output: String) -> String {
    """
    name: cleanup
    output: \(output)
    inputs: [\(input)]
    stages:
      - stage: normalize
        form: nfc
      - stage: language
      - stage: quality
        rules: [gopher_min_doc_words=30]
    """
}

/// Checks the pipeline `yaml` against the stage registry, then runs every step.
func runPipeline(yaml: String) throws -> [StepReport] {
    let pipeline = try PipelineParser().parse(yaml, path: "cleanup.yaml")  // or .parseFile(at: path)
    return try PipelineRunner().run(pipeline, settings: RunSettings(workers: 2, progressStyle: .silent))
}
