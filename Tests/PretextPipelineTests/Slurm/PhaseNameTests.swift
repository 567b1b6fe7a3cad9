import PretextCore
import PretextStages
import PretextTestSupport
import Testing

@testable import PretextPipeline

/// The planner names a step's phases before its input exists; the names must be those the
/// stage runs on a real input.
@Suite struct PhaseNameTests {
    @Test func thePlannersPhaseNamesAreThoseOfTheStageOnARealInput() throws {
        let directory = try TemporaryDirectory()
        try SlurmFixture.writeInputs(in: directory)
        let text = """
            output: \(directory.path)/out
            inputs: [\(directory.path)/in]
            stages:
              - stage: ingest
              - stage: dedupe
                method: minhash
              - stage: dedupe
                method: lines
              - stage: dedupe
                method: paragraphs
                counting: bloom
                keep_first: false
              - stage: audit
              - stage: audit
                history: false
              - stage: tokenizer
                vocab_size: 300
              - stage: normalize
            """
        let pipeline = try PipelineParser().parse(text, path: "p.yaml")
        _ = try PipelineRunner().run(
            PipelineFile(
                name: "ingest", output: pipeline.output, inputs: pipeline.inputs, execution: pipeline.execution,
                steps: [pipeline.steps[0]]),
            settings: RunSettings(workers: 2, progressStyle: .silent))
        let ingested = StageInput.dataset(path: pipeline.output + "/01-ingest")
        let steps = try StepLayout.steps(of: pipeline, registry: .standard)
        var named: [[String]] = []
        for planned in steps.dropFirst() {
            let units = try StepConfiguration.plannedUnits(planned.stage, input: ingested, worldSize: 2)
            let real = try (planned.stage as? any PhasedStage)?.phases(anyUnits: units).map(\.name) ?? []
            #expect(planned.phases == real, "step \(planned.step.index) (\(planned.step.stage))")
            named.append(planned.phases)
        }
        #expect(
            named == [
                ["signatures", "buckets", "clusters"], ["counts", "totals"], ["bloom_counts", "bloom_totals"],
                ["history"], [], ["words", "train"], [],
            ])
    }
}
