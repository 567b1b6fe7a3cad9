/// A re-implementation of spaCy 3.8's rule-based tokenizer with the English rules
/// (`spacy.blank("en")`), which datatrove 0.10 uses as its English word tokenizer.
///
/// Algorithm (spaCy `Tokenizer._tokenize_affixes`): split on Python whitespace; a whitespace
/// run other than a single space after a token is a token of its own. Each other chunk is looked
/// up in the special cases; otherwise prefixes and suffixes are peeled off in a loop
/// (`_split_affixes`, stopping as soon as the remainder is a special case), and the remainder is
/// a special case, a URL, or split at infixes. Finally spaCy's second pass
/// (`_apply_special_cases`) merges runs of adjacent tokens that spell a special case containing
/// affixes (such as "b" "." → "b."); here that pass runs per whitespace-free chunk.
struct SpacyEnglishTokenizer: Sendable {
    /// Special cases keyed by content hash: an index into `specialKeys`/`specialLengths`
    /// (a flat value keeps the hot lookup free of reference counting).
    private let specials: [UInt64: Int32]
    private let specialKeys: [[UInt32]]
    private let specialLengths: [[Int]]
    /// Hashes of the first token of every merge pattern (a cheap pre-check).
    private var affixFirstTokens: Set<UInt64> = []
    /// Longest special-case key, in code points (longer chunks skip the lookup).
    private let maxSpecialLength: Int
    /// Longest suffix alternative with a bounded length.
    private let maxSuffixLength: Int
    /// Unit and currency suffixes (after a digit), as a set of hashes with lengths.
    private let digitSuffixes: Set<UInt64>
    /// Special cases that the affix rules would split, keyed by hash: the token lengths the
    /// rules produce for them (spaCy's `_special_matcher` patterns).
    private var affixSpecials: [UInt64: [Int]] = [:]

    /// The shared instance (the tables are immutable).
    static let shared = SpacyEnglishTokenizer()

    private init() {
        var table: [UInt64: Int32] = [:]
        var keys: [[UInt32]] = []
        var lengths: [[Int]] = []
        var maxLen = 0
        for (key, pieces) in EnglishTokenizerExceptions.all {
            let k = key.unicodeScalars.map(\.value)
            table[ScalarHash.hash(k, 0..<k.count)] = Int32(keys.count)
            keys.append(k)
            lengths.append(pieces.map { $0.unicodeScalars.count })
            maxLen = max(maxLen, k.count)
        }
        specials = table
        specialKeys = keys
        specialLengths = lengths
        maxSpecialLength = maxLen
        var suffixes = Set<UInt64>()
        var maxSuffix = 3
        let currencies = ["US$", "C$", "A$"].map { $0.unicodeScalars.map(\.value) }
        for u in SpacyCharacterClasses.units + currencies {
            suffixes.insert(ScalarHash.hash(u, 0..<u.count))
            maxSuffix = max(maxSuffix, u.count)
        }
        digitSuffixes = suffixes
        maxSuffixLength = maxSuffix
        var patterns: [UInt64: [Int]] = [:]
        for (key, _) in EnglishTokenizerExceptions.all {
            let k = key.unicodeScalars.map(\.value)
            let n = k.count
            let hasAffix =
                prefixLength(k, 0, n) != 0 || suffixLength(k, 0, n) != 0
                || (0..<n).contains { infixEnd(k, 0, n, $0) != nil } || k.contains(0x20)
            guard hasAffix else { continue }
            var toks = WordList()
            var scratch = Scratch()
            chunk(k, 0, n, &toks, &scratch, useSpecials: false)
            patterns[ScalarHash.hash(k, 0..<n)] = (0..<toks.count).map { toks[$0].count }
            if toks.count > 0 { affixFirstTokens.insert(ScalarHash.hash(k, toks[0])) }
        }
        affixSpecials = patterns
    }

    // MARK: whitespace split

