import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

/// The pieces of `pretext trace` that need no pipeline: step folder names, the columns a step
/// added or changed, and what is an output folder.
@Suite struct LineageTests {
    @Test(arguments: [
        ("01-ingest", 1, "ingest"), ("05-dedupe", 5, "dedupe"), ("13-causal_lm", 13, "causal_lm"),
        ("120-pii", 120, "pii"),
    ])
    func stepNamesParse(name: String, index: Int, stage: String) {
        let parsed = PipelineOutput.parseStepName(name)
        #expect(parsed?.index == index && parsed?.stage == stage)
    }

    @Test(arguments: ["train", "slurm", ".locks", "-ingest", "01-", "+1-ingest", "x1-ingest"])
    func otherNamesAreNotSteps(name: String) {
        #expect(PipelineOutput.parseStepName(name) == nil)
    }

    private func row(_ pairs: [(String, SQLValue)]) -> TracedDocumentRow {
        TracedDocumentRow(
            columns: pairs.map(\.0), values: pairs.map(\.1), shard: "shards/x.jsonl.zst", kind: .documents,
            checksum: "0", location: RecordLocation(frame: 0, offset: 0, length: 1))
    }

    @Test func signalsAreTheColumnsSetFirstAndTheColumnsChanged() {
        let before = row([("id", "a"), ("bytes", 10), ("lang", .null)])
        let after = row([("id", "a"), ("bytes", 8), ("lang", "en"), ("pii_email", 1), ("dup_cluster", .null)])
        let (added, changed) = DocumentTracer.signals(of: after, before: before)
        #expect(added.map(\.name) == ["lang", "pii_email"])
        #expect(added.map(\.value) == [.text("en"), .integer(1)])
        #expect(changed == [.init(name: "bytes", value: .integer(8), before: .integer(10))])
        // The first step: every column with a value, the id left out.
        let first = DocumentTracer.signals(of: before, before: nil)
        #expect(first.added.map(\.name) == ["bytes"] && first.changed.isEmpty)
    }

    @Test func anOutputFolderHoldsStepDatasetsAndIsNotOneItself() throws {
        let scratch = try TemporaryDirectory()
        _ = try Dataset.create(at: scratch.file("out/01-ingest"))
        _ = try Dataset.create(at: scratch.file("out/02-quality"))
        try scratch.directory("out/train")
        #expect(PipelineOutput.isOutput(scratch.file("out")))
        #expect(!PipelineOutput.isOutput(scratch.file("out/01-ingest")))
        #expect(!PipelineOutput.isOutput(scratch.file("out/train")))
        let output = try PipelineOutput.open(at: scratch.file("out"))
        #expect(output.steps.map(\.name) == ["01-ingest", "02-quality"])
        #expect(throws: PretextError.self) { try PipelineOutput.open(at: scratch.file("out/train")) }
    }
}
