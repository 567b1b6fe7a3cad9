import Foundation
import PretextTestSupport
import Testing

/// The quickstart pipeline on the bundled fixtures, run like a new user would, checked
/// against `fixtures/expected.json` (written with the fixtures, independently of the code).
@Suite(.serialized) struct QuickstartTests {
    private func runQuickstart(into scratch: TemporaryDirectory) throws -> (CLI.Result, String) {
        let original = try String(contentsOfFile: CLI.root + "/pipelines/quickstart.yaml", encoding: .utf8)
        let output = scratch.path + "/out"
        // A debug build trains slowly: three steps stand for the quickstart's hundred.
        let text = original.replacingOccurrences(of: "output: out/quickstart", with: "output: \(output)")
            .replacingOccurrences(of: "  steps: 100 ", with: "  steps: 3   ")
        #expect(text != original && !text.contains("steps: 100"))
        let pipeline = try scratch.write("quickstart.yaml", text)
        return (try CLI.run(["run", pipeline, "--quiet"]), output + "/01-ingest")
    }

    private func query(_ dataset: String, _ sql: String) throws -> [[String]] {
        let result = try CLI.run(["query", dataset, sql, "--no-header"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    private struct Expected {
        var documents = 0
        var rejects: [String: Int] = [:]
        /// Ids of the files whose every record carries its own id.
        var ids: [String] = []
        /// Documents by `source` as the quickstart pipeline names it.
        var bySource: [String: Int] = [:]
    }

    private func expected() throws -> Expected {
        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.root + "/fixtures/expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(root["files"] as? [String: [String: Any]])
        var result = Expected()
        for (name, file) in files {
            let documents = file["documents"] as? Int ?? 0
            result.documents += documents
            for (reason, count) in file["rejects"] as? [String: Int] ?? [:] {
                result.rejects[reason, default: 0] += count
            }
            if name.hasPrefix("corpus/jsonl/web-en") || name.hasPrefix("corpus/jsonl/news-zh") {
                result.ids += file["ids"] as? [String] ?? []
            }
            // The quickstart names the blocks directory's source `blocks`; others keep their path.
            let source = name.hasPrefix("corpus/text/blocks/") ? "blocks" : "fixtures/" + name
            if documents > 0 { result.bySource[source, default: 0] += documents }
        }
        return result
    }

    @Test func ingestsTheFixturesAsExpected() throws {
        let scratch = try TemporaryDirectory()
        let (result, dataset) = try runQuickstart(into: scratch)
        #expect(result.status == 3, "exit status 3: finished with rejects; stderr: \(result.stderr)")
        #expect(result.stdout.contains("step 1 (ingest)"))
        #expect(result.stdout.contains("compression ratio"))

        let expected = try expected()
        let documents = try query(dataset, "SELECT count(*) FROM documents")
        #expect(documents == [["\(expected.documents)"]])
        let drops = try query(dataset, "SELECT reason, count(*) FROM drops GROUP BY reason")
        let dropCounts = Dictionary(uniqueKeysWithValues: drops.map { ($0[0], Int($0[1]) ?? -1) })
        #expect(dropCounts == expected.rejects)
        let ids = Set(try query(dataset, "SELECT id FROM documents").map { $0[0] })
        #expect(expected.ids.count == 93)
        #expect(Set(expected.ids).isSubset(of: ids))
        let sources = try query(dataset, "SELECT source, count(*) FROM documents GROUP BY source")
        #expect(Dictionary(uniqueKeysWithValues: sources.map { ($0[0], Int($0[1]) ?? -1) }) == expected.bySource)

        // Documents in = kept + rejected, per task and in total.
        let runs = try query(dataset, "SELECT count(*) FROM runs WHERE docs_in <> docs_out + docs_rejected")
        #expect(runs == [["0"]])
        let totals = try query(dataset, "SELECT sum(docs_out), sum(docs_rejected) FROM runs")
        let rejectedRecords = try query(dataset, "SELECT count(*) FROM drops WHERE reject_shard_id IS NOT NULL")
        #expect(totals == [["\(expected.documents)", rejectedRecords[0][0]]])
    }

    @Test func shardsAreReadableByTheZstdCLIAndVerify() throws {
        let scratch = try TemporaryDirectory()
        let (_, dataset) = try runQuickstart(into: scratch)
        let shards = try query(dataset, "SELECT path, records FROM shards WHERE kind = 'documents'")
        #expect(!shards.isEmpty)
        for shard in shards {
            let zstd = try ExternalTool.run("zstd", ["-dc", dataset + "/" + shard[0]])
            #expect(zstd.status == 0)
            let lines = zstd.bytes.split(separator: UInt8(ascii: "\n"))
            #expect(lines.count == Int(shard[1]))
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                #expect(object?["id"] is String && object?["text"] is String && object?["source"] is String)
                #expect(object?["meta"] is [String: Any])
            }
        }
        let verify = try CLI.run(["verify", dataset])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func rerunSkipsAndInspectCatAndQueryWork() throws {
        let scratch = try TemporaryDirectory()
        let (first, dataset) = try runQuickstart(into: scratch)
        #expect(first.status == 3)
        let (second, _) = try runQuickstart(into: scratch)
        #expect(second.status == 3)
        #expect(second.stdout.contains("already done, skipped"))

        let inspect = try CLI.run(["inspect", dataset])
        #expect(inspect.status == 0)
        #expect(inspect.stdout.contains("too_large"))
        #expect(inspect.stdout.contains("truncated_input"))

        let cat = try CLI.run(["cat", dataset, "--where", "source LIKE '%news-zh%'", "--limit", "3"])
        #expect(cat.status == 0)
        let lines = cat.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.contains("news-zh") })

        let rejects = try CLI.run(["cat", dataset, "--rejects", "--where", "reason = 'malformed_json'"])
        #expect(rejects.stdout.split(separator: "\n").count == 2)
        #expect(rejects.stdout.contains("\"reason\":\"malformed_json\""))

        let header = try CLI.run(["query", dataset, "SELECT lang, count(*) AS n FROM documents GROUP BY lang"])
        #expect(header.stdout.hasPrefix("lang\tn\n"))
    }

    @Test func dedupeStepsLeaveOneDocumentOfEveryFixtureDuplicatePair() throws {
        let scratch = try TemporaryDirectory()
        let (result, ingested) = try runQuickstart(into: scratch)
        #expect(result.status == 3)
        let output = (ingested as NSString).deletingLastPathComponent
        let beforeDedupe = Set(try query(output + "/04-quality", "SELECT id FROM documents").map { $0[0] })
        let afterExact = Set(try query(output + "/05-dedupe", "SELECT id FROM documents").map { $0[0] })
        let afterMinhash = Set(try query(output + "/06-dedupe", "SELECT id FROM documents").map { $0[0] })

        let data = try Data(contentsOf: URL(fileURLWithPath: CLI.root + "/fixtures/expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let duplicates = try #require(root["duplicates"] as? [String: Any])
        let copies = try #require(duplicates["edited_copies"] as? [[String: Any]])
        var pairs = 0
        for copy in copies {
            let id = try #require(copy["id"] as? String)
            let source = try #require(copy["copy_of"] as? String)
            guard beforeDedupe.contains(id), beforeDedupe.contains(source) else { continue }
            pairs += 1
            #expect(!(afterMinhash.contains(id) && afterMinhash.contains(source)), "\(id) and \(source) both kept")
            if (copy["edits"] as? [String]) == ["exact"] {
                #expect(!(afterExact.contains(id) && afterExact.contains(source)), "exact copy \(id) kept")
            }
        }
        #expect(pairs >= 9)
        // Every dropped document names its kept document, which is in the step's output.
        for (step, kept) in [("05-dedupe", afterExact), ("06-dedupe", afterMinhash)] {
            for drop in try query(output + "/" + step, "SELECT reason, detail FROM drops") {
                #expect(["exact_duplicate", "near_duplicate"].contains(drop[0]))
                let keptID = try #require(drop[1].components(separatedBy: "kept document ").last)
                #expect(kept.contains(keptID), "\(step): \(drop[1])")
            }
        }
    }

    @Test func theAuditStepWritesItsReportsAndEqualsTheAuditCommand() throws {
        let scratch = try TemporaryDirectory()
        let (run, ingested) = try runQuickstart(into: scratch)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stdout.contains("audit: 140 documents") && run.stdout.contains("open in a browser:"))
        #expect(run.stdout.contains("gender:") && run.stdout.contains("religion:"))
        let output = (ingested as NSString).deletingLastPathComponent
        let steps = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        #expect(steps.contains("10-audit") && steps.contains("12-tokenize") && steps.contains("13-causal_lm"))
        #expect(steps.last == "train")
        let audited = output + "/10-audit"
        let json = try Data(contentsOf: URL(fileURLWithPath: audited + "/reports/audit.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(report["schema"] as? String == "pretext-audit/1")
        // Every step that dropped documents after ingest is audited: quality and the dedupe steps.
        let dropping = (report["disparity"] as? [[String: Any]] ?? []).compactMap { $0["step"] as? String }
        #expect(dropping.contains("04-quality") && dropping.contains("05-dedupe"))
        let html = try String(contentsOfFile: audited + "/reports/audit.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<svg"))
        let columns = try query(audited, "SELECT count(*) FROM documents WHERE audit_groups LIKE '%gender/female%'")
        #expect(Int(columns.first?.first ?? "") ?? 0 > 0)
        let verify = try CLI.run(["verify", audited])
        #expect(verify.status == 0, "\(verify.stdout)")

        // The step ran as two tasks; their partial counts, merged, give the single pass's report.
        let input = output + "/09-segment"
        let command = try CLI.run(["audit", input, "--lexicons", CLI.root + "/lexicons", "--workers", "2"])
        #expect(command.status == 0, "\(command.stderr)")
        #expect(command.stdout.contains("audit: 140 documents"))
        try DocsBlock.expectShows(
            command.stdout, replacing: output, with: "out/quickstart",
            after: "against a real run, character for character",
            in: "docs/stages/audit.md")
        let fromCommand = try Data(contentsOf: URL(fileURLWithPath: input + "/reports/audit.json"))
        #expect(json == fromCommand)
        let missing = try CLI.run(["audit", input, "--lexicons", scratch.path + "/nowhere"])
        #expect(missing.status != 0 && missing.stderr.contains("nowhere"))
    }

    @Test func theTokenizerStepsWriteAnHFTokenizerAndTokenRecordsThatDecode() throws {
        let scratch = try TemporaryDirectory()
        let (run, ingested) = try runQuickstart(into: scratch)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stdout.contains("tokenizer: bpe, 2048 tokens"))
        let output = (ingested as NSString).deletingLastPathComponent
        let tokenizer = output + "/11-tokenizer/tokenizer/tokenizer.json"
        #expect(FileManager.default.fileExists(atPath: tokenizer))
        let encoded = try CLI.run(["tokenize", "--tokenizer", tokenizer, "The lighthouse, 灯塔."])
        #expect(encoded.status == 0 && encoded.stdout.hasPrefix("{\"ids\":["), "\(encoded.stderr)")
        let cat = try CLI.run(["cat", output + "/12-tokenize", "--limit", "3"])
        let lines = cat.stdout.split(separator: "\n")
        #expect(cat.status == 0 && lines.count == 3)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect((object?["tokens"] as? Int ?? 0) > 0 && object?["text"] is String)
        }
        let documents = try query(output + "/11-tokenizer", "SELECT count(*) FROM documents")
        let tokens = try query(output + "/12-tokenize", "SELECT count(*), min(tokens) FROM documents")
        #expect(tokens.first?.first == documents.first?.first && Int(tokens.first?[1] ?? "") ?? 0 > 0)
        let verify = try CLI.run(["verify", output + "/12-tokenize"])
        #expect(verify.status == 0, "\(verify.stdout)")
        // The examples step packs every token and one end-of-text per document into blocks.
        let blocks = try query(output + "/13-causal_lm", "SELECT sum(records) FROM shards WHERE kind = 'examples'")
        let total = try query(output + "/12-tokenize", "SELECT sum(tokens) + count(*) FROM documents")
        let blockCount = Int(blocks.first?.first ?? "") ?? 0, tokenCount = Int(total.first?.first ?? "") ?? 0
        #expect(blockCount >= tokenCount / 256 && blockCount <= tokenCount / 256 + 2, "\(blockCount) blocks")
        // A block may lie inside one long document: look at the first three.
        let shown = try CLI.run(["cat", output + "/13-causal_lm", "--limit", "3"])
        #expect(shown.status == 0 && shown.stdout.contains("\"length\":256") && shown.stdout.contains("<|endoftext|>"))
        #expect(try CLI.run(["verify", output + "/13-causal_lm"]).status == 0)
    }

    /// The pipeline's `train:` section trains a GPT-2 on the blocks (three steps here) and
    /// writes it as transformers reads it; running the pipeline again finds it trained.
    @Test func theTrainSectionWritesAModelThatResumes() throws {
        let scratch = try TemporaryDirectory()
        let (run, ingested) = try runQuickstart(into: scratch)
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stdout.contains("train: gpt2, 2 layers × 128, 4 heads, vocabulary 2048, sequence 256"))
        #expect(run.stdout.contains("train: 3 steps (3 this run)") && run.stdout.contains("held-out: clm_accuracy"))
        #expect(
            run.stdout.contains("probe lang (11 classes,") && run.stdout.contains("untrained model"), "\(run.stdout)")
        let trained = (ingested as NSString).deletingLastPathComponent + "/train"
        for name in [
            "model.safetensors", "config.json", "tokenizer.json", "log.jsonl", "report.html", "checkpoint-000003",
        ] {
            #expect(FileManager.default.fileExists(atPath: trained + "/" + name), "\(name)")
        }
        let config = try String(contentsOfFile: trained + "/config.json", encoding: .utf8)
        #expect(config.contains("\"GPT2LMHeadModel\"") && config.contains("\"n_positions\" : 256"))
        let again = try CLI.run(["run", scratch.path + "/quickstart.yaml", "--quiet"])
        #expect(again.stdout.contains("resuming from") && again.stdout.contains("(0 this run)"), "\(again.stdout)")
    }
}
