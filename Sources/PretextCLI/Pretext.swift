import ArgumentParser
import Pretext

/// The `pretext` command: a thin layer over the Pretext library.
///
/// Exit codes: 0 success; 3 the run finished but records went to `rejects/`; 1 the run
/// failed; 64 usage error (bad flags, bad pipeline file, a path named that does not exist).
@main
struct PretextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretext",
        abstract: "Prepare text corpora for NLP pretraining.",
        discussion: """
            Exit codes: 0 success, 3 finished with rejects, 1 failed, 64 usage error.
            Documentation: docs/cli.md and docs/pipelines.md.
            """,
        subcommands: [
            Run.self, Merge.self, Slurm.self, Status.self, StageCommand.self, Stages.self, Inspect.self, Trace.self,
            Query.self, Cat.self, Verify.self, Audit.self, Tokenize.self, LoaderBench.self, Train.self,
        ]
    )
}
