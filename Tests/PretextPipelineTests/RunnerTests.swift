import Foundation
import PretextCore
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextPipeline

@Suite struct RunnerTests {
    /// Writes `files` JSONL files of `lines` records each; every 10th record is broken.
    private func writeInputs(in directory: TemporaryDirectory, files: Int, lines: Int) throws {
        var generator = SplitMix(seed: 7)
        for file in 0..<files {
            var text = ""
            for line in 0..<lines {
                if line % 10 == 9 {
                    text += "{\"id\": \"f\(file)-\(line)\", \"text\": \n"  // malformed JSON
                } else {
                    let words = (0..<(5 + Int(generator.next() % 40))).map { _ in "w\(generator.next() % 500)" }
                    text += "{\"id\":\"f\(file)-\(line)\",\"text\":\"\(words.joined(separator: " "))\",\"n\":\(line)}\n"
                }
            }
            try directory.write("in/part-\(file).jsonl", text)
        }
    }

    private func pipeline(_ directory: TemporaryDirectory, workers: Int) throws -> PipelineFile {
        let text = """
            output: \(directory.path)/out
            inputs: [{path: \(directory.path)/in, source: generated}]
            execution: {workers: \(workers), frame_bytes: 4096}
            stages:
              - stage: ingest
            """
        return try PipelineParser().parse(text, path: "test.yaml")
    }

    private func fingerprint(_ dataset: Dataset) throws -> [String] {
        let catalog = try dataset.openCatalog(readOnly: true)
        // Reject records name their input file, whose directory differs between the two runs;
        // their content is compared separately.
        let shards = try catalog.query(
            "SELECT path, CASE kind WHEN 'rejects' THEN '' ELSE checksum END, records, bytes_raw FROM shards ORDER BY path"
        )
        let documents = try catalog.query("SELECT id, frame, offset, length, chars FROM documents ORDER BY id")
        let drops = try catalog.query("SELECT reason, input, input_line FROM drops ORDER BY input, input_line")
        return [shards, documents, drops].map { "\($0.rows)" }
    }

    private func allRecords(_ path: String) throws -> [UInt8] {
        let reader = try ShardReader(path: path)
        return try (0..<reader.frameCount).flatMap { try reader.frame($0) }
    }

    @Test func ingestCountsAddUpAcrossWorkers() throws {
        let directory = try TemporaryDirectory()
        try writeInputs(in: directory, files: 5, lines: 200)
        let reports = try PipelineRunner().run(
            try pipeline(directory, workers: 2), settings: RunSettings(progressStyle: .silent))
        let report = try #require(reports.first)
        #expect(report.merged)
        #expect(report.ranksRun == [0, 1])
        #expect(report.documentsIn == 1000)
        #expect(report.kept == 900)
        #expect(report.rejected == 100)
        let catalog = try report.dataset.openCatalog(readOnly: true)
        #expect(try catalog.query("SELECT count(*) FROM documents").rows[0][0].int == 900)
        let runs = try catalog.query("SELECT sum(docs_in), sum(docs_out), sum(docs_rejected) FROM runs").rows[0]
        #expect(runs.map(\.int) == [1000, 900, 100])
        #expect(try catalog.query("SELECT count(*) FROM drops WHERE reason = 'malformed_json'").rows[0][0].int == 100)
        #expect(try DatasetVerifier.verify(report.dataset).isClean)
    }

    @Test func rerunSkipsFinishedTasksAndChangesNothing() throws {
        let directory = try TemporaryDirectory()
        try writeInputs(in: directory, files: 3, lines: 50)
        let file = try pipeline(directory, workers: 2)
        let first = try PipelineRunner().run(file, settings: RunSettings(progressStyle: .silent))
        let before = try fingerprint(first[0].dataset)
        let second = try PipelineRunner().run(file, settings: RunSettings(progressStyle: .silent))
        #expect(second[0].ranksRun.isEmpty)
        #expect(second[0].ranksSkipped == [0, 1])
        #expect(try fingerprint(second[0].dataset) == before)
    }

    @Test func separateRanksMergeWhenTheLastFinishes() throws {
        let directory = try TemporaryDirectory()
        try writeInputs(in: directory, files: 4, lines: 40)
        let file = try pipeline(directory, workers: 1)
        let rank1 = try PipelineRunner().run(file, settings: RunSettings(rank: 1, worldSize: 3, progressStyle: .silent))
        #expect(!rank1[0].merged)
        #expect(rank1[0].waitingFor?.contains("0, 2") == true || rank1[0].waitingFor?.contains("0") == true)
        _ = try PipelineRunner().run(file, settings: RunSettings(rank: 0, worldSize: 3, progressStyle: .silent))
        let last = try PipelineRunner().run(file, settings: RunSettings(rank: 2, worldSize: 3, progressStyle: .silent))
        #expect(last[0].merged)
        let catalog = try last[0].dataset.openCatalog(readOnly: true)
        #expect(try catalog.query("SELECT sum(docs_in) FROM runs").rows[0][0].int == 160)
    }

