extension Scanner {
    /// Examines the `@` at `a` as the middle of an e-mail address; returns where scanning
    /// resumes.
    ///
    /// The local part is read backwards (at most 64 bytes, RFC 5321) over the characters
    /// datatrove's pattern allows; it starts at a word character (datatrove's `\b`), has no
    /// `..` and does not end with `.`. The domain is read forwards (`domainEnd`). Earlier
    /// non-e-mail matches inside the local part (`555-0100@example.com`) are withdrawn.
    mutating func email(at a: Int) -> Int {
        let lowest = max(emailFloor, a &- 64)
        var s = a
        while s > lowest, ASCII.isEmailLocal(base[s &- 1]) { s &-= 1 }  // s - 1 >= lowest >= 0
        if s == lowest, s > emailFloor, ASCII.isEmailLocal(base[s &- 1]) { return a &+ 1 }  // > 64 bytes
        // Start after the last "..", then at the first word character.
        var k = a &- 1
        while k > s {
            if base[k] == UInt8(ascii: "."), base[k &- 1] == UInt8(ascii: ".") {
                s = k &+ 1
                break
            }
            k &-= 1
        }
        while s < a, !ASCII.isWord(base[s]) { s &+= 1 }
        guard s < a, base[a &- 1] != UInt8(ascii: ".") else { return a &+ 1 }
        guard let end = domainEnd(from: a &+ 1) else { return a &+ 1 }
        while let last = matches.last, last.range.upperBound > s { matches.removeLast() }
        emit(.email, s..<end)
        emailFloor = end
        return end
    }

    /// The end of the domain that starts at `d`, or `nil` when there is none.
    ///
    /// A domain is an IPv4 literal in brackets (`[192.0.2.1]`) or two or more labels
    /// (letters, digits, inner hyphens, 1–63 bytes each, 253 in all) whose last label, the
    /// top-level domain, is 2–63 letters or an IDN `xn--` label. Trailing labels that are
    /// not a TLD are left out (`a@example.com.123` → `a@example.com`). Retina image names
    /// (`logo@2x.png`: first label digits + `x`) are not addresses.
    func domainEnd(from d: Int) -> Int? {
        if byte(d) == UInt8(ascii: "[") { return bracketLiteralEnd(from: d) }
        var p = d
        var labels = 0
        var good: Int?
        while true {
            var q = p
            while q &- p <= 63, ASCII.isAlnum(byte(q)) || byte(q) == UInt8(ascii: "-") { q &+= 1 }
            let length = q &- p
            guard length >= 1, length <= 63, base[p] != UInt8(ascii: "-"), base[q &- 1] != UInt8(ascii: "-"),
                q &- d <= 253
            else { break }
            if labels == 0, isRetinaLabel(p, q) { return nil }
            labels &+= 1
            if labels >= 2, isTopLevelDomain(p, q) { good = q }
            guard byte(q) == UInt8(ascii: "."), ASCII.isAlnum(byte(q &+ 1)) else { break }
            p = q &+ 1
        }
        return good
    }

    /// `[a.b.c.d]`: the end just past `]`, or `nil`.
    func bracketLiteralEnd(from d: Int) -> Int? {
        var close = d &+ 1
        while close &- d <= 16, byte(close) != UInt8(ascii: "]") { close &+= 1 }
        guard byte(close) == UInt8(ascii: "]"), ipv4Literal(d &+ 1, close) != nil else { return nil }
        return close &+ 1
    }

    /// A TLD: 2–63 letters, or `xn--` followed by letters and digits (an IDN).
    func isTopLevelDomain(_ p: Int, _ q: Int) -> Bool {
        if q &- p > 4, ASCII.lower(base[p]) == UInt8(ascii: "x"), ASCII.lower(base[p &+ 1]) == UInt8(ascii: "n"),
            base[p &+ 2] == UInt8(ascii: "-"), base[p &+ 3] == UInt8(ascii: "-")
        {
            return true
        }
        guard q &- p >= 2 else { return false }
        for i in p..<q where !ASCII.isLetter(base[i]) { return false }
        return true
    }

    /// `2x`, `3X`: the first label of `icon@2x.png`.
    func isRetinaLabel(_ p: Int, _ q: Int) -> Bool {
        guard q &- p >= 2, ASCII.lower(base[q &- 1]) == UInt8(ascii: "x") else { return false }
        for i in p..<(q &- 1) where !ASCII.isDigit(base[i]) { return false }
        return true
    }
}
