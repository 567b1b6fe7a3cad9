import Foundation
import Pretext

/// Throughput figures for the text layer (normalize, clean, segment, detect), printed:
///   swift run --package-path Benchmarks -c release pretext-text-throughput
/// A measuring tool, not a test: timings never gate anything.
@main
struct TextThroughput {
    static func main() throws { try report() }

    /// About 8 MB of English-like text with a few non-ASCII characters per paragraph.
    static let ascii: [UInt8] = {
        let paragraph =
            "The committee met on Tuesday to discuss the budget for next year’s programme. "
            + "Members agreed that café owners and naïve investors alike deserve clear rules — "
            + "and that the report, due in March, should say so plainly.\n\n"
        return Array(String(repeating: paragraph, count: 8_000_000 / paragraph.utf8.count).utf8)
    }()

    /// About 8 MB of Chinese with a little Japanese.
    static let cjk: [UInt8] = {
        let paragraph =
            "我爱北京天安门。今天天气很好，我们一起去公园散步吧！研究人员表示，这项技术将在明年投入使用。"
            + "私は東京に住んでいます。毎朝コーヒーを飲みます。\n\n"
        return Array(String(repeating: paragraph, count: 8_000_000 / paragraph.utf8.count).utf8)
    }()

    static func measure(
        _ name: String, _ bytes: [UInt8], repeats: Int = 5, _ body: (UnsafeRawBufferPointer) throws -> Void
    )
        rethrows
    {
        var best = Double.infinity
        try bytes.withUnsafeBytes { buffer in
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                try body(buffer)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                best = min(best, seconds)
            }
        }
        let mbps = Double(bytes.count) / 1e6 / best
        print("throughput \(name): \(String(format: "%.0f", mbps)) MB/s (\(bytes.count) bytes, best of \(repeats))")
    }

    static func report() throws {
        var output: [UInt8] = []
        for (label, text) in [("ascii", Self.ascii), ("cjk", Self.cjk)] {
            for form in UnicodeNormalizer.Form.allCases {
                let normalizer = UnicodeNormalizer(form: form)
                try measure("normalize \(form) \(label)", text) {
                    try normalizer.normalize(utf8: $0, into: &output)
                }
            }
            let cleaner = TextCleaner()
            measure("clean \(label)", text) { cleaner.clean(utf8: $0, into: &output) }
            var mojibake = TextCleaner.Options()
            mojibake.repairMojibake = true
            let repairing = TextCleaner(options: mojibake)
            measure("clean+mojibake \(label)", text) { repairing.clean(utf8: $0, into: &output) }
            let segmenter = try Segmenter()
            try measure("sentences \(label)", text, repeats: 2) { _ = try segmenter.sentences(in: $0) }
            try measure("words \(label)", text, repeats: 2) { _ = try segmenter.words(in: $0) }
            try measure("counts \(label)", text, repeats: 2) { _ = try segmenter.counts(in: $0) }
            let detector = LanguageDetector()
            measure("detect \(label)", text, repeats: 2) { _ = detector.detect(utf8: $0) }
            measure("script \(label)", text, repeats: 2) { _ = UnicodeScripts.dominant(in: $0) }
        }
    }
}
