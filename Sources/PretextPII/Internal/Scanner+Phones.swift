extension Scanner {
    /// Whether the first `n` groups (after a `+` when `plus`) are a phone number.
    ///
    /// The accepted forms, each documented in docs/stages/pii.md:
    /// - international: `+CC …`, 8–15 digits (E.164), country code 1–3 digits when
    ///   separated, not starting with 0; `00CC …` likewise (8–15 digits after `00`);
    /// - North American: `(NPA) NXX-XXXX`, `NPA-NXX-XXXX`, `NPA.NXX.XXXX`, `NPA NXX XXXX`,
    ///   with an optional leading `1`; area code and exchange start with 2–9 (NANP);
    ///   Chinese `400`/`800` service numbers in the same 3-3-4 layout;
    /// - Chinese mobile: `1[3-9]X XXXX XXXX` in one piece or as 3-4-4;
    /// - national with trunk prefix `0` (Europe, Chinese landlines): 9–12 digits in at
    ///   least two groups of two or more digits, `020 7946 0958`, `010-12345678`,
    ///   `(010) 1234 5678`, `030/1234567`, `06 12 34 56 78`.
    /// Never: a date layout, a year range (`2019-2020`), a bare digit string (other than a
    /// Chinese mobile), anything with mixed `/` or `.` outside the forms above.
    func isPhone(groupCount n: Int, plus: Bool) -> Bool {
        if isDateOrYearRange(n) { return false }
        let digits = digitCount(n)
        if plus { return isInternational(n, digits: digits) }
        if isDoubleZeroInternational(n, digits: digits) { return true }
        if isNorthAmerican(n) || isChineseMobile(n, digits: digits) { return true }
        return isTrunkNational(n, digits: digits)
    }

    /// The digit `k` of group `g`, as a number.
    @inline(__always)
    func digit(group g: Int, _ k: Int) -> UInt8 { base[groups[g].start &+ k] &- 0x30 }

    /// Whether groups `1..<n` all use separators from `allowed` (adjacent always allowed).
    func separators(_ n: Int, in allowed: [UInt8]) -> Bool {
        for k in 1..<max(n, 1) {
            let separator = groups[k].separator
            if separator != NumberGroup.adjacent, !allowed.contains(separator) { return false }
        }
        return true
    }

    /// `+CC …`: E.164 allows at most 15 digits; 8 is the shortest we accept.
    func isInternational(_ n: Int, digits: Int) -> Bool {
        guard digits >= 8, digits <= 15, digit(group: 0, 0) != 0 else { return false }
        guard separators(n, in: [0x20, 0x2D, 0x2E]) else { return false }  // space - .
        return n == 1 || (groups[0].digits <= 3 && !groups[0].parenthesized)
    }

    /// `00CC …`, the international call prefix used in Europe and China.
    func isDoubleZeroInternational(_ n: Int, digits: Int) -> Bool {
        guard n >= 2, !groups[0].parenthesized, digit(group: 0, 0) == 0, groups[0].digits >= 2,
            digit(group: 0, 1) == 0
        else { return false }
        let countryFirst = groups[0].digits > 2 ? digit(group: 0, 2) : digit(group: 1, 0)
        guard countryFirst != 0, digits >= 10, digits <= 17, groups[0].digits <= 5 else { return false }
        return separators(n, in: [0x20, 0x2D])
    }

    /// NANP numbers, and Chinese 400/800 numbers that share their 3-3-4 layout.
    func isNorthAmerican(_ n: Int) -> Bool {
        var g = 0
        if n == 4 {
            guard groups[0].digits == 1, digit(group: 0, 0) == 1 else { return false }
            g = 1
        } else if n != 3 {
            return false
        }
        guard groups[g].digits == 3, groups[g + 1].digits == 3, groups[g + 2].digits == 4 else { return false }
        let second = groups[g + 1].separator
        let third = groups[g + 2].separator
        let thirdOK = third == 0x2D || third == 0x20 || third == 0x2E
        if groups[g].parenthesized {
            guard second == 0x20 || second == NumberGroup.adjacent || second == 0x2D, thirdOK else { return false }
        } else {
            guard second == third, thirdOK else { return false }
            if g == 1, groups[1].separator != second { return false }
        }
        let area = Int(digit(group: g, 0)) * 100 + Int(digit(group: g, 1)) * 10 + Int(digit(group: g, 2))
        if g == 0, area == 400 || area == 800, !groups[0].parenthesized { return true }
        return digit(group: g, 0) >= 2 && digit(group: g + 1, 0) >= 2
    }

    /// `13800138000`, `138 0013 8000`, `138-0013-8000`.
    func isChineseMobile(_ n: Int, digits: Int) -> Bool {
        guard digits == 11, digit(group: 0, 0) == 1, groups[0].digits >= 2, digit(group: 0, 1) >= 3,
            !groups[0].parenthesized
        else { return false }
        if n == 1 { return true }
        guard n == 3, groups[0].digits == 3, groups[1].digits == 4 else { return false }
        let separator = groups[1].separator
        return (separator == 0x20 || separator == 0x2D) && groups[2].separator == separator
    }

    /// National numbers with the trunk prefix 0: `020 7946 0958`, `(010) 1234 5678`.
    func isTrunkNational(_ n: Int, digits: Int) -> Bool {
        guard n >= 2, digits >= 9, digits <= 12, digit(group: 0, 0) == 0, groups[0].digits >= 2,
            groups[0].digits <= 5, digit(group: 0, 1) != 0
        else { return false }
        for k in 1..<n {
            let separator = groups[k].separator
            guard groups[k].digits >= 2, !groups[k].parenthesized else { return false }
            switch separator {
            case 0x20, 0x2D: continue
            case 0x2F where k == 1: continue  // 030/1234567
            case NumberGroup.adjacent where k == 1 && groups[0].parenthesized: continue
            default: return false
            }
        }
        return true
    }

    /// `2024-10-03`, `03/10/2024`, `3.10.24` layouts, and year ranges such as `2019-2020`.
    func isDateOrYearRange(_ n: Int) -> Bool {
        if n == 2, groups[0].digits == 4, groups[1].digits == 4 {
            let first = digit(group: 0, 0)
            return (first == 1 || first == 2) && (digit(group: 1, 0) == 1 || digit(group: 1, 0) == 2)
        }
        guard n == 3, groups[1].separator == groups[2].separator, groups[1].separator != 0x20 else { return false }
        let a = groups[0].digits
        let b = groups[1].digits
        let c = groups[2].digits
        return (a == 4 && b <= 2 && c <= 2) || (a <= 2 && b <= 2 && (c == 4 || c == 2))
    }
}
