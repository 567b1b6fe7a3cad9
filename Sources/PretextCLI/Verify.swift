import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext verify DATASET`: checks every shard, frame checksum and count.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every shard's file checksum, every frame's checksum, record counts and locations.",
            discussion: "Exit status 1 when a problem is found; each problem names its shard and frame.")

        @OptionGroup var input: DatasetArgument

        func run() throws {
            try ExitCodes.reporting {
                let report = try DatasetVerifier.verify(try input.open())
                print(report.description)
                if !report.isClean { throw ExitCodes.failed }
            }
        }
    }
}
