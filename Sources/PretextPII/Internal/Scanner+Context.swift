extension Scanner {
    /// Context rules that stop a numeric candidate from being personal data; returns where
    /// scanning resumes when one applies.
    ///
    /// - Prices: a currency sign right before (`$`, `€`, `£`, `¥`, `￥`, `₹`, `₩`, `₽`,
    ///   one space allowed) or a currency code word (`USD`, `EUR`, `RMB`, …): skip the run.
    /// - DOIs: `10.NNNN/…` (4–9 digit registrant, then `/`), or the word `doi`, `arxiv` or
    ///   `pmid` before the number: skip to the next whitespace.
    /// - ISBN/ISSN: `ISBN`/`ISSN` in the 20 bytes before (so `ISBN-13: 978-…` is caught),
    ///   or 13 digits starting with 978/979: skip the run.
    /// - Versions and identifiers: the word `version`, `ver`, `v`, `rev`, `build`,
    ///   `release` or `oid` right before (`version 10.0.0.1`): skip the run. (`v1.2.3` needs
    ///   no rule: a digit glued to a letter never starts a number.)
    func contextSkip(at s: Int, runEnd: Int) -> Int? {
        if isCurrency(before: s) { return runEnd }
        if isDOIPrefix() { return skipToSpace(from: groups[1].close) }
        if mentionsISBN(before: s) || isISBN13Shaped() { return runEnd }
        switch keyword(before: s) {
        case "doi", "arxiv", "pmid": return skipToSpace(from: s)
        case "version", "ver", "v", "rev", "build", "release", "oid": return runEnd
        case "usd", "eur", "gbp", "rmb", "cny", "jpy", "inr", "chf", "aud", "cad": return runEnd
        default: return nil
        }
    }

    /// The offset of the first whitespace byte at or after `p` (or the end of the text).
    func skipToSpace(from p: Int) -> Int {
        var p = p
        while p < count, !ASCII.isSpace(base[p]) { p &+= 1 }
        return p
    }

    /// `10.1000/…`: a DOI's directory indicator `10.`, a 4–9 digit registrant and a `/`.
    func isDOIPrefix() -> Bool {
        guard groupCount >= 2, groups[0].digits == 2, groups[1].separator == UInt8(ascii: "."),
            base[groups[0].start] == UInt8(ascii: "1"), base[groups[0].start &+ 1] == UInt8(ascii: "0")
        else { return false }
        return groups[1].digits >= 4 && groups[1].digits <= 9 && byte(groups[1].close) == UInt8(ascii: "/")
    }

    /// 13 digits starting with the ISBN-13 prefixes 978 or 979.
    func isISBN13Shaped() -> Bool {
        guard digitCount(groupCount) == 13 else { return false }
        let p3 = prefix(3)
        return p3 == 978 || p3 == 979
    }

    /// Whether `ISBN` or `ISSN` (any case) ends in the 20 bytes before `s`.
    func mentionsISBN(before s: Int) -> Bool {
        var i = max(0, s &- 20)
        while i &+ 4 <= s {
            if ASCII.lower(base[i]) == UInt8(ascii: "i"), ASCII.lower(base[i &+ 2]) == UInt8(ascii: "s"),
                ASCII.lower(base[i &+ 3]) == UInt8(ascii: "n")
            {
                let second = ASCII.lower(base[i &+ 1])  // i + 4 <= s <= count
                if second == UInt8(ascii: "s") || second == UInt8(ascii: "b") { return true }
            }
            i &+= 1
        }
        return false
    }

    /// Whether a currency sign ends right before `s` (one space allowed between).
    func isCurrency(before s: Int) -> Bool {
        var e = s
        if byte(e &- 1) == UInt8(ascii: " ") { e &-= 1 }
        let last = byte(e &- 1)
        if last == UInt8(ascii: "$") { return true }
        if (last == 0xA3 || last == 0xA5), byte(e &- 2) == 0xC2 { return true }  // £ ¥
        if byte(e &- 3) == 0xE2, byte(e &- 2) == 0x82 {  // € ₹ ₩ ₽
            return last == 0xAC || last == 0xB9 || last == 0xA9 || last == 0xBD
        }
        return last == 0xA5 && byte(e &- 2) == 0xBF && byte(e &- 3) == 0xEF  // ￥
    }

    /// The ASCII word (lowercased, at most 8 letters) that ends right before `s`, skipping
    /// up to three bytes of ` `, `:`, `#`, `.`; empty when there is none.
    func keyword(before s: Int) -> String {
        var e = s
        var skipped = 0
        while skipped < 3, e > 0 {
            let b = base[e &- 1]  // e > 0
            guard b == 0x20 || b == UInt8(ascii: ":") || b == UInt8(ascii: "#") || b == UInt8(ascii: ".") else { break }
            e &-= 1
            skipped &+= 1
        }
        var b = e
        while b > 0, e &- b < 9, ASCII.isLetter(base[b &- 1]) { b &-= 1 }
        guard b < e, e &- b <= 8, !ASCII.isLetter(byte(b &- 1)) else { return "" }
        var word = ""
        for i in b..<e { word.unicodeScalars.append(Unicode.Scalar(ASCII.lower(base[i]))) }
        return word
    }
}
