/// The Gopher repetition rules as datatrove 0.10's `GopherRepetitionFilter` implements them.
///
/// Paragraphs are `re.split(r"\n{2,}", text.strip())`, lines `re.split("\n+", text)`; the
/// top n-gram is the most frequent space-joined word n-gram (ties: first seen), the duplicated
/// n-gram scan is datatrove's `find_all_duplicate` (concatenated words, skipping n words after a
/// repeat). All fractions divide by the text length in code points. Strings are compared by
/// 64-bit hashes in open-addressing tables, so every rule is linear in the text length.
public struct GopherRepetitionRules: Sendable {
    /// The thresholds.
    public let config: GopherRepetitionConfig

    /// Creates the rules.
    public init(config: GopherRepetitionConfig = .init()) { self.config = config }

    /// Evaluates one document.
    ///
    /// Signals: `gopher_dup_para_frac`, `gopher_dup_para_char_frac`, `gopher_dup_line_frac`,
    /// `gopher_dup_line_char_frac`, `gopher_top_{n}_gram_char_frac`,
    /// `gopher_dup_{n}_gram_char_frac`. Rule names: `gopher_dup_para_frac`, …,
    /// `gopher_top_{n}_gram`, `gopher_duplicated_{n}_n_grams`, `gopher_repetition_empty`.
    /// - Complexity: O(n · k) for n code points and k ≤ 10 the largest n-gram size.
    public func evaluate(_ text: QualityText, words: WordList) -> QualityResult {
        guard config.isEnabled else { return QualityResult() }
        let s = text.scalars
        guard !s.isEmpty else { return QualityResult(failed: ["gopher_repetition_empty"]) }
        let length = Double(s.count)
        var table = HashCounter()
        var signals: [(name: String, value: Double)] = []
        var failed: [String] = []

        let stripped = PythonText.strip(s, 0..<s.count)
        let paragraphs = Self.segments(s, stripped, minBreaks: 2)
        let (paraDups, paraChars) = Self.duplicates(s, paragraphs, &table)
        let paraFrac = paragraphs.isEmpty ? 0 : Double(paraDups) / Double(paragraphs.count)
        let paraCharFrac = Double(paraChars) / length
        signals += [("gopher_dup_para_frac", paraFrac), ("gopher_dup_para_char_frac", paraCharFrac)]
        if let m = config.dupParaFrac, paraFrac > m { failed.append("gopher_dup_para_frac") }
        if let m = config.dupParaCharFrac, paraCharFrac > m { failed.append("gopher_dup_para_char_frac") }

        let lines = Self.segments(s, 0..<s.count, minBreaks: 1)
        let (lineDups, lineChars) = Self.duplicates(s, lines, &table)
        let lineFrac = lines.isEmpty ? 0 : Double(lineDups) / Double(lines.count)
        let lineCharFrac = Double(lineChars) / length
        signals += [("gopher_dup_line_frac", lineFrac), ("gopher_dup_line_char_frac", lineCharFrac)]
        if let m = config.dupLineFrac, lineFrac > m { failed.append("gopher_dup_line_frac") }
        if let m = config.dupLineCharFrac, lineCharFrac > m { failed.append("gopher_dup_line_char_frac") }

        // Per word: polynomial hash of its characters and base^length, so that the hash of
        // any concatenation of consecutive words is a fold over words (boundary-independent).
        var poly = [UInt64](repeating: 0, count: words.count)
        var pow = [UInt64](repeating: 1, count: words.count)
        var wordHashes = [UInt64](repeating: 0, count: words.count)
        for i in 0..<words.count {
            var h: UInt64 = 0
            var p: UInt64 = 1
            // Wrapping arithmetic is the hash's definition (polynomial mod 2^64).
            for k in words[i] {
                h = h &* ScalarHash.base &+ UInt64(s[k]) &+ 1
                p = p &* ScalarHash.base
            }
            poly[i] = h
            pow[i] = p
            wordHashes[i] = ScalarHash.mix(h ^ UInt64(words[i].count))
        }
        for t in config.topNGrams where t.n >= 1 {
            guard words.count >= t.n else { continue }
            let frac = Double(Self.topNGramChars(words, wordHashes, t.n, &table)) / length
            signals.append(("gopher_top_\(t.n)_gram_char_frac", frac))
            if frac > t.fraction { failed.append("gopher_top_\(t.n)_gram") }
        }
        for t in config.dupNGrams where t.n >= 1 {
            let frac = Double(Self.duplicatedNGramChars(words, poly, pow, t.n, &table)) / length
            signals.append(("gopher_dup_\(t.n)_gram_char_frac", frac))
            if frac > t.fraction { failed.append("gopher_duplicated_\(t.n)_n_grams") }
        }
        return QualityResult(signals: signals, failed: failed)
    }

    /// The pieces of `s[range]` between runs of at least `minBreaks` "\n" (`re.split`).
    static func segments(_ s: [UInt32], _ range: Range<Int>, minBreaks: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            if s[i] == 0x0A {
                var e = i + 1
                while e < range.upperBound && s[e] == 0x0A { e += 1 }
                if e - i >= minBreaks {
                    out.append(start..<i)
                    start = e
                }
                i = e
            } else {
                i += 1
            }
        }
        out.append(start..<range.upperBound)
        return out
    }

    /// datatrove's `find_duplicates`: (repeated elements, their total length).
    static func duplicates(_ s: [UInt32], _ parts: [Range<Int>], _ table: inout HashCounter) -> (Int, Int) {
        table.reset(expected: parts.count)
        var dups = 0
        var chars = 0
        for p in parts where table.insertReportingPresence(ScalarHash.hash(s, p)) {
            dups += 1
            chars += p.count
        }
        return (dups, chars)
    }

    /// Characters of the most frequent space-joined n-gram times its count.
    static func topNGramChars(_ words: WordList, _ h: [UInt64], _ n: Int, _ table: inout HashCounter) -> Int {
        let count = words.count - n + 1
        table.reset(expected: count)
        // Polynomial rolling hash over word hashes; wrapping arithmetic is the hash definition.
        var power: UInt64 = 1
        for _ in 0..<(n - 1) { power = power &* ScalarHash.base }
        var rolling: UInt64 = 0
        for i in 0..<n { rolling = rolling &* ScalarHash.base &+ h[i] }
        for i in 0..<count {
            if i > 0 { rolling = (rolling &- h[i - 1] &* power) &* ScalarHash.base &+ h[i + n - 1] }
            table.add(ScalarHash.mix(rolling ^ UInt64(n)), position: i)
        }
        guard let top = table.mostCommon() else { return 0 }
        var chars = n - 1
        for k in top.first..<(top.first + n) { chars += words[k].count }
        return chars * top.count
    }

    /// datatrove's `find_all_duplicate`: characters of repeated concatenated n-grams.
    static func duplicatedNGramChars(
        _ words: WordList, _ poly: [UInt64], _ pow: [UInt64], _ n: Int, _ table: inout HashCounter
    ) -> Int {
        let last = words.count - n + 1
        guard last > 0 else { return 0 }
        table.reset(expected: last)
        var repeated = 0
        var i = 0
        while i < last {
            // Hash of "".join(words[i..<i+n]) and its length.
            var h: UInt64 = 0
            var len = 0
            for w in i..<(i + n) {
                len += words[w].count
                h = h &* pow[w] &+ poly[w]
            }
            if table.insertReportingPresence(ScalarHash.mix(h ^ UInt64(len))) {
                repeated += len
                i += n
            } else {
                i += 1
            }
        }
        return repeated
    }
}
