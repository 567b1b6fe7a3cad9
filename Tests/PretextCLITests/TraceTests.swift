import Foundation
import PretextTestSupport
import Testing

/// `pretext trace` and `pretext inspect OUTPUT` on the quickstart pipeline's corpus steps
/// (ingest … segment: the steps before the audit and the tokenizer), run into a temporary
/// output as a user would.
@Suite(.serialized) struct TraceTests {
    /// The quickstart pipeline up to its `segment` step, written to `scratch/out`; runs it and
    /// returns the output folder.
    private func runCorpusSteps(into scratch: TemporaryDirectory) throws -> String {
        let original = try String(contentsOfFile: CLI.root + "/pipelines/quickstart.yaml", encoding: .utf8)
        let output = scratch.path + "/out"
        let corpusSteps = try #require(original.components(separatedBy: "  - stage: audit").first)
        let text = corpusSteps.replacingOccurrences(of: "output: out/quickstart", with: "output: \(output)")
        #expect(text.contains("stage: segment") && !text.contains("train:") && text.contains(output))
        let run = try CLI.run(["run", try scratch.write("corpus.yaml", text), "--quiet"])
        #expect(run.status == 3, "finished, with the broken fixtures unreadable: \(run.stderr)")
        return output
    }

    /// The first column of a query's rows.
    private func ids(_ dataset: String, _ sql: String) throws -> [String] {
        let result = try CLI.run(["query", dataset, sql, "--no-header"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
    }

    /// `pretext trace PATH ID --json`, decoded.
    private func trace(_ path: String, _ id: String) throws -> [String: Any] {
        let result = try CLI.run(["trace", path, id, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    private func tracedSteps(_ trace: [String: Any]) throws -> [[String: Any]] {
        try #require(trace["steps"] as? [[String: Any]])
    }

    private func signalNames(_ step: [String: Any], _ key: String) -> [String] {
        (step[key] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    @Test func traceFollowsAKeptAChangedAndADroppedDocument() throws {
        let scratch = try TemporaryDirectory()
        let output = try runCorpusSteps(into: scratch)
        try checkKept(output)
        try checkChanged(output)
        try checkDropped(output)
    }

    /// A document of the last step: kept by every step, its text first read by ingest and
    /// unchanged by the language and exact dedupe steps, its language set by step 3.
    private func checkKept(_ output: String) throws {
        let id = try #require(try ids(output + "/09-segment", "SELECT id FROM documents ORDER BY id LIMIT 1").first)
        let steps = try tracedSteps(try trace(output, id))
        #expect(steps.count == 9)
        #expect(steps.allSatisfy { $0["status"] as? String == "kept" })
        #expect(steps[0]["text"] as? String == "first")
        // The language step links its input's shards; exact dedupe rewrites them, text unchanged.
        #expect(steps[2]["text"] as? String == "unchanged" && steps[4]["text"] as? String == "unchanged")
        #expect(signalNames(steps[0], "added").contains("source"))
        #expect(signalNames(steps[2], "added").contains("lang"))
        #expect(signalNames(steps[8], "added").contains("sentences"))
        let record = try #require(steps[8]["record"] as? [String: Any])
        #expect((record["shard"] as? String ?? "").hasPrefix("shards/09-segment-") && record["frame"] is Int)

        let text = try CLI.run(["trace", output, id])
        #expect(text.status == 0 && text.stdout.contains("kept through the last step, 09-segment"), "\(text.stdout)")
        #expect(text.stdout.contains("05-dedupe") && text.stdout.contains("kept, text unchanged"))
    }

    /// A document whose e-mail address the pii step replaced: its text changed there, with the
    /// counts the step added and its new size.
    private func checkChanged(_ output: String) throws {
        let id = try #require(try ids(output + "/08-pii", "SELECT id FROM documents WHERE pii_email > 0 LIMIT 1").first)
        let pii = try #require(try tracedSteps(try trace(output, id)).first { $0["stage"] as? String == "pii" })
        #expect(pii["status"] as? String == "kept" && pii["text"] as? String == "changed")
        #expect(signalNames(pii, "added").contains("pii_email"))
        #expect(signalNames(pii, "changed").contains("bytes"))
        let text = try CLI.run(["trace", output, id])
        #expect(text.stdout.contains("08-pii") && text.stdout.contains("kept, text changed"), "\(text.stdout)")
    }

    /// A document the quality step dropped: its reason, detail and reject record, then absent.
    private func checkDropped(_ output: String) throws {
        let quality = output + "/04-quality"
        let row = try #require(
            try CLI.run(["query", quality, "SELECT document, reason FROM drops ORDER BY rowid LIMIT 1", "--no-header"])
                .stdout.split(separator: "\n").first?.split(separator: "\t").map(String.init))
        let steps = try tracedSteps(try trace(output, row[0]))
        #expect(steps.prefix(3).allSatisfy { $0["status"] as? String == "kept" })
        #expect(steps[3]["status"] as? String == "dropped")
        let drop = try #require(steps[3]["drop"] as? [String: Any])
        #expect(drop["reason"] as? String == row[1] && drop["stage"] as? String == "quality")
        let reject = try #require(drop["reject"] as? [String: Any])
        #expect((reject["shard"] as? String ?? "").hasPrefix("rejects/04-quality-") && reject["offset"] is Int)
        #expect(steps.dropFirst(4).allSatisfy { $0["status"] as? String == "absent" })

        let text = try CLI.run(["trace", output, row[0]])
        #expect(text.stdout.contains("dropped by 04-quality (quality): \(row[1])"), "\(text.stdout)")
        #expect(text.stdout.contains("05-dedupe … 09-segment") && text.stdout.contains("not in later steps"))
        #expect(text.stdout.contains("reject   rejects/04-quality-"))

        // The step's dataset alone: one step, dropped.
        let alone = try tracedSteps(try trace(quality, row[0]))
        #expect(alone.count == 1 && alone[0]["status"] as? String == "dropped" && alone[0]["index"] as? Int == 4)
    }

    @Test func inspectOfAnOutputFolderAndUnknownIDs() throws {
        let scratch = try TemporaryDirectory()
        let output = try runCorpusSteps(into: scratch)

        let inspect = try CLI.run(["inspect", output])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        let rows = inspect.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let perStep = rows.filter { $0.count == 4 && $0[0].contains("-") && Int($0[1]) != nil }
        #expect(
            perStep.map { $0[0] } == [
                "01-ingest", "02-normalize", "03-language", "04-quality", "05-dedupe", "06-dedupe", "07-dedupe",
                "08-pii",
                "09-segment",
            ])
        // What a step keeps, the next one reads; in = kept + dropped.
        for (step, next) in zip(perStep, perStep.dropFirst()) { #expect(step[2] == next[1], "\(step) \(next)") }
        for step in perStep { #expect(Int(step[1]) == (Int(step[2]) ?? 0) + (Int(step[3]) ?? 0), "\(step)") }
        #expect(rows.contains { $0.first == "04-quality" && $0.count == 3 && Int($0[2]) != nil })
        #expect(rows.contains { $0.first == "05-dedupe" && $0.count == 3 && $0[1] == "exact_duplicate" })
        #expect(rows.contains { $0.first == "01-ingest" && $0.count == 3 && $0[1] == "truncated_input" })

        let unknown = try CLI.run(["trace", output, "no-such-document"])
        #expect(unknown.status == 64, "\(unknown.stderr)")
        #expect(unknown.stderr.contains(output) && unknown.stderr.contains("no-such-document"))
        #expect(unknown.stderr.contains("pretext query"))
    }
}