    /// Appends the tokens of `s[range]` to `out`; whitespace tokens only if `includeSpace`.
    func tokenize(_ s: [UInt32], _ range: Range<Int>, into out: inout WordList, includeSpace: Bool) {
        guard !range.isEmpty else { return }
        var scratch = Scratch()
        var inSpace = PythonText.isSpace(s[range.lowerBound])
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let c = s[i]
            if PythonText.isSpace(c) != inSpace {
                if start < i {
                    if inSpace {
                        if includeSpace { out.append(start..<i) }
                    } else {
                        chunk(s, start, i, &out, &scratch)
                    }
                }
                start = c == 0x20 ? i + 1 : i
                inSpace.toggle()
            }
            i += 1
        }
        if start < range.upperBound {
            if inSpace {
                if includeSpace { out.append(start..<range.upperBound) }
            } else {
                chunk(s, start, range.upperBound, &out, &scratch)
            }
        }
    }

    /// Reused per-call buffers for the affixes peeled off one chunk.
    private struct Scratch {
        var prefixes: [Range<Int>] = []
        var suffixes: [Range<Int>] = []
        var tokens = WordList()
        var merged = WordList()
    }

    // MARK: special cases

    @inline(__always)
    private func special(_ s: [UInt32], _ a: Int, _ b: Int) -> [Int]? {
        guard b - a <= maxSpecialLength, b > a else { return nil }
        guard let index = specials[ScalarHash.hash(s, a..<b)] else { return nil }
        let key = specialKeys[Int(index)]
        guard key.count == b - a else { return nil }
        for k in 0..<key.count where key[k] != s[a + k] { return nil }
        return specialLengths[Int(index)]
    }

    @inline(__always)
    private func emit(_ lengths: [Int], _ a: Int, _ out: inout WordList) {
        var p = a
        for l in lengths {
            out.append(p..<(p + l))
            p += l
        }
    }

    // MARK: one chunk

    private func chunk(_ s: [UInt32], _ a: Int, _ b: Int, _ out: inout WordList, _ scratch: inout Scratch) {
        // Move the buffer out so that appending does not copy it (it is unique again).
        var tokens = scratch.tokens
        scratch.tokens = WordList()
        tokens.removeAll()
        chunk(s, a, b, &tokens, &scratch, useSpecials: true)
        if tokens.count > 1 {
            mergeSpecialRuns(s, tokens, into: &out, &scratch)
        } else if tokens.count == 1 {
            out.append(tokens[0])
        }
        scratch.tokens = tokens
    }

    /// spaCy's `_apply_special_cases` within one chunk: runs of tokens that spell a special
    /// case exactly as the affix rules split it are replaced by the special case's pieces
    /// (longest runs first, then leftmost; runs never overlap).
    private func mergeSpecialRuns(_ s: [UInt32], _ tokens: WordList, into out: inout WordList, _ scratch: inout Scratch)
    {
        let n = tokens.count
        var matches: [(start: Int, length: Int, pieces: [Int])] = []
        for t in 0..<(n - 1) where tokens[t].count <= maxSpecialLength {
            guard affixFirstTokens.contains(ScalarHash.hash(s, tokens[t])) else { continue }
            var e = t + 1
            while e <= n && tokens[e - 1].upperBound - tokens[t].lowerBound <= maxSpecialLength {
                if e - t >= 2,
                    let pattern = affixSpecials[ScalarHash.hash(s, tokens[t].lowerBound..<tokens[e - 1].upperBound)],
                    pattern.count == e - t, (t..<e).allSatisfy({ tokens[$0].count == pattern[$0 - t] }),
                    let pieces = special(s, tokens[t].lowerBound, tokens[e - 1].upperBound)
                {
                    matches.append((t, e - t, pieces))
                }
                e += 1
            }
        }
        if matches.isEmpty {
            for t in 0..<n { out.append(tokens[t]) }
            return
        }
        matches.sort { $0.length != $1.length ? $0.length > $1.length : $0.start < $1.start }
        var taken = [Bool](repeating: false, count: n)
        var chosen: [(start: Int, length: Int, pieces: [Int])] = []
        for m in matches where !taken[m.start] && !taken[m.start + m.length - 1] {
            chosen.append(m)
            for k in m.start..<(m.start + m.length) { taken[k] = true }
        }
        chosen.sort { $0.start < $1.start }
        var t = 0
        var c = 0
        while t < n {
            if c < chosen.count && chosen[c].start == t {
                emit(chosen[c].pieces, tokens[t].lowerBound, &out)
                t += chosen[c].length
                c += 1
            } else {
                out.append(tokens[t])
                t += 1
            }
        }
    }

    /// One chunk through the affix rules (`useSpecials: false` is spaCy's
    /// `_tokenize_affixes(string, False)`, used to build the merge patterns).
    private func chunk(
        _ s: [UInt32], _ a: Int, _ b: Int, _ out: inout WordList, _ scratch: inout Scratch, useSpecials: Bool
    ) {
        if useSpecials, let sp = special(s, a, b) {
            emit(sp, a, &out)
            return
        }
        scratch.prefixes.removeAll(keepingCapacity: true)
        scratch.suffixes.removeAll(keepingCapacity: true)
        var lo = a
        var hi = b
        var lastSize = 0
        while lo < hi && hi - lo != lastSize {
            if useSpecials && special(s, lo, hi) != nil { break }
            lastSize = hi - lo
            let pre = prefixLength(s, lo, hi)
            if useSpecials && pre != 0 && lo + pre < hi && special(s, lo + pre, hi) != nil {
                scratch.prefixes.append(lo..<(lo + pre))
                lo += pre
                break
            }
            let suf = lo + pre < hi ? suffixLength(s, lo + pre, hi) : 0
            if useSpecials && suf != 0 && hi - suf > lo && special(s, lo, hi - suf) != nil {
                scratch.suffixes.append((hi - suf)..<hi)
                hi -= suf
                break
            }
            if pre != 0 && suf != 0 && pre + suf <= hi - lo {
                scratch.prefixes.append(lo..<(lo + pre))
                scratch.suffixes.append((hi - suf)..<hi)
                lo += pre
                hi -= suf
            } else if pre != 0 {
                scratch.prefixes.append(lo..<(lo + pre))
                lo += pre
            } else if suf != 0 {
                scratch.suffixes.append((hi - suf)..<hi)
                hi -= suf
            }
        }
        for p in scratch.prefixes { out.append(p) }
        if lo < hi {
            if useSpecials, let sp = special(s, lo, hi) {
                emit(sp, lo, &out)
            } else if URLMatcher.matches(s, lo, hi) {
                out.append(lo..<hi)
            } else {
                splitInfixes(s, lo, hi, &out)
            }
        }
        for r in scratch.suffixes.reversed() { out.append(r) }
    }

    // MARK: prefix, suffix, infix rules

    @inline(__always) private static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Length of the prefix spaCy's prefix regex finds at `a` (0 if none).
    private func prefixLength(_ s: [UInt32], _ a: Int, _ b: Int) -> Int {
        let c = s[a]
        if c == 0x2E {  // \.\.+
            var e = a + 1
            while e < b && s[e] == 0x2E { e += 1 }
            return e - a >= 2 ? e - a : 0
        }
        if c == 0x2B { return a + 1 < b && Self.isDigit(s[a + 1]) ? 0 : 1 }  // \+(?![0-9])
        if SpacyCharacterClasses.prefixSingles.contains(c) { return 1 }
        if c == 0x55 && a + 2 < b && s[a + 1] == 0x53 && s[a + 2] == 0x24 { return 3 }  // US$
        if (c == 0x43 || c == 0x41) && a + 1 < b && s[a + 1] == 0x24 { return 2 }  // C$ A$
        return 0
    }

    /// Length of the suffix spaCy's suffix regex finds in `s[lo..<b]`: the earliest start from
    /// which some alternative matches to the end (look-behinds cannot see before `lo`).
    private func suffixLength(_ s: [UInt32], _ lo: Int, _ b: Int) -> Int {
        var best = 0
        if s[b - 1] == 0x2E {
            var j = b - 1
            while j > lo && s[j - 1] == 0x2E { j -= 1 }
            if b - j >= 2 { best = b - j }
        }
        var i = max(lo, b - maxSuffixLength)
        while i < b {
            let len = b - i
            if len <= best { break }
            if suffixMatches(s, lo, i, b) { return len }
            i += 1
        }
        return best
    }

    private func suffixMatches(_ s: [UInt32], _ lo: Int, _ i: Int, _ b: Int) -> Bool {
        let len = b - i
        let c = s[i]
        let digitBefore = i > lo && Self.isDigit(s[i - 1])
        if len == 1 {
            if SpacyCharacterClasses.suffixSingles.contains(c) { return true }
            if c == 0x2B && digitBefore { return true }
            if c == 0x2E {
                if i - 2 >= lo && s[i - 2] == 0xB0 {
                    switch s[i - 1] {
                    case 0x46, 0x66, 0x43, 0x63, 0x4B, 0x6B: return true
                    default: break
                    }
                }
                if i > lo {
                    let p = s[i - 1]
                    if SpacyCharacterClasses.isLower(p)
                        || SpacyCharacterClasses.periodSuffixLookbehindExtras.contains(p)
                    {
                        return true
                    }
                }
                if i - 2 >= lo && SpacyCharacterClasses.isUpper(s[i - 1]) && SpacyCharacterClasses.isUpper(s[i - 2]) {
                    return true
                }
            }
            if digitBefore && SpacyCharacterClasses.currency.contains(c) { return true }
        }
        if len == 2 {
            if c == 0x2026 && s[i + 1] == 0x2026 { return true }
            if (c == 0x27 || c == 0x2019) && (s[i + 1] == 0x73 || s[i + 1] == 0x53) { return true }
        }
        if digitBefore && digitSuffixes.contains(ScalarHash.hash(s, i..<b)) { return true }
        return false
    }

    /// Splits `s[a..<b]` at spaCy's English infixes and appends the pieces.
    private func splitInfixes(_ s: [UInt32], _ a: Int, _ b: Int, _ out: inout WordList) {
        var start = a
        var i = a
        while i < b {
            guard let e = infixEnd(s, a, b, i) else {
                i += 1
                continue
            }
            // spaCy skips a match at the very start of the string.
            if i != a {
                if i != start { out.append(start..<i) }
                out.append(i..<e)
                start = e
            }
            i = e
        }
        if start < b { out.append(start..<b) }
    }

    /// End of the infix match starting at `i`, if any (alternatives in spaCy's order).
    private func infixEnd(_ s: [UInt32], _ a: Int, _ b: Int, _ i: Int) -> Int? {
        let c = s[i]
        if c == 0x2E && i + 1 < b && s[i + 1] == 0x2E {
            var e = i + 2
            while e < b && s[e] == 0x2E { e += 1 }
            return e
        }
        if c == 0x2026 || SpacyCharacterClasses.icons.contains(c) { return i + 1 }
        guard i > a else { return nil }
        let p = s[i - 1]
        let n: UInt32? = i + 1 < b ? s[i + 1] : nil
        if (c == 0x2B || c == 0x2D || c == 0x2A || c == 0x5E) && Self.isDigit(p), let n, Self.isDigit(n) || n == 0x2D {
            return i + 1
        }
        if c == 0x2E, let n, SpacyCharacterClasses.isLower(p) || SpacyCharacterClasses.quotes.contains(p),
            SpacyCharacterClasses.isUpper(n) || SpacyCharacterClasses.quotes.contains(n)
        {
            return i + 1
        }
        let alphaBefore = SpacyCharacterClasses.isAlpha(p)
        if c == 0x2C && alphaBefore, let n, SpacyCharacterClasses.isAlpha(n) { return i + 1 }
        guard alphaBefore || Self.isDigit(p) else { return nil }
        for h in SpacyCharacterClasses.hyphens {
            let e = i + h.count
            guard e < b else { continue }
            var same = true
            for k in 0..<h.count where s[i + k] != h[k] {
                same = false
                break
            }
            if same && SpacyCharacterClasses.isAlpha(s[e]) { return e }
        }
        switch c {
        case 0x3A, 0x3C, 0x3E, 0x3D, 0x2F:
            if let n, SpacyCharacterClasses.isAlpha(n) { return i + 1 }
        default: break
        }
        return nil
    }
}
