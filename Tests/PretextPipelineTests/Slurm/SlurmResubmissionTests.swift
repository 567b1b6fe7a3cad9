import PretextCore
import PretextTestSupport
import Testing

@testable import PretextPipeline

/// Resubmission planning on datasets written by running ranks of the pipeline on this machine,
/// as the tasks of a Slurm submission would have left them.
@Suite struct SlurmResubmissionTests {
    private func plan(_ pipeline: PipelineFile, _ directory: TemporaryDirectory) throws -> [String] {
        SlurmFixture.summary(try SlurmPlanner().plan(pipeline, options: SlurmFixture.options(directory)))
    }

    @Test func onlyTheRanksNotDoneOfTheFirstIncompleteStepAreRedone() throws {
        let directory = try TemporaryDirectory()
        try SlurmFixture.writeInputs(in: directory)
        let pipeline = try SlurmFixture.pipeline(directory)
        let everything = [
            "02-dedupe.signatures 0-2", "02-dedupe.buckets 0-2", "02-dedupe.clusters 0-2", "02-dedupe 0-2",
            "02-dedupe.merge",
        ]
        #expect(try plan(pipeline, directory) == ["01-ingest 0-2", "01-ingest.merge"] + everything)

        // Ranks 0 and 2 of ingest finished; rank 1 failed (never ran).
        for rank in [0, 2] { try SlurmFixture.run(pipeline, rank: rank, worldSize: 3) }
        #expect(try plan(pipeline, directory) == ["01-ingest 1", "01-ingest.merge"] + everything)

        // Rank 1 finishes ingest (and merges it, being the last), then the signatures of dedupe.
        try SlurmFixture.run(pipeline, rank: 1, worldSize: 3)
        #expect(
            try plan(pipeline, directory) == [
                "02-dedupe.signatures 0,2", "02-dedupe.buckets 0-2", "02-dedupe.clusters 0-2", "02-dedupe 0-2",
                "02-dedupe.merge",
            ])

        // Rank 2 does its signatures; rank 0 does its own, which completes the phase, then its buckets.
        try SlurmFixture.run(pipeline, rank: 2, worldSize: 3)
        try SlurmFixture.run(pipeline, rank: 0, worldSize: 3)
        #expect(
            try plan(pipeline, directory) == [
                "02-dedupe.buckets 1-2", "02-dedupe.clusters 0-2", "02-dedupe 0-2", "02-dedupe.merge",
            ])

        _ = try PipelineRunner().run(pipeline, settings: RunSettings(progressStyle: .silent))
        #expect(try plan(pipeline, directory) == [], "a complete pipeline needs no job")
    }

    @Test func aDatasetOfAnotherConfigurationIsRefusedBeforeSubmitting() throws {
        let directory = try TemporaryDirectory()
        try SlurmFixture.writeInputs(in: directory)
        _ = try PipelineRunner().run(
            try SlurmFixture.pipeline(directory, workers: 2), settings: RunSettings(progressStyle: .silent))
        let error = try #require(throws: PretextError.self) {
            try SlurmPlanner().plan(try SlurmFixture.pipeline(directory), options: SlurmFixture.options(directory))
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.contains("step 1 (ingest): the dataset holds tasks done with another configuration"))
        #expect(error.path == directory.path + "/out/01-ingest")
    }

    @Test func theWorldSizeOfTheFlagsDecidesWhatIsDone() throws {
        let directory = try TemporaryDirectory()
        try SlurmFixture.writeInputs(in: directory)
        let pipeline = try SlurmFixture.pipeline(directory)
        _ = try PipelineRunner().run(pipeline, settings: RunSettings(progressStyle: .silent))
        #expect(try plan(pipeline, directory) == [])
        var flags = SlurmSettings()
        flags.set(SlurmSettings.tasks, 4)
        #expect(throws: PretextError.self, "three tasks' datasets are not four tasks' ones") {
            try SlurmPlanner().plan(pipeline, options: SlurmFixture.options(directory, flags: flags))
        }
    }
}
