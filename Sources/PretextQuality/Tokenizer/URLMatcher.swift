/// spaCy's `URL_MATCH` (the URL regex of `spacy/lang/tokenizer_exceptions.py`), hand-written.
///
/// A whitespace-free string matches when it is: an optional `scheme://` (two or more of
/// `[\w+.-]`), optional `userinfo@`, then either a public dotted IPv4 address (not 10/8,
/// 127/8, 169.254/16, 192.168/16, 172.16/12) or `label.…label.tld` (labels of
/// `[A-Za-z0-9\u00a1-\uffff]`, inner `_`/`-`, ≤ 64 long; the TLD 2–63 lower-case letters),
/// an optional `:port` (2–5 digits) and an optional path starting with `/`, `?` or `#`.
enum URLMatcher {
    @inline(__always) private static func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

    @inline(__always) private static func isLabelChar(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || (c >= 0xA1 && c <= 0xFFFF)
    }

    @inline(__always) private static func isWordChar(_ c: UInt32) -> Bool {
        if c == 0x5F || isDigit(c) || PythonText.isAlpha(c) { return true }
        guard c >= 0x80, let s = Unicode.Scalar(c) else { return false }
        return s.properties.numericType != nil
    }

    /// Whether `s[a..<b]` is a URL by spaCy's rule.
    static func matches(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        guard b - a >= 4 else { return false }
        // Candidate starts after an optional scheme.
        var starts = [Int]()
        var k = a
        while k < b && (isWordChar(s[k]) || s[k] == 0x2B || s[k] == 0x2D || s[k] == 0x2E) { k += 1 }
        // The scheme regex backtracks: any "://" whose prefix is all scheme chars works.
        var j = a + 2
        while j + 3 <= b && j <= k {
            if s[j] == 0x3A && s[j + 1] == 0x2F && s[j + 2] == 0x2F { starts.append(j + 3) }
            j += 1
        }
        starts.append(a)
        for p in starts {
            if hostAndRest(s, p, b) { return true }
            // Optional userinfo: any '@' with at least one character before it.
            var q = p + 1
            while q < b {
                if s[q] == 0x40 && hostAndRest(s, q + 1, b) { return true }
                q += 1
            }
        }
        return false
    }

    private static func rest(_ s: [UInt32], _ i: Int, _ b: Int) -> Bool {
        var i = i
        if i < b && s[i] == 0x3A {
            var d = i + 1
            while d < b && isDigit(s[d]) && d - i <= 5 { d += 1 }
            let n = d - i - 1
            if n >= 2 && n <= 5 && (d == b || !isDigit(s[d])) { i = d } else { return false }
        }
        if i == b { return true }
        let c = s[i]
        return c == 0x2F || c == 0x3F || c == 0x23
    }

    private static func hostAndRest(_ s: [UInt32], _ q: Int, _ b: Int) -> Bool {
        guard q < b else { return false }
        if isDigit(s[q]) && ipAndRest(s, q, b) { return true }
        var e = q
        while e < b
            && (isLabelChar(s[e]) || s[e] == 0x5F || s[e] == 0x2D || s[e] == 0x2E
                || SpacyCharacterClasses.isLower(s[e]))
        {
            e += 1
        }
        guard validDomain(s, q, e) else { return false }
        return rest(s, e, b)
    }

    private static func validDomain(_ s: [UInt32], _ q: Int, _ e: Int) -> Bool {
        var lastDot = -1
        var i = e - 1
        while i >= q {
            if s[i] == 0x2E { lastDot = i; break }
            i -= 1
        }
        guard lastDot > q else { return false }
        let tldLen = e - lastDot - 1
        guard tldLen >= 2 && tldLen <= 63 else { return false }
        for t in (lastDot + 1)..<e where !SpacyCharacterClasses.isLower(s[t]) { return false }
        var labelStart = q
        for t in q...lastDot where s[t] == 0x2E {
            let len = t - labelStart
            guard len >= 1 && len <= 64, isLabelChar(s[labelStart]), isLabelChar(s[t - 1]) else { return false }
            for m in labelStart..<t where !(isLabelChar(s[m]) || s[m] == 0x5F || s[m] == 0x2D) { return false }
            labelStart = t + 1
        }
        return true
    }

    private static func number(_ s: [UInt32], _ i: Int, _ len: Int) -> Int {
        var v = 0
        for k in i..<(i + len) { v = v * 10 + Int(s[k] - 0x30) }
        return v
    }

    /// Dotted quad with spaCy's octet patterns, followed by port/path/end.
    private static func ipAndRest(_ s: [UInt32], _ q: Int, _ b: Int) -> Bool {
        // Excluded private ranges (negative look-aheads; they only need a prefix to match).
        func octetsFollow(_ i: Int, _ n: Int) -> Bool {
            var i = i
            for g in 0..<n {
                guard i < b, s[i] == 0x2E else { return false }
                var d = i + 1
                while d < b && isDigit(s[d]) { d += 1 }
                let run = d - i - 1
                // Only the last group may be followed by more digits (it needs a prefix only).
                guard run >= 1, run <= 3 || g == n - 1 else { return false }
                i = d
            }
            return true
        }
        func startsWith(_ str: String) -> Int? {
            let u = str.unicodeScalars.map(\.value)
            guard q + u.count <= b else { return nil }
            for (k, c) in u.enumerated() where s[q + k] != c { return nil }
            return q + u.count
        }
        if let e = startsWith("10"), octetsFollow(e, 3) { return false }
        if let e = startsWith("127"), octetsFollow(e, 3) { return false }
        if let e = startsWith("169.254"), octetsFollow(e, 2) { return false }
        if let e = startsWith("192.168"), octetsFollow(e, 2) { return false }
        if let e = startsWith("172.") {
            var d = e
            while d < b && isDigit(s[d]) && d - e < 2 { d += 1 }
            if d - e == 2 {
                let v = number(s, e, 2)
                if v >= 16 && v <= 31 && octetsFollow(d, 2) { return false }
            }
        }
        // Octet patterns: first [1-9]\d?|1\d\d|2[01]\d|22[0-3]; middle 1?\d{1,2}|2[0-4]\d|25[0-5];
        // last [1-9]\d?|1\d\d|2[0-4]\d|25[0-4]. Try every length (the regex backtracks).
        func ok(_ kind: Int, _ i: Int, _ len: Int) -> Bool {
            guard i + len <= b else { return false }
            for k in i..<(i + len) where !isDigit(s[k]) { return false }
            let first = s[i] - 0x30
            let v = number(s, i, len)
            switch kind {
            case 0:
                if len <= 2 { return first != 0 }
                return v >= 100 && v <= 223
            case 1:
                if len <= 2 { return true }
                return (first == 1) || (v >= 200 && v <= 255)
            default:
                if len <= 2 { return first != 0 }
                return v >= 100 && v <= 254
            }
        }
        func go(_ part: Int, _ i: Int) -> Bool {
            if part == 4 { return rest(s, i, b) }
            var i = i
            if part > 0 {
                guard i < b, s[i] == 0x2E else { return false }
                i += 1
            }
            let kind = part == 0 ? 0 : (part == 3 ? 2 : 1)
            for len in 1...3 where ok(kind, i, len) && go(part + 1, i + len) { return true }
            return false
        }
        return go(0, q)
    }
}
