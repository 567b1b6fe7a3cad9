import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext verify DATASET`: checks every shard, frame checksum and count.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every shard's file checksum, every frame's checksum, record counts and locations.",
            discussion: "Exit status 1 when a problem is found; each problem names its shard and frame.")

        @Argument(help: "The dataset directory.")
        var dataset: String

        func run() throws {
            let report: VerificationReport
            do {
                report = try DatasetVerifier.verify(try Dataset.open(at: dataset))
            } catch {
                throw ExitCodes.report(error)
            }
            print(report.description)
            if !report.isClean { throw ExitCodes.failed }
        }
    }
}
