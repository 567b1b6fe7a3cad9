// pretext-dedupe-eval --truth DIR --removed FILE [--threshold T]
//                     [--candidates FILE [--bands B] [--rows R]]
//
// Scores a dedupe tool's removals against the ground truth of pretext-neardup-corpus:
// reads DIR/truth.jsonl and DIR/order.txt, and FILE (one removed document id per line), and
// prints the DedupeEvaluation as JSON. With --candidates (one candidate pair per line, two ids
// separated by a space or a tab) it adds the detection curve of the family pairs next to the
// theory for B bands of R rows (default 14 × 8). See docs/dedupe-benchmark-set.md.
import Foundation
import PretextSynthetic

@main
enum DedupeEval {
    static func main() {
        let options = EvalOptions.parse(Array(CommandLine.arguments.dropFirst()))
        let pairs = readPairs(options.truth + "/truth.jsonl")
        let order = readLines(options.truth + "/order.txt")
        let removed = Set(readLines(options.removed))
        let evaluation = DedupeEvaluation(pairs: pairs, order: order, removed: removed, threshold: options.threshold)
        var curve: CurveReport?
        if let path = options.candidates {
            let candidates = Set(readLines(path).compactMap(pairKey))
            let samples = pairs.map {
                DetectionCurve.Sample(similarity: $0.jaccard, detected: candidates.contains(key($0.a, $0.b)))
            }
            curve = CurveReport(
                bands: options.bands, rows: options.rows,
                bins: DetectionCurve.bins(samples, bands: options.bands, rows: options.rows))
        }
        printReport(Report(documents: order.count, familyPairs: pairs.count, evaluation: evaluation, curve: curve))
    }

    static func printReport(_ report: Report) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } catch {
            fail("cannot encode the report: \(error)")
        }
    }

    /// The family pairs of truth.jsonl.
    static func readPairs(_ path: String) -> [FamilyPair] {
        let decoder = JSONDecoder()
        var pairs: [FamilyPair] = []
        forEachLine(path) { line in
            do {
                pairs.append(try decoder.decode(FamilyPair.self, from: Data(line.utf8)))
            } catch {
                fail("\(path): bad line \(line): \(error)")
            }
        }
        return pairs
    }

    /// The non-empty lines of a file, trimmed.
    static func readLines(_ path: String) -> [String] {
        var lines: [String] = []
        forEachLine(path) { lines.append($0) }
        return lines
    }

    /// An unordered pair key from a line `a b` or `a<TAB>b`.
    static func pairKey(_ line: String) -> String? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 2 else { return nil }
        return key(String(fields[0]), String(fields[1]))
    }

    static func key(_ a: String, _ b: String) -> String { a < b ? a + " " + b : b + " " + a }
}
