/// The C4 rules (Raffel et al. 2020) as datatrove 0.10's `C4QualityFilter` implements them in
/// its default line mode.
///
/// Per line of `text.splitlines()` (stripped): drop it if a whitespace-separated word is too
/// long; remove citations; drop it if it does not end in terminal punctuation (or ends in
/// "..."), has too few words, mentions "javascript" or a policy phrase; fail the document if a
/// kept line contains "lorem ipsum" or "{". Then fail it if the kept lines hold fewer than five
/// sentences. The kept lines, joined with "\n", are the document's new text.
public struct C4QualityRules: Sendable {
    /// The thresholds.
    public let config: C4QualityConfig
    /// Counts sentences (and words per line when `countLineWordsWithSplitter`).
    public let splitter: any WordSplitter
    private let terminal: ScalarSet

    /// Creates the rules.
    public init(config: C4QualityConfig = .init(), splitter: any WordSplitter = EnglishWordSplitter()) {
        self.config = config
        self.splitter = splitter
        terminal = ScalarSet(string: ".?!\"'" + config.extraTerminalPunctuation)
    }

    private static let policy: [[UInt32]] = [
        "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies",
    ].map { $0.unicodeScalars.map(\.value) }
    private static let lorem = "lorem ipsum".unicodeScalars.map(\.value)
    private static let javascript = "javascript".unicodeScalars.map(\.value)

    /// Evaluates one document; `words` is unused (C4 works per line) and may be empty.
    ///
    /// Signals: `c4_line_count`, `c4_kept_line_count`, `c4_sentence_count`,
    /// `c4_no_terminal_punct_lines`, `c4_too_few_words_lines`, `c4_too_long_word_lines`,
    /// `c4_javascript_lines`, `c4_policy_lines`, `c4_lorem_ipsum`, `c4_curly_bracket`.
    /// Rule names: `c4_lorem_ipsum`, `c4_curly_bracket` (in line order), `c4_too_few_sentences`.
    /// `modifiedText` is the kept lines when the document passes.
    /// - Complexity: O(n) in the text length.
    public func evaluate(_ text: QualityText, words: WordList = WordList()) -> QualityResult {
        guard config.isEnabled else { return QualityResult() }
        let s = text.scalars
        let lines = PythonText.splitLines(s, 0..<s.count)
        var kept: [[UInt32]] = []
        var sentences = 0
        var counts = (noPunct: 0, fewWords: 0, longWord: 0, javascript: 0, policy: 0)
        var failed: [String] = []
        var line: [UInt32] = []
        var lower: [UInt32] = []
        var lineWords = WordList()
        for raw in lines {
            let r = PythonText.strip(s, raw)
            let (wordCount, longest) = Self.whitespaceWords(s, r)
            if let m = config.maxWordLength, longest > m {
                counts.longWord += 1
                continue
            }
            line.removeAll(keepingCapacity: true)
            if config.removeCitations { Self.removeCitations(s, r, into: &line) } else { line.append(contentsOf: s[r]) }
            if config.filterNoTerminalPunctuation && !endsWithTerminal(line) {
                counts.noPunct += 1
                continue
            }
            var n = wordCount
            if config.countLineWordsWithSplitter {
                lineWords.removeAll()
                splitter.split(line, range: 0..<line.count, into: &lineWords)
                n = lineWords.count
            }
            if let m = config.minWordsPerLine, n < m {
                counts.fewWords += 1
                continue
            }
            lower.removeAll(keepingCapacity: true)
            for c in line { lower.append(PythonText.lowerForKeyword(c)) }
            let all = 0..<lower.count
            if config.filterLoremIpsum && PythonText.count(Self.lorem, in: lower, all) > 0 {
                if !failed.contains("c4_lorem_ipsum") { failed.append("c4_lorem_ipsum") }
                continue
            }
            if config.filterJavascript && PythonText.count(Self.javascript, in: lower, all) > 0 {
                counts.javascript += 1
                continue
            }
            if config.filterCurlyBracket && line.contains(0x7B) {
                if !failed.contains("c4_curly_bracket") { failed.append("c4_curly_bracket") }
                continue
            }
            if config.filterPolicy && Self.policy.contains(where: { PythonText.count($0, in: lower, all) > 0 }) {
                counts.policy += 1
                continue
            }
            if config.minNumSentences != nil { sentences += splitter.sentenceCount(line, range: 0..<line.count) }
            kept.append(line)
        }
        if let m = config.minNumSentences, sentences < m { failed.append("c4_too_few_sentences") }
        var modified: String?
        if failed.isEmpty {
            var joined: [UInt32] = []
            for (i, l) in kept.enumerated() {
                if i > 0 { joined.append(0x0A) }
                joined.append(contentsOf: l)
            }
            let r = PythonText.strip(joined, 0..<joined.count)
            var view = String.UnicodeScalarView()
            for i in r { if let u = Unicode.Scalar(joined[i]) { view.append(u) } }
            modified = String(view)
        }
        return QualityResult(
            signals: [
                ("c4_line_count", Double(lines.count)), ("c4_kept_line_count", Double(kept.count)),
                ("c4_sentence_count", Double(sentences)), ("c4_no_terminal_punct_lines", Double(counts.noPunct)),
                ("c4_too_few_words_lines", Double(counts.fewWords)),
                ("c4_too_long_word_lines", Double(counts.longWord)),
                ("c4_javascript_lines", Double(counts.javascript)), ("c4_policy_lines", Double(counts.policy)),
                ("c4_lorem_ipsum", failed.contains("c4_lorem_ipsum") ? 1 : 0),
                ("c4_curly_bracket", failed.contains("c4_curly_bracket") ? 1 : 0),
            ],
            failed: failed, modifiedText: modified)
    }

