extension Scanner {
    /// Whether the first `n` groups are a payment card number.
    ///
    /// Rules: 13–19 digits; written in one piece, or in groups of four (the last one 1–4
    /// digits) or the 4-6-5 / 4-6-4 layout of Amex and Diners, with one separator (space or
    /// hyphen) throughout, and not followed by another group with the same separator;
    /// a known issuer prefix (`isPlausibleIssuer`); a valid Luhn checksum.
    func isCard(groupCount n: Int) -> Bool {
        let digits = digitCount(n)
        guard digits >= 13, digits <= 19 else { return false }
        if n > 1 {
            let separator = groups[1].separator
            guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { return false }
            for k in 0..<n where groups[k].parenthesized || (k > 0 && groups[k].separator != separator) {
                return false
            }
            if n < groupCount, groups[n].separator == separator { return false }
            guard hasCardLayout(n) else { return false }
        }
        return isPlausibleIssuer(digits: digits) && luhnValid(n)
    }

    /// 4-4-…-(1…4) with at least four groups, or 4-6-5, or 4-6-4.
    func hasCardLayout(_ n: Int) -> Bool {
        if n == 3, groups[0].digits == 4, groups[1].digits == 6 {
            return groups[2].digits == 5 || groups[2].digits == 4
        }
        guard n >= 4 else { return false }
        for k in 0..<(n &- 1) where groups[k].digits != 4 { return false }
        return groups[n &- 1].digits <= 4
    }

    /// The first `length` digits (at most 6) of the groups as a number.
    func prefix(_ length: Int) -> Int {
        var value = 0
        var taken = 0
        var g = 0
        while taken < length, g < groupCount {
            var i = groups[g].start
            while taken < length, i < groups[g].end {
                value = value &* 10 &+ Int(base[i] &- 0x30)  // i < end <= count; ≤ 6 digits
                taken &+= 1
                i &+= 1
            }
            g &+= 1
        }
        return value
    }

    /// Whether the number starts with the issuer prefix (IIN) of a major card network and
    /// has a length that network issues: Visa 4 (13, 16, 19); Mastercard 51–55, 2221–2720
    /// (16); Amex 34, 37 (15); Discover 6011, 644–649, 65; JCB 3528–3589; UnionPay 62;
    /// Diners 300–305, 36, 38, 39; Maestro 50, 56–58, 6304, 6759, 6761–6763; Mir 2200–2204.
    func isPlausibleIssuer(digits: Int) -> Bool {
        let p2 = prefix(2)
        let p3 = prefix(3)
        let p4 = prefix(4)
        if p2 / 10 == 4 { return digits == 13 || digits == 16 || digits == 19 }
        if (51...55).contains(p2) || (2221...2720).contains(p4) { return digits == 16 }
        if p2 == 34 || p2 == 37 { return digits == 15 }
        if p4 == 6011 || (644...649).contains(p3) || p2 == 65 || (3528...3589).contains(p4) || p2 == 62
            || (2200...2204).contains(p4)
        {
            return digits >= 16
        }
        if (300...305).contains(p3) || p2 == 36 || p2 == 38 || p2 == 39 { return digits >= 14 }
        if p2 == 50 || (56...58).contains(p2) || [6304, 6759, 6761, 6762, 6763].contains(p4) { return true }
        return false
    }

    /// The Luhn (mod 10) checksum over the digits of the first `n` groups.
    func luhnValid(_ n: Int) -> Bool {
        var sum = 0
        var double = false
        var g = n &- 1
        while g >= 0 {
            var i = groups[g].end &- 1
            while i >= groups[g].start {
                var d = Int(base[i] &- 0x30)  // a digit inside the group
                if double {
                    d &*= 2
                    if d > 9 { d &-= 9 }
                }
                sum &+= d
                double.toggle()
                i &-= 1
            }
            g &-= 1
        }
        return sum % 10 == 0
    }
}
