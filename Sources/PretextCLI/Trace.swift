import ArgumentParser
import Foundation
import Pretext

extension PretextCommand {
    /// `pretext trace OUTPUT ID`: one document through every step of a run.
    struct Trace: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Follow one document through every step of a run: kept, changed or dropped, and why.",
            discussion: """
                PATH is a pipeline's output folder (every NN-stage dataset in it, in order) or one step's \
                dataset. Per step: kept (text unchanged or changed against the step before, the catalog \
                columns the step set or changed), dropped (reason, detail, the reject record's shard, frame \
                and offset) or not there; where the record is. Exit 64 when no step knows the id.
                """)

        @Argument(help: "A pipeline's output folder, or one step's dataset.")
        var path: String

        @Argument(help: "The document id (documents.id, drops.document).")
        var id: String

        @Flag(help: "Print JSON.")
        var json = false

        func run() throws {
            try ExitCodes.reporting {
                let trace = try DocumentTracer.trace(id: id, at: path)
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    print(String(decoding: try encoder.encode(trace), as: UTF8.self))
                } else {
                    print(trace.text, terminator: "")
                }
            }
        }
    }
}
