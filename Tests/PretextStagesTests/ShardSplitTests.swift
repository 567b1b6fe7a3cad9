import Foundation
import PretextCore
import PretextPipeline
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

/// Document stages on shards of unequal size, cut into frame ranges across tasks (issue 15):
/// each task gets an even share, and the documents, drops and counts equal one task's.
@Suite struct ShardSplitTests {
    /// A dataset of two shards, 600 and 60 documents (one per ingest task), in frames of 4 KiB;
    /// every third document is too short for the quality rules.
    private func unequalShards(in directory: TemporaryDirectory) throws -> String {
        let sentence = "The committee met on Tuesday to review the annual budget and the plans for the library."
        let files = [600, 60].enumerated().map { file, count in
            (0..<count).map { index in
                let text =
                    index % 3 == 0 ? "too short \(index)" : Array(repeating: sentence, count: 6).joined(separator: " ")
                return try! StageRun.line(id: "f\(file)-\(index)", text: text)
            }
        }
        return try StageRun.ingest(lines: files, in: directory, frameBytes: 4096, workers: 2)
    }

    private let documents = "SELECT id, bytes, chars FROM documents ORDER BY id"
    private let drops = "SELECT document, stage, reason FROM drops ORDER BY document"

    @Test(arguments: ["quality", "language", "normalize"]) func twoTasksShareUnequalShardsEvenly(stage: String) throws {
        let directory = try TemporaryDirectory()
        let input = try unequalShards(in: directory)
        let shards = try StageRun.rows(input, "SELECT records FROM shards WHERE kind = 'documents' ORDER BY path")
        #expect(shards.map(\.[0].int) == [600, 60])
        let one = try StageRun.stage(
            stage, input: input, output: directory.file("one"), settings: StageRun.settings(workers: 1))
        let two = try StageRun.stage(
            stage, input: input, output: directory.file("two"), settings: StageRun.settings(workers: 2))
        #expect(two.documentsIn == one.documentsIn && two.kept == one.kept && two.rejected == one.rejected)
        for sql in [documents, drops] {
            let expected = try StageRun.rows(directory.file("one"), sql)
            #expect(try StageRun.rows(directory.file("two"), sql) == expected, "\(stage): \(sql)")
        }
        let runs = try StageRun.rows(directory.file("two"), "SELECT docs_in, files_in FROM runs ORDER BY rank")
        let loads = runs.compactMap(\.[0].int)
        #expect(loads.count == 2 && abs(loads[0] - loads[1]) < 60, "\(stage): \(loads)")
        #expect(runs.compactMap(\.[1].int).reduce(0, +) == 2, "each input shard counted once")
        #expect(try DatasetVerifier.verify(Dataset.open(at: directory.file("two"))).isClean)
    }

    @Test func theSplitDependsOnlyOnTheWorldSize() throws {
        let directory = try TemporaryDirectory()
        let input = try unequalShards(in: directory)
        let stage = try NormalizeStage(options: StageOptions())
        let first = try stage.planTasks(.dataset(path: input), worldSize: 3)
        let again = try stage.planTasks(.dataset(path: input), worldSize: 3)
        #expect(first.map { $0.map(\.key) } == again.map { $0.map(\.key) })
        #expect(first.count == 3 && first.allSatisfy { !$0.isEmpty })
        #expect(try stage.planTasks(.dataset(path: input), worldSize: 1)[0].allSatisfy(\.isWholeShard))
    }
}
