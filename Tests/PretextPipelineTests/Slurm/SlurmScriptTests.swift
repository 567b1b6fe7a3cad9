import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextPipeline

@Suite struct SlurmScriptTests {
    private func plan(_ directory: TemporaryDirectory, name: String = "slurm-test") throws -> SlurmPlan {
        var plan = try SlurmPlanner().plan(
            try SlurmFixture.pipeline(directory), options: SlurmFixture.options(directory, maxArraySize: 2))
        plan.name = name
        return plan
    }

    private func settings(_ pairs: [String: OptionValue]) -> SlurmSettings { SlurmSettings(pairs) }

    @Test func anArrayTaskRunsItsRankOfOneStepAndPhaseWithoutMerging() throws {
        let directory = try TemporaryDirectory()
        let plan = try plan(directory)
        let job = try #require(plan.job(named: "02-dedupe.buckets"))
        let text = try SlurmScript(plan: plan, job: job, settings: SlurmSettings()).text()
        let out = directory.path + "/out/slurm"
        #expect(text.hasPrefix("#!/bin/bash\n"))
        let sbatch = text.split(separator: "\n").filter { $0.hasPrefix("#SBATCH ") }
        #expect(
            sbatch == [
                "#SBATCH --job-name=pretext-slurm-test-02-dedupe.buckets",
                "#SBATCH --output=\(out)/logs/02-dedupe.buckets_%A_%a.out", "#SBATCH --open-mode=append",
                "#SBATCH --chdir=\(directory.path)", "#SBATCH --kill-on-invalid-dep=yes", "#SBATCH --ntasks=1",
                "#SBATCH --cpus-per-task=1",
            ])
        #expect(text.contains("RANK=$((${SLURM_ARRAY_TASK_ID:?submit with sbatch --array} + ${1:-0}))"))
        #expect(text.contains("PRETEXT='/opt/pretext/bin/pretext'"))
        #expect(text.contains("PIPELINE='\(directory.path)/p.yaml'"))
        #expect(text.contains("STATE='\(out)/state/02-dedupe.buckets'"))
        #expect(
            text.contains(
                "\"$PRETEXT\" run \"$PIPELINE\" --rank \"$RANK\" --world-size 3 --step 2 --phase 'buckets' --no-merge &"
            ))
        #expect(text.contains("trap on_term TERM") && text.contains("record cancelled; exit 143"))
        #expect(!text.contains("USR1"), "no requeue unless asked")
        #expect(text.contains("if [ \"$STATUS\" -eq 3 ]; then exit 0; fi"))
    }

    @Test func resourcesAndRequeueBecomeSbatchLinesAndAUSR1Trap() throws {
        let directory = try TemporaryDirectory()
        let plan = try plan(directory)
        let job = try #require(plan.job(named: "01-ingest"))
        let settings = settings([
            "partition": .string("cpu"), "account": .string("proj1"), "cpus_per_task": .integer(4),
            "mem": .string("8G"), "time": .string("2:00:00"), "requeue": .boolean(true),
            "signal_seconds": .integer(300), "prolog": .string("module load gcc\nsource /opt/venv/bin/activate"),
        ])
        let text = try SlurmScript(plan: plan, job: job, settings: settings).text()
        for line in [
            "#SBATCH --cpus-per-task=4", "#SBATCH --partition=cpu", "#SBATCH --account=proj1", "#SBATCH --mem=8G",
            "#SBATCH --time=2:00:00", "#SBATCH --requeue", "#SBATCH --signal=B:USR1@300",
        ] {
            #expect(text.contains(line + "\n"), "\(line)")
        }
        #expect(text.contains("trap on_usr1 USR1"))
        #expect(text.contains("stop_child; record requeued\n  scontrol requeue \"$SLURM_TASK\"\n  exit 0"))
        let prolog = try #require(text.range(of: "module load gcc\nsource /opt/venv/bin/activate\n"))
        let command = try #require(text.range(of: "\"$PRETEXT\" run"))
        #expect(prolog.upperBound <= command.lowerBound, "the prolog runs before pretext")
    }

    @Test func mergeAndTrainingJobsArePlainJobs() throws {
        let directory = try TemporaryDirectory()
        let plan = try plan(directory)
        let merge = try SlurmScript(
            plan: plan, job: try #require(plan.job(named: "02-dedupe.merge")), settings: SlurmSettings()
        ).text()
        #expect(merge.contains("#SBATCH --output=\(directory.path)/out/slurm/logs/02-dedupe.merge_%j.out\n"))
        #expect(merge.contains("\"$PRETEXT\" merge \"$PIPELINE\" --step 2 --world-size 3 &"))
        #expect(merge.contains("TASK=job") && !merge.contains("SLURM_ARRAY_TASK_ID"))
        let train = SlurmJob(name: "train", kind: .train, step: nil, stage: nil, chunks: [SlurmChunk()])
        let training = try SlurmScript(plan: plan, job: train, settings: SlurmSettings()).text()
        #expect(training.contains("\"$PRETEXT\" run \"$PIPELINE\" --step train --workers 3 &"))
    }

    @Test func namesAndPathsAreMadeSafe() throws {
        let directory = try TemporaryDirectory()
        let plan = try plan(directory, name: "my corpus;rm")
        let text = try SlurmScript(plan: plan, job: plan.jobs[0], settings: SlurmSettings()).text()
        #expect(text.contains("#SBATCH --job-name=pretext-my_corpus_rm-01-ingest\n"))
        #expect(SlurmScript.quoted("it's") == "'it'\\''s'")
        var spaced = plan
        spaced.output = "/data/my run/out"
        #expect(throws: PretextError.self) {
            try SlurmScript(plan: spaced, job: plan.jobs[0], settings: SlurmSettings()).text()
        }
    }
}
