import Foundation
import Pretext

/// Quality-rule throughput on the golden documents (fixtures/golden/quality-en.jsonl), printed:
///   swift run --package-path Benchmarks -c release pretext-quality-throughput
/// (scripts/golden/bench-quality.sh). A measuring tool, not a test.
@main
struct QualityThroughput {
    static func main() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let golden = root.appendingPathComponent("fixtures/golden/quality-en.jsonl")
        let texts = try String(contentsOf: golden, encoding: .utf8).split(separator: "\n").compactMap {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["text"] as? String
        }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let rounds = 20
        let splitter = EnglishWordSplitter()
        let families: [(String, (QualityText, WordList) -> QualityResult)] = [
            ("gopher_quality", GopherQualityRules().evaluate),
            ("gopher_repetition", GopherRepetitionRules().evaluate),
            ("c4", { C4QualityRules().evaluate($0, words: $1) }),
            ("fineweb", FineWebQualityRules().evaluate),
        ]
        func time(_ body: () -> Void) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        var sink = 0
        // Each family alone, including its own decoding and tokenization (as datatrove's filters do).
        for (name, rule) in families {
            let seconds = time {
                for _ in 0..<rounds {
                    for t in texts {
                        let q = QualityText(t)
                        let w = name == "c4" ? WordList() : splitter.words(in: q)
                        sink &+= rule(q, w).failed.count
                    }
                }
            }
            report(name, seconds, bytes * rounds, texts.count * rounds)
        }
        // All four, tokenizing once.
        let evaluator = QualityEvaluator()
        let seconds = time {
            for _ in 0..<rounds { for t in texts { sink &+= evaluator.evaluate(t, language: "en").count } }
        }
        report("all four (shared words)", seconds, bytes * rounds, texts.count * rounds)
        print("sink \(sink)")
    }

    private static func report(_ name: String, _ seconds: Double, _ bytes: Int, _ docs: Int) {
        let mbps = Double(bytes) / seconds / 1e6
        let dps = Double(docs) / seconds
        print("THROUGHPUT \(name): \(String(format: "%.1f", mbps)) MB/s, \(String(format: "%.0f", dps)) docs/s")
    }
}
