import ArgumentParser
import Foundation
import Pretext
import _PretextFileSystem

extension PretextCommand {
    /// `pretext slurm PIPELINE`: writes the pipeline's Slurm batch jobs, and with `--submit`
    /// submits them.
    struct Slurm: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write a pipeline's Slurm jobs (an array per step and phase, a merge job per step); --submit runs them.",
            discussion: """
                Writes OUTPUT/slurm/: one batch script per job, plan.json, logs/ and state/. Complete steps get \
                no job; the first incomplete step gets tasks only for its ranks not done. Follow a submission \
                with `pretext status OUTPUT`. See docs/scale-out.md.
                """)

        @Argument(help: "The pipeline file (YAML).")
        var pipeline: String

        @OptionGroup var flags: SlurmFlags

        @Option(
            name: .customLong("max-array-size"),
            help: "The cluster's MaxArraySize (default: from `scontrol show config`, else 1001).")
        var maxArraySize: Int?

        @Option(help: "The pretext executable the jobs run (default: this one).")
        var executable: String?

        @Flag(help: "Submit the jobs with sbatch, in order, each depending on every array of the one before.")
        var submit = false

        @Flag(help: "Write (and submit) even while jobs of the previous submission are queued or running.")
        var force = false

        func validate() throws {
            if let maxArraySize, maxArraySize < 1 { throw ValidationError("--max-array-size must be at least 1") }
        }

        func run() throws {
            try ExitCodes.reporting {
                let file = try PipelineParser().parseFile(at: pipeline)
                let client = SlurmClient()
                try checkPreviousSubmission(of: file, client: client)
                let (arraySize, source) = resolvedMaxArraySize(client)
                let planner = SlurmPlanner()
                let plan = try planner.plan(
                    file,
                    options: SlurmPlanner.Options(
                        flags: flags.settings, maxArraySize: arraySize, executable: try executablePath(),
                        directory: FileManager.default.currentDirectoryPath))
                try planner.write(plan, pipeline: file, flags: flags.settings)
                describe(plan, arraySizeSource: source)
                guard submit, !plan.jobs.isEmpty else {
                    if !plan.jobs.isEmpty { print("submit them with: \(Self.submitCommand())") }
                    return
                }
                _ = try SlurmSubmitter(client: client).submit(plan) { job in
                    print("job \(job.name): \(job.jobIDs.joined(separator: " "))")
                }
                print("submitted \(plan.jobs.count) jobs; follow them with: pretext status \(file.output)")
            }
        }

        /// This command line with `--submit` added: the same flags, so the same world size and
        /// resources (arguments holding spaces or quotes are single-quoted).
        static func submitCommand() -> String {
            let words = ["pretext"] + CommandLine.arguments.dropFirst() + ["--submit"]
            return words.map { word in
                word.contains(where: { " \t'\"$\\".contains($0) })
                    ? "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" : word
            }.joined(separator: " ")
        }

        /// Refuses to replace a plan whose jobs Slurm still runs or holds (unless `--force`).
        private func checkPreviousSubmission(of file: PipelineFile, client: SlurmClient) throws {
            let directory = SlurmDirectory(output: file.output)
            guard let previous = try SlurmPlan.read(from: directory.planPath), !previous.jobIDs.isEmpty else { return }
            guard let queue = client.queue(jobIDs: previous.jobIDs) else {
                print("note: squeue could not be asked whether the previous submission's jobs still run")
                return
            }
            let active = previous.activeJobs(in: queue)
            guard !active.isEmpty, !force else { return }
            let names = active.map { "\($0.job) (\($0.id))" }.joined(separator: ", ")
            throw PretextError(
                .locked,
                "jobs of the previous submission are still queued or running: \(names); wait for them, cancel them "
                    + "(scancel \(active.map(\.id).joined(separator: " "))), or pass --force",
                path: directory.planPath)
        }

        private func resolvedMaxArraySize(_ client: SlurmClient) -> (Int, String) {
            if let maxArraySize { return (maxArraySize, "--max-array-size") }
            if let size = client.maxArraySize() { return (size, "scontrol show config") }
            return (
                SlurmPlanner.defaultMaxArraySize,
                "Slurm's default: scontrol show config could not be read; give --max-array-size"
            )
        }

        private func executablePath() throws -> String {
            if let executable {
                guard let path = FileSystem.canonicalPath(executable) else {
                    throw PretextError(.notFound, "--executable: no such file", path: executable)
                }
                return path
            }
            guard let path = FileSystem.canonicalPath("/proc/self/exe") else {
                throw PretextError(.notFound, "cannot find the running pretext (/proc/self/exe); give --executable")
            }
            return path
        }

        private func describe(_ plan: SlurmPlan, arraySizeSource: String) {
            print(
                "pipeline \(plan.name): \(plan.steps.count) steps, \(plan.worldSize) tasks each; "
                    + "MaxArraySize \(plan.maxArraySize) (\(arraySizeSource))")
            if plan.jobs.isEmpty { print("every step is complete: no job to run") }
            for job in plan.jobs {
                var line = "  \(job.name)"
                if let ranks = job.ranks {
                    line += ": ranks \(ranks)" + (job.chunks.count > 1 ? " in \(job.chunks.count) arrays" : "")
                }
                if let after = job.after { line += ", after \(after)" }
                print(line)
            }
            print("wrote \(plan.jobs.count) scripts and plan.json to \(SlurmDirectory(output: plan.output).root)")
        }
    }
}
