// pretext-tokenizer-throughput --tokenizer PATH/tokenizer.json --threads N [--repeat K]
//                              [--ids-out FILE [--ids-count N]] FILES.jsonl...
// pretext-tokenizer-throughput --tokenizer PATH/tokenizer.json --fertility [--lang-from-script]
//                              [--threads N] FILES.jsonl...
//
// Encoding throughput of Pretext's tokenizers on the "text" fields of JSONL files, for
// scripts/bench/tokenizer.sh, which runs HF tokenizers and tiktoken on the same texts
// (scripts/bench/tokenizer_peers.py prints the same JSON shape).
//
// The files are read and decoded first (not timed); then every text is encoded with
// `Tokenizer.encodeBatch(_:threads:)` — the ids-only path: one `TokenEncoder` with its piece
// cache per thread — and the fastest of K runs is printed as one JSON line:
//   {"tool":"pretext","threads":N,"bytes":…,"texts":…,"tokens":…,"seconds":…,"mb_per_s":…}
// bytes are the UTF-8 bytes of the texts (not of the JSONL lines); MB = 10^6 bytes.
//
// --fertility prints tokens per character (Unicode scalars) for the texts whose "lang" is en,
// those whose "lang" is zh, and all texts:
//   {"tool":"pretext","mode":"fertility","groups":{"en":{"texts":…,"chars":…,"tokens":…,
//    "tokens_per_char":…},"zh":{…},"all":{…}}}
// Texts without a "lang" field count only in "all" unless --lang-from-script classifies them by
// their letters (zh: most are Han; en: most are Latin).
import Foundation
import Pretext

@main
enum TokenizerThroughput {
    static func main() {
        let options = Options.parse(Array(CommandLine.arguments.dropFirst()))
        let tokenizer: Tokenizer
        do {
            tokenizer = try TokenizerFile.read(options.tokenizer)
        } catch {
            fail("error: \(error)")
        }
        let corpus = Corpus.read(options.files, langFromScript: options.langFromScript)
        if options.fertility {
            fertility(tokenizer, corpus, threads: options.threads)
        } else {
            throughput(tokenizer, corpus, options)
        }
    }

    /// Times `encodeBatch` over all texts (best of `options.repeats`) and prints the JSON line.
    static func throughput(_ tokenizer: Tokenizer, _ corpus: Corpus, _ options: Options) {
        var best = Double.infinity
        var ids: [[UInt32]] = []
        let clock = ContinuousClock()
        for _ in 0..<options.repeats {
            ids = []  // the previous run's arrays are freed outside the timed part
            let start = clock.now
            ids = tokenizer.encodeBatch(corpus.texts, threads: options.threads)
            best = min(best, seconds(clock.now - start))
        }
        let tokens = ids.reduce(0) { $0 + $1.count }
        let bytes = corpus.bytes
        let megabytesPerSecond = Double(bytes) / 1e6 / best
        print(
            #"{"tool":"pretext","threads":\#(options.threads),"bytes":\#(bytes),"texts":\#(corpus.texts.count),"#
                + #""tokens":\#(tokens),"seconds":\#(rounded(best, 4)),"mb_per_s":\#(rounded(megabytesPerSecond, 2)),"#
                + #""repeat":\#(options.repeats)}"#)
        if let path = options.idsOut {
            let lines = ids.prefix(options.idsCount).map { "[" + $0.map(String.init).joined(separator: ",") + "]\n" }
            guard FileManager.default.createFile(atPath: path, contents: Data(lines.joined().utf8)) else {
                fail("cannot write \(path)")
            }
        }
    }

    /// Prints tokens per Unicode scalar for the en texts, the zh texts and all texts.
    static func fertility(_ tokenizer: Tokenizer, _ corpus: Corpus, threads: Int) {
        let ids = tokenizer.encodeBatch(corpus.texts, threads: threads)
        var groups: [String: (texts: Int, chars: Int, tokens: Int)] = [:]
        for (index, text) in corpus.texts.enumerated() {
            let chars = text.unicodeScalars.count
            for group in ["all", corpus.languages[index]] {
                guard let group, group == "all" || group == "en" || group == "zh" else { continue }
                let sum = groups[group, default: (0, 0, 0)]
                groups[group] = (sum.texts + 1, sum.chars + chars, sum.tokens + ids[index].count)
            }
        }
        let fields = ["en", "zh", "all"].map { name in
            let sum = groups[name, default: (0, 0, 0)]
            let perChar = sum.chars > 0 ? rounded(Double(sum.tokens) / Double(sum.chars), 4) : "null"
            return #""\#(name)":{"texts":\#(sum.texts),"chars":\#(sum.chars),"tokens":\#(sum.tokens),"#
                + #""tokens_per_char":\#(perChar)}"#
        }
        print(#"{"tool":"pretext","mode":"fertility","groups":{"# + fields.joined(separator: ",") + "}}")
    }

    /// `duration` in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `value` with `digits` decimals, as a JSON number.
    static func rounded(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
