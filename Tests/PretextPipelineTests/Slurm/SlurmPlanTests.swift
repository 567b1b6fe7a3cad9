import PretextCore
import PretextTestSupport
import Testing
import _PretextFileSystem

@testable import PretextPipeline

@Suite struct SlurmPlanTests {
    @Test func aFreshPipelineGetsPhaseJobsFinalPassesAndMerges() throws {
        let directory = try TemporaryDirectory()
        let pipeline = try SlurmFixture.pipeline(directory)
        let plan = try SlurmPlanner().plan(pipeline, options: SlurmFixture.options(directory))
        #expect(
            SlurmFixture.summary(plan) == [
                "01-ingest 0-2", "01-ingest.merge", "02-dedupe.signatures 0-2", "02-dedupe.buckets 0-2",
                "02-dedupe.clusters 0-2", "02-dedupe 0-2", "02-dedupe.merge",
            ])
        #expect(plan.jobs.map(\.after) == [nil] + plan.jobs.dropLast().map(\.name))
        #expect(plan.jobs.map(\.kind) == [.tasks, .merge, .tasks, .tasks, .tasks, .tasks, .merge])
        #expect(plan.jobs[2].phase == "signatures" && plan.jobs[5].phase == nil)
        #expect(plan.worldSize == 3)
        #expect(plan.output == directory.path + "/out")
        #expect(plan.steps.map(\.phases) == [[], ["signatures", "buckets", "clusters"]])
    }

    @Test func theTrainingComesLastAndEachArraySplitsAtMaxArraySize() throws {
        let directory = try TemporaryDirectory()
        let text = SlurmFixture.pipelineText(directory, workers: 7) + "\ntrain:\n  steps: 5\n"
        let pipeline = try PipelineParser().parse(text, path: directory.file("p.yaml"))
        let plan = try SlurmPlanner().plan(pipeline, options: SlurmFixture.options(directory, maxArraySize: 3))
        #expect(plan.jobs.last?.name == "train" && plan.jobs.last?.kind == .train)
        #expect(plan.jobs.last?.after == "02-dedupe.merge")
        let ingest = try #require(plan.job(named: "01-ingest"))
        #expect(
            ingest.chunks == [
                SlurmChunk(offset: 0, indices: "0-2"), SlurmChunk(offset: 3, indices: "0-2"),
                SlurmChunk(offset: 6, indices: "0"),
            ])
        #expect(plan.job(named: "01-ingest.merge")?.chunks == [SlurmChunk()])
    }

    @Test func everyJobDependsOnEveryArrayOfTheJobBefore() throws {
        var job = SlurmJob(
            name: "01-ingest", kind: .tasks, step: 1, stage: "ingest", ranks: "0-6",
            chunks: SlurmChunk.split(ranks: Array(0..<7), maxArraySize: 3))
        #expect(SlurmSubmitter.dependency(on: job) == [], "nothing to depend on before submission")
        for index in job.chunks.indices { job.chunks[index].jobID = String(100 + index) }
        #expect(SlurmSubmitter.dependency(on: job) == ["--dependency=afterok:100:101:102"])
    }

    @Test func maxParallelComesFromTheJobsSettings() throws {
        let directory = try TemporaryDirectory()
        let slurm = "  slurm:\n    max_parallel: 2\n    steps:\n      dedupe: {max_parallel: 1}"
        let pipeline = try PipelineParser().parse(
            SlurmFixture.pipelineText(directory, slurm: slurm), path: directory.file("p.yaml"))
        let plan = try SlurmPlanner().plan(pipeline, options: SlurmFixture.options(directory))
        #expect(plan.jobs.map(\.maxParallel) == [2, nil, 1, 1, 1, 1, nil])
    }

    @Test func planJsonRoundTrips() throws {
        let directory = try TemporaryDirectory()
        let pipeline = try SlurmFixture.pipeline(directory, workers: 5)
        var plan = try SlurmPlanner().plan(pipeline, options: SlurmFixture.options(directory, maxArraySize: 2))
        plan.jobs[0].chunks[1].jobID = "42"
        plan.submitted = "2026-01-02T03:04:05Z"
        let path = directory.file("plan.json")
        try plan.write(to: path)
        #expect(try SlurmPlan.read(from: path) == plan)
        let text = try FileText.read(path)
        #expect(text.contains("\"world_size\" : 5") && text.contains("\"job_id\" : \"42\""))
        #expect(try SlurmPlan.read(from: directory.file("none.json")) == nil)
        try directory.write("bad.json", "{}")
        #expect(throws: PretextError.self) { try SlurmPlan.read(from: directory.file("bad.json")) }
    }

    @Test func writeCreatesTheFolderAndRemovesScriptsOfOldJobs() throws {
        let directory = try TemporaryDirectory()
        let pipeline = try SlurmFixture.pipeline(directory)
        let planner = SlurmPlanner()
        let slurm = SlurmDirectory(output: directory.path + "/out")
        try slurm.create()
        try directory.write("out/slurm/09-old.sh", "#!/bin/bash\n")
        try directory.write("out/slurm/notes.txt", "mine")
        let plan = try planner.plan(pipeline, options: SlurmFixture.options(directory))
        let scripts = try planner.write(plan, pipeline: pipeline, flags: SlurmSettings())
        #expect(scripts == plan.jobs.map { slurm.script($0.name) })
        let names = try FileSystem.listDirectory(slurm.root).sorted()
        #expect(!names.contains("09-old.sh") && names.contains("notes.txt"))
        #expect(names.contains("plan.json") && names.contains("logs") && names.contains("state"))
        #expect(names.filter { $0.hasSuffix(".sh") }.count == plan.jobs.count)
    }

    @Test func progressMustCoverEveryStep() throws {
        let directory = try TemporaryDirectory()
        let pipeline = try SlurmFixture.pipeline(directory)
        #expect(throws: PretextError.self) {
            try SlurmPlanner().plan(pipeline, progress: [.complete], options: SlurmFixture.options(directory))
        }
    }

    @Test func pendingRanksFollowTheProgress() {
        let progress = StepProgress(doneRanks: [1], phaseRanks: ["a": [0, 1, 2], "b": [2]])
        #expect(progress.pendingRanks(phase: "a", worldSize: 3) == [])
        #expect(progress.pendingRanks(phase: "b", worldSize: 3) == [0, 1])
        #expect(progress.pendingRanks(phase: nil, worldSize: 3) == [0, 2])
        let finished = StepProgress(doneRanks: [0, 1, 2])
        #expect(
            finished.pendingRanks(phase: "a", worldSize: 3) == [], "a step whose final pass is done skips its phases")
        #expect(finished.pendingRanks(phase: nil, worldSize: 3) == [])
        #expect(StepProgress.complete.pendingRanks(phase: nil, worldSize: 3) == [])
    }

    @Test func aStepWhoseTasksAreAllDoneGetsOnlyItsMerge() throws {
        let directory = try TemporaryDirectory()
        let pipeline = try SlurmFixture.pipeline(directory)
        let plan = try SlurmPlanner().plan(
            pipeline, progress: [.complete, StepProgress(doneRanks: [0, 1, 2])],
            options: SlurmFixture.options(directory))
        #expect(SlurmFixture.summary(plan) == ["02-dedupe.merge"])
        #expect(plan.jobs[0].after == nil)
    }
}
