import CCLD2Shim
import PretextCore

/// Language identification with CLD2 (Debian `libcld2-dev`), plus the dominant Unicode
/// script from ICU.
///
/// Matches dolma's `cld2` tagger and pycld2's `detect`: the language with the largest share of
/// the text (CLD2's first detail) and that percent as the score (0…1); CLD2's summary language
/// is `summaryCode`. Text is passed as plain text (CLD2's
/// `is_plain_text`), not HTML. CLD2 reads valid UTF-8 only and stops at the first ill-formed
/// byte.
///
/// Thread-safe: CLD2 keeps no mutable global state, and a detector is a value; share one
/// across tasks.
public struct LanguageDetector: Sendable {
    /// Whether CLD2 should answer even for text too short to be sure (`kCLDFlagBestEffort`);
    /// the answer is then flagged unreliable. Default `false` (CLD2's and dolma's default).
    public var bestEffort: Bool

    /// Creates a detector.
    public init(bestEffort: Bool = false) { self.bestEffort = bestEffort }

    /// Detects the language and dominant script of the UTF-8 `text`.
    ///
    /// Text past 2 GiB is not looked at (CLD2 takes 32-bit lengths).
    /// - Complexity: O(n) in the length of `text`.
    public func detect(utf8 text: UnsafeRawBufferPointer) -> LanguageDetection {
        let length = Int32(clamping: text.count)
        var raw = pretext_cld2_result()
        _ = pretext_cld2_detect(
            text.baseAddress?.assumingMemoryBound(to: CChar.self), length, bestEffort ? 1 : 0, &raw)
        let code = Self.string(&raw.code)
        var candidates: [LanguageDetection.Candidate] = []
        withUnsafeMutableBytes(of: &raw.codes3) { codes in
            let percents = [raw.percents3.0, raw.percents3.1, raw.percents3.2]
            for k in 0..<3 {
                let bytes = UnsafeRawBufferPointer(rebasing: codes[(k * 16)..<(k * 16 + 16)])
                let candidate = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                if candidate == "un" && percents[k] == 0 { continue }
                candidates.append(.init(code: candidate, score: Double(percents[k]) / 100))
            }
        }
        let script = UnicodeScripts.dominant(in: UnsafeRawBufferPointer(rebasing: text[..<Int(length)]))
        return LanguageDetection(
            code: code, summaryCode: Self.string(&raw.summary_code), score: Double(raw.percent) / 100,
            isReliable: raw.reliable != 0,
            script: script?.name ?? "Unknown", candidates: candidates, textBytes: Int(raw.text_bytes))
    }

    /// Detects the language and dominant script of `text`.
    /// - Complexity: O(n) in the length of `text`.
    public func detect(_ text: String) -> LanguageDetection {
        var text = text
        return text.withUTF8 { detect(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// A NUL-terminated 16-byte C array as a String.
    private static func string<T>(_ tuple: inout T) -> String {
        withUnsafeBytes(of: &tuple) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
