import ArgumentParser
import Foundation
import Pretext

extension PretextCommand {
    /// `pretext status RUN_DIR`: where a pipeline's run stands, per step, job and task.
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Show where a pipeline's run stands: per step and Slurm job, tasks done, running, pending, failed.",
            discussion: """
                RUN_DIR is the pipeline's output folder. Done comes from the catalogs; running and pending from \
                squeue (when Slurm answers); failed from the state files the batch scripts write, with each \
                failed task's log. Without OUTPUT/slurm/plan.json (a local run) only the catalogs' view.
                """)

        @Argument(help: "The pipeline's output folder.")
        var runDirectory: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            try ExitCodes.reporting {
                let status = try PipelineStatus.read(output: runDirectory) { SlurmClient().queue(jobIDs: $0) }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    print(String(decoding: try encoder.encode(status), as: UTF8.self))
                } else {
                    print(status.text, terminator: "")
                }
            }
        }
    }
}