    @Test func sameResultAsASingleUninterruptedRunAfterAFailedTask() throws {
        let clean = try TemporaryDirectory()
        try writeInputs(in: clean, files: 4, lines: 120)
        let reference = try PipelineRunner().run(
            try pipeline(clean, workers: 2), settings: RunSettings(progressStyle: .silent))

        // Same inputs; the first attempt fails inside rank 1 after it wrote part of its output.
        let crashed = try TemporaryDirectory()
        try writeInputs(in: crashed, files: 4, lines: 120)
        let file = try pipeline(crashed, workers: 2)
        let failing = StageRegistry([
            .init(descriptor: IngestStage.descriptor, make: { try FailingIngest(options: $0) })
        ])
        #expect(throws: PretextError.self) {
            try PipelineRunner(registry: failing).run(file, settings: RunSettings(progressStyle: .silent))
        }
        let rerun = try PipelineRunner().run(file, settings: RunSettings(progressStyle: .silent))
        #expect(rerun[0].ranksRun == [1])
        #expect(rerun[0].ranksSkipped == [0])
        // Inputs live in different temporary directories; `source` is fixed, so only the
        // drops' input paths differ.
        let normalize = { (rows: [String]) in rows.map { $0.replacingOccurrences(of: crashed.path, with: clean.path) } }
        let got = normalize(try fingerprint(rerun[0].dataset))
        let expected = try fingerprint(reference[0].dataset)
        for (index, part) in ["shards", "documents", "drops"].enumerated() {
            #expect(got[index] == expected[index], "\(part) differ")
        }
        for rank in 0..<2 {
            let name = "rejects/01-ingest-r0000\(rank)-00000.jsonl.zst"
            let rerunRejects = try allRecords(rerun[0].dataset.path(name))
            let referenceRejects = try allRecords(reference[0].dataset.path(name))
            let text = String(decoding: rerunRejects, as: UTF8.self).replacingOccurrences(
                of: crashed.path, with: clean.path)
            #expect(text == String(decoding: referenceRejects, as: UTF8.self))
        }
    }

    @Test func overwriteReplacesAStepWrittenWithOtherOptions() throws {
        let directory = try TemporaryDirectory()
        try writeInputs(in: directory, files: 2, lines: 20)
        var file = try pipeline(directory, workers: 2)
        _ = try PipelineRunner().run(file, settings: RunSettings(progressStyle: .silent))
        file.execution = try StageOptions(
            specs: ExecutionSettings.specs, given: [("workers", .scalar("1"), nil)], context: "t")
        #expect(throws: PretextError.self) {
            try PipelineRunner().run(file, settings: RunSettings(progressStyle: .silent))
        }
        let replaced = try PipelineRunner().run(file, settings: RunSettings(overwrite: true, progressStyle: .silent))
        #expect(replaced[0].merged)
        #expect(replaced[0].ranksRun == [0])
        file.steps[0].options = try StageOptions(
            specs: IngestStage.descriptor.options, given: [("max_document_bytes", .scalar("100"), nil)], context: "t")
        let again = try PipelineRunner().run(file, settings: RunSettings(overwrite: true, progressStyle: .silent))
        #expect(again[0].ranksRun == [0])
        #expect(again[0].rejected > 0)
    }
}

/// The ingest stage, failing in rank 1 after its first file (a crash in the middle of a task).
struct FailingIngest: Stage {
    static let descriptor = IngestStage.descriptor
    let inner: IngestStage

    init(options: StageOptions) throws { inner = try IngestStage(options: options) }

    func plan(_ input: StageInput) throws -> [IngestUnit] { try inner.plan(input) }

    func planTasks(_ input: StageInput, worldSize: Int) throws -> [[IngestUnit]] {
        try inner.planTasks(input, worldSize: worldSize)
    }

    func run(_ units: [IngestUnit], in task: StageTask) throws {
        guard task.rank == 1 else { return try inner.run(units, in: task) }
        try inner.run(Array(units.prefix(1)), in: task)
        throw PretextError(.io, "simulated crash")
    }
}

/// A small seeded generator (SplitMix64) for reproducible test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15  // wrapping by design: SplitMix64's increment
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
