/// The FineWeb quality rules as datatrove 0.10's `FineWebQualityFilter` implements them.
///
/// Lines are `text.split("\n")` without the blank ones; a line "ends in punctuation" when its
/// last code point (not stripped) is in `TERMINAL_PUNCTUATION`.
public struct FineWebQualityRules: Sendable {
    /// The thresholds.
    public let config: FineWebQualityConfig

    /// Creates the rules.
    public init(config: FineWebQualityConfig = .init()) { self.config = config }

    /// Evaluates one document.
    ///
    /// Signals: `fineweb_line_punct_ratio`, `fineweb_short_line_ratio`,
    /// `fineweb_char_dup_ratio`, `fineweb_newline_word_ratio`. Rule names:
    /// `fineweb_line_punct_ratio`, `fineweb_short_line_ratio`, `fineweb_char_dup_ratio`,
    /// `fineweb_list_ratio`, `fineweb_empty`.
    /// - Complexity: O(n) in the text length.
    public func evaluate(_ text: QualityText, words: WordList) -> QualityResult {
        guard config.isEnabled else { return QualityResult() }
        let s = text.scalars
        var lines: [Range<Int>] = []
        var newlines = 0
        var start = 0
        for i in 0...s.count where i == s.count || s[i] == 0x0A {
            let r = start..<i
            if !PythonText.strip(s, r).isEmpty { lines.append(r) }
            if i < s.count { newlines += 1 }
            start = i + 1
        }
        guard !lines.isEmpty else { return QualityResult(failed: ["fineweb_empty"]) }
        let n = Double(lines.count)
        let punct =
            Double(lines.filter { DatatroveCharacters.terminalPunctuation.contains(s[$0.upperBound - 1]) }.count) / n
        let short = Double(lines.filter { $0.count <= config.shortLineLength }.count) / n
        var table = HashCounter()
        let dupChars = GopherRepetitionRules.duplicates(s, lines, &table).1
        let nonNewline = s.count - newlines
        let dup = nonNewline > 0 ? Double(dupChars) / Double(nonNewline) : 0
        let perWord = words.count > 0 ? Double(newlines) / Double(words.count) : 0
        var failed: [String] = []
        if let m = config.linePunctThreshold, punct < m, !(punct == 0 && config.linePunctExcludeZero) {
            failed.append("fineweb_line_punct_ratio")
        }
        if let m = config.shortLineThreshold, short > m { failed.append("fineweb_short_line_ratio") }
        if let m = config.charDuplicatesRatio, dup > m { failed.append("fineweb_char_dup_ratio") }
        if let m = config.newLineRatio, perWord > m { failed.append("fineweb_list_ratio") }
        return QualityResult(
            signals: [
                ("fineweb_line_punct_ratio", punct), ("fineweb_short_line_ratio", short),
                ("fineweb_char_dup_ratio", dup), ("fineweb_newline_word_ratio", perWord),
            ],
            failed: failed)
    }
}