    private func endsWithTerminal(_ line: [UInt32]) -> Bool {
        guard let last = line.last, terminal.contains(last) else { return false }
        let n = line.count
        return !(n >= 3 && line[n - 1] == 0x2E && line[n - 2] == 0x2E && line[n - 3] == 0x2E)
    }

    /// `len(line.split())` and the longest word's length.
    static func whitespaceWords(_ s: [UInt32], _ r: Range<Int>) -> (Int, Int) {
        var count = 0
        var longest = 0
        var current = 0
        for i in r {
            if PythonText.isSpace(s[i]) {
                if current > 0 { count += 1; longest = max(longest, current) }
                current = 0
            } else {
                current += 1
            }
        }
        if current > 0 { count += 1; longest = max(longest, current) }
        return (count, longest)
    }

    /// `re.sub(r"\[\d*]|\[edit]|\[citation needed]", "", line)` (`\d`: any decimal digit).
    static func removeCitations(_ s: [UInt32], _ r: Range<Int>, into out: inout [UInt32]) {
        var i = r.lowerBound
        while i < r.upperBound {
            if s[i] == 0x5B, let e = citationEnd(s, i, r.upperBound) {
                i = e
                continue
            }
            out.append(s[i])
            i += 1
        }
    }

    private static let edit = "[edit]".unicodeScalars.map(\.value)
    private static let citationNeeded = "[citation needed]".unicodeScalars.map(\.value)

    private static func citationEnd(_ s: [UInt32], _ i: Int, _ end: Int) -> Int? {
        var j = i + 1
        while j < end && isDecimal(s[j]) { j += 1 }
        if j < end && s[j] == 0x5D { return j + 1 }
        for lit in [edit, citationNeeded] where i + lit.count <= end {
            if (0..<lit.count).allSatisfy({ s[i + $0] == lit[$0] }) { return i + lit.count }
        }
        return nil
    }

    private static func isDecimal(_ c: UInt32) -> Bool {
        if c < 0x80 { return c >= 0x30 && c <= 0x39 }
        return Unicode.Scalar(c)?.properties.generalCategory == .decimalNumber
    }
}
