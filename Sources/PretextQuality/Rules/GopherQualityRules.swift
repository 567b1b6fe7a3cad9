/// The Gopher quality rules (Rae et al. 2021, table A1) as datatrove 0.10's
/// `GopherQualityFilter` implements them.
///
/// Words are the splitter's words; "non-symbol words" are those with a character outside
/// datatrove's `PUNCTUATION_SET`. Rule names are datatrove's drop reasons.
public struct GopherQualityRules: Sendable {
    /// The thresholds.
    public let config: GopherQualityConfig
    private let stopWordHashes: [UInt64: Int]
    private let maxStopWordLength: Int

    /// Creates the rules.
    public init(config: GopherQualityConfig = .init()) {
        self.config = config
        var h: [UInt64: Int] = [:]
        for (i, w) in config.stopWords.sorted().enumerated() {
            let u = w.unicodeScalars.map(\.value)
            h[ScalarHash.hash(u, 0..<u.count)] = i
        }
        stopWordHashes = h
        maxStopWordLength = config.stopWords.map(\.unicodeScalars.count).max() ?? 0
    }

    /// Evaluates one document.
    ///
    /// Signals: `gopher_word_count` (non-symbol words), `gopher_token_count` (all words),
    /// `gopher_mean_word_length`, `gopher_hash_ratio`, `gopher_ellipsis_ratio`,
    /// `gopher_bullet_line_frac`, `gopher_ellipsis_line_frac`, `gopher_alpha_word_frac`,
    /// `gopher_stop_word_count`.
    /// - Complexity: O(n) in the text length.
    public func evaluate(_ text: QualityText, words: WordList) -> QualityResult {
        guard config.isEnabled else { return QualityResult() }
        let s = text.scalars
        let n = words.count
        var nonSymbol = 0
        var nonSymbolChars = 0
        var alpha = 0
        var stopSeen = Set<Int>()
        for i in 0..<n {
            let r = words[i]
            var symbolOnly = true
            var hasAlpha = false
            for k in r {
                let c = s[k]
                if symbolOnly && !DatatroveCharacters.punctuation.contains(c) { symbolOnly = false }
                if !hasAlpha && PythonText.isAlpha(c) { hasAlpha = true }
                if !symbolOnly && hasAlpha { break }
            }
            if !symbolOnly {
                nonSymbol += 1
                nonSymbolChars += r.count
            }
            if hasAlpha { alpha += 1 }
            if r.count <= maxStopWordLength, let id = stopWordHashes[ScalarHash.hash(s, r)] { stopSeen.insert(id) }
        }
        let all = 0..<s.count
        let hashes = PythonText.count([0x23], in: s, all)
        let ellipses = PythonText.count([0x2E, 0x2E, 0x2E], in: s, all) + PythonText.count([0x2026], in: s, all)
        let lines = PythonText.splitLines(s, all)
        var bullets = 0
        var ellipsisLines = 0
        for line in lines {
            var lo = line.lowerBound
            while lo < line.upperBound && PythonText.isSpace(s[lo]) { lo += 1 }
            if lo < line.upperBound && (s[lo] == 0x2022 || s[lo] == 0x2D) { bullets += 1 }
            var hi = line.upperBound
            while hi > line.lowerBound && PythonText.isSpace(s[hi - 1]) { hi -= 1 }
            if hi > line.lowerBound && s[hi - 1] == 0x2026 {
                ellipsisLines += 1
            } else if hi - line.lowerBound >= 3 && s[hi - 1] == 0x2E && s[hi - 2] == 0x2E && s[hi - 3] == 0x2E {
                ellipsisLines += 1
            }
        }
        let meanLength = nonSymbol > 0 ? Double(nonSymbolChars) / Double(nonSymbol) : .nan
        let perWord = { (x: Int) -> Double in n > 0 ? Double(x) / Double(n) : 0 }
        let perLine = { (x: Int) -> Double in lines.isEmpty ? 0 : Double(x) / Double(lines.count) }
        let hashRatio = perWord(hashes)
        let ellipsisRatio = perWord(ellipses)
        let bulletFrac = perLine(bullets)
        let ellipsisLineFrac = perLine(ellipsisLines)
        let alphaFrac = n > 0 ? Double(alpha) / Double(n) : 1

        var failed: [String] = []
        let c = config
        if let m = c.minDocWords, nonSymbol < m { failed.append("gopher_short_doc") }
        if let m = c.maxDocWords, nonSymbol > m { failed.append("gopher_long_doc") }
        if let m = c.minAvgWordLength, meanLength < m { failed.append("gopher_below_avg_threshold") }
        if let m = c.maxAvgWordLength, meanLength > m { failed.append("gopher_above_avg_threshold") }
        if let m = c.maxSymbolWordRatio, hashRatio > m { failed.append("gopher_too_many_hashes") }
        if let m = c.maxSymbolWordRatio, ellipsisRatio > m { failed.append("gopher_too_many_ellipsis") }
        if let m = c.maxBulletLinesRatio, bulletFrac > m { failed.append("gopher_too_many_bullets") }
        if let m = c.maxEllipsisLinesRatio, ellipsisLineFrac > m { failed.append("gopher_too_many_end_ellipsis") }
        if let m = c.minAlphaWordsRatio, alphaFrac < m { failed.append("gopher_below_alpha_threshold") }
        if let m = c.minStopWords, stopSeen.count < m { failed.append("gopher_enough_stop_words") }
        return QualityResult(
            signals: [
                ("gopher_word_count", Double(nonSymbol)), ("gopher_token_count", Double(n)),
                ("gopher_mean_word_length", meanLength), ("gopher_hash_ratio", hashRatio),
                ("gopher_ellipsis_ratio", ellipsisRatio), ("gopher_bullet_line_frac", bulletFrac),
                ("gopher_ellipsis_line_frac", ellipsisLineFrac), ("gopher_alpha_word_frac", alphaFrac),
                ("gopher_stop_word_count", Double(stopSeen.count)),
            ],
            failed: failed)
    }
}
