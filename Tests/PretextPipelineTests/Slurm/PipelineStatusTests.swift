import PretextCore
import PretextTestSupport
import Testing

@testable import PretextPipeline

@Suite struct PipelineStatusTests {
    private func noSlurm(_ ids: [String]) -> SlurmQueue? { nil }

    @Test func aLocalRunShowsTheCatalogsView() throws {
        let directory = try TemporaryDirectory()
        try SlurmFixture.writeInputs(in: directory)
        let pipeline = try SlurmFixture.pipeline(directory)
        _ = try PipelineRunner().run(pipeline, settings: RunSettings(progressStyle: .silent))
        let status = try PipelineStatus.read(output: pipeline.output, askSlurm: noSlurm)
        #expect(!status.hasPlan && status.training == nil)
        #expect(status.steps.map(\.directory) == ["01-ingest", "02-dedupe"])
        #expect(status.steps.allSatisfy { $0.merged && $0.worldSize == 3 && $0.done == 3 && $0.jobs.isEmpty })
        #expect(status.text.hasPrefix("\(pipeline.output): no Slurm plan (a local run): the catalogs' view\n"))
        #expect(status.text.contains("step 2 (dedupe): merged (3 of 3 tasks)\n"))
    }

    @Test func aPartlyRunStepShowsItsDoneRanksAndPhases() throws {
        let directory = try TemporaryDirectory()
        try SlurmFixture.writeInputs(in: directory)
        let pipeline = try SlurmFixture.pipeline(directory)
        for rank in [0, 2, 1] { try SlurmFixture.run(pipeline, rank: rank, worldSize: 3) }
        let status = try PipelineStatus.read(output: pipeline.output, askSlurm: noSlurm)
        #expect(status.steps[0].merged)
        let dedupe = status.steps[1]
        #expect(!dedupe.merged && dedupe.worldSize == 3 && dedupe.done == 0)
        #expect(dedupe.phases == [PipelineStatus.Phase(name: "signatures", done: 1)])
        #expect(status.text.contains("step 2 (dedupe): 0 of 3 tasks done, not merged; phases: signatures 1/3\n"))
        #expect(throws: PretextError.self) {
            try PipelineStatus.read(output: directory.file("nowhere"), askSlurm: noSlurm)
        }
    }

    @Test func tasksAreDoneRunningPendingFailedOrNotRun() throws {
        let directory = try TemporaryDirectory()
        try SlurmFixture.writeInputs(in: directory)
        let pipeline = try SlurmFixture.pipeline(directory)
        for rank in [0, 2, 1] { try SlurmFixture.run(pipeline, rank: rank, worldSize: 3) }
        let planner = SlurmPlanner()
        var plan = try planner.plan(pipeline, options: SlurmFixture.options(directory))
        for index in plan.jobs.indices { plan.jobs[index].chunks[0].jobID = String(100 + index) }
        plan.submitted = "2026-01-02T03:04:05Z"
        try planner.write(plan, pipeline: pipeline, flags: SlurmSettings())
        let slurm = SlurmDirectory(output: pipeline.output)
        let log = slurm.logs + "/02-dedupe.signatures_100_0.out"
        try directory.write(
            "out/slurm/state/02-dedupe.signatures/rank-00000.start",
            "host node1\nstarted 2026-01-02T03:04:06Z\njob 100_0\nrestarts 0\nlog \(log)\n")
        try directory.write("out/slurm/state/02-dedupe.signatures/rank-00000.exit", "1\n")
        try directory.write("out/slurm/state/02-dedupe.merge/job.start", "host node1\njob 104\n")
        let queue = """
            100_2 RUNNING None
            101_0 PENDING Dependency
            101_1 PENDING Dependency
            101_2 PENDING Dependency
            103_0 CANCELLED DependencyNeverSatisfied
            103_1 CANCELLED DependencyNeverSatisfied
            103_2 CANCELLED DependencyNeverSatisfied
            """
        var asked: [String] = []
        let status = try PipelineStatus.read(output: pipeline.output) { ids in
            asked = ids
            return SlurmQueue(parsing: queue)
        }
        #expect(asked == ["100", "101", "102", "103", "104"])
        let jobs = status.steps[1].jobs
        #expect(jobs.map(\.name) == plan.jobs.map(\.name))
        #expect(jobs[0].tasks.map(\.rank) == [0, 2], "only the ranks submitted")
        #expect(jobs[0].tasks.map(\.state) == [.failed, .running])
        #expect(jobs[0].tasks[0].detail == "exit status 1" && jobs[0].tasks[0].log == log)
        #expect(jobs[1].tasks.map(\.state) == [.pending, .pending, .pending])
        #expect(jobs[1].tasks[0].detail == "Slurm: PENDING (Dependency)")
        #expect(jobs[2].tasks.map(\.state) == [.notRun, .notRun, .notRun])
        #expect(jobs[3].tasks[0].detail == "Slurm: CANCELLED (DependencyNeverSatisfied)")
        #expect(jobs[4].tasks.map(\.state) == [.failed])
        #expect(jobs[4].tasks[0].log == slurm.logs + "/02-dedupe.merge_104.out")
        #expect(status.failedTasks.map(\.job) == ["02-dedupe.signatures", "02-dedupe.merge"])
        let text = status.text
        #expect(text.contains("  job 02-dedupe.signatures (100): 1 running, 1 failed\n"))
        #expect(text.contains("  job 02-dedupe.merge (104): failed, ended without recording an exit status\n"))
        #expect(text.contains("failed tasks:\n  02-dedupe.signatures rank 0: exit status 1; log \(log)\n"))
    }

    @Test func withoutSlurmTasksThatAreNotDoneAreUnknownUnlessTheyFailed() throws {
        let directory = try TemporaryDirectory()
        let pipeline = try SlurmFixture.pipeline(directory)
        let planner = SlurmPlanner()
        var plan = try planner.plan(pipeline, options: SlurmFixture.options(directory))
        plan.jobs[0].chunks[0].jobID = "7"
        try planner.write(plan, pipeline: pipeline, flags: SlurmSettings())
        try directory.write("out/slurm/state/01-ingest/rank-00001.start", "job 7_1\n")
        try directory.write("out/slurm/state/01-ingest/rank-00002.start", "job 7_2\n")
        try directory.write("out/slurm/state/01-ingest/rank-00002.exit", "cancelled\n")
        let status = try PipelineStatus.read(output: pipeline.output, askSlurm: noSlurm)
        #expect(!status.queueRead)
        let tasks = status.steps[0].jobs[0].tasks
        #expect(tasks.map(\.state) == [.unknown, .unknown, .failed])
        #expect(tasks[2].detail == "cancelled (TERM: scancel or the time limit)")
        #expect(status.steps[0].jobs[1].tasks[0].detail == "not submitted")
    }
}
