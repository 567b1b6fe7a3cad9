// pretext-neardup-corpus --docs N --seed S --files F --out DIR [--chinese-share X] [--family-share X]
//
// Writes a seeded near-duplicate benchmark corpus (PretextSynthetic.NearDuplicateCorpus) and
// its ground truth:
//   DIR/part-00000.jsonl …  F files, documents in input order, {"id":…,"text":…} per line
//   DIR/truth.jsonl         one line per pair of members of a family (FamilyPair.jsonLine)
//   DIR/order.txt           the ids in input order, one per line
//   DIR/manifest.json       the configuration and counts
// Streams: only the layout (8 bytes a document) is held; the part files and the truth are
// written in parallel, one job each. See docs/dedupe-benchmark-set.md.
import Foundation
import PretextSynthetic

@main
enum NearDupCorpus {
    static func main() {
        let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
        let start = Date()
        let corpus = NearDuplicateCorpus(options.configuration)
        makeDirectory(options.output)
        writeOrder(corpus, to: options.output + "/order.txt")
        // Job 0, the truth (the longest), starts first; jobs 1… write the part files.
        let counts = Counts(jobs: options.files + 1)
        DispatchQueue.concurrentPerform(iterations: options.files + 1) { job in
            if job == 0 {
                counts.set(job, writeTruth(corpus, to: options.output + "/truth.jsonl"))
            } else {
                let range = partRange(job - 1, files: options.files, documents: corpus.documentCount)
                counts.set(job, writePart(corpus, range, to: options.output + "/" + partName(job - 1)))
            }
        }
        writeManifest(corpus, options: options, pairs: counts.get(0), to: options.output)
        let bytes = (1...options.files).reduce(0) { $0 + counts.get($1) }
        printError(
            "\(corpus.documentCount) documents (\(bytes) bytes in \(options.files) files), "
                + "\(corpus.familyCount) families, \(counts.get(0)) pairs, "
                + String(format: "%.1f s", Date().timeIntervalSince(start)))
    }

    /// `part-00000.jsonl` …
    static func partName(_ index: Int) -> String {
        "part-" + String(repeating: "0", count: max(0, 5 - String(index).count)) + String(index) + ".jsonl"
    }

    /// The positions file `index` of `files` holds: consecutive, as even as possible.
    static func partRange(_ index: Int, files: Int, documents: Int) -> Range<Int> {
        (documents * index / files)..<(documents * (index + 1) / files)
    }

    /// Writes the documents at `positions`; returns the bytes written.
    static func writePart(_ corpus: NearDuplicateCorpus, _ positions: Range<Int>, to path: String) -> Int {
        let sink = FileSink(path)
        var line: [UInt8] = []
        for position in positions {
            line.removeAll(keepingCapacity: true)
            corpus.document(at: position).appendJSONLine(to: &line)
            sink.write(line)
        }
        sink.close()
        return sink.bytesWritten
    }

    /// Writes every family pair; returns the number of pairs.
    static func writeTruth(_ corpus: NearDuplicateCorpus, to path: String) -> Int {
        let sink = FileSink(path)
        var pairs = 0
        corpus.forEachFamilyPair { pair in
            sink.write(Array((pair.jsonLine + "\n").utf8))
            pairs += 1
        }
        sink.close()
        return pairs
    }

    /// Writes the ids in input order.
    static func writeOrder(_ corpus: NearDuplicateCorpus, to path: String) {
        let sink = FileSink(path)
        for position in 0..<corpus.documentCount { sink.write(Array((corpus.id(at: position) + "\n").utf8)) }
        sink.close()
    }

    /// Writes the configuration and the counts, to reproduce or check the corpus.
    static func writeManifest(_ corpus: NearDuplicateCorpus, options: Options, pairs: Int, to directory: String) {
        let configuration = corpus.configuration
        let fields: [(String, String)] = [
            ("documents", String(configuration.documentCount)), ("seed", String(configuration.seed)),
            ("files", String(options.files)), ("family_share", String(configuration.familyShare)),
            ("family_size", "[\(configuration.familySize.lowerBound),\(configuration.familySize.upperBound)]"),
            ("chinese_share", String(configuration.chineseShare)),
            ("english_words", "[\(configuration.englishWords.lowerBound),\(configuration.englishWords.upperBound)]"),
            (
                "chinese_characters",
                "[\(configuration.chineseCharacters.lowerBound),\(configuration.chineseCharacters.upperBound)]"
            ),
            ("edit_rate", "[\(configuration.editRate.lowerBound),\(configuration.editRate.upperBound)]"),
            ("exact_copy_share", String(configuration.exactCopyShare)),
            ("families", String(corpus.familyCount)), ("pairs", String(pairs)),
        ]
        let body = fields.map { "  \"\($0.0)\": \($0.1)" }.joined(separator: ",\n")
        let sink = FileSink(directory + "/manifest.json")
        sink.write(Array(("{\n" + body + "\n}\n").utf8))
        sink.close()
    }

    static func makeDirectory(_ path: String) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            fail("cannot create \(path): \(error)")
        }
    }
}
