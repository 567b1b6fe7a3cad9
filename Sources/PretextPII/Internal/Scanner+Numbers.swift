extension Scanner {
    /// Examines the numeric candidate starting at `s` (a digit, `+` or `(`): IPv4 address,
    /// card number or phone number, in that order; returns where scanning resumes.
    mutating func number(at s: Int) -> Int {
        let plus = base[s] == UInt8(ascii: "+")  // s < count: the caller read it
        if let idEnd = parseGroups(from: plus ? s &+ 1 : s) { return idEnd }
        guard groupCount > 0 else { return s &+ 1 }
        let first = groups[0]
        let runEnd = groups[groupCount &- 1].close
        if let skip = contextSkip(at: s, runEnd: runEnd) { return skip }
        if !plus, groupCount >= 2, groups[1].separator == UInt8(ascii: "."), !first.parenthesized {
            return dotted(at: s)
        }
        if let end = matchCardOrPhone(at: s, plus: plus) { return end }
        return first.close
    }

    /// Reads up to `maxGroups` digit groups from `p0` into `groups`.
    ///
    /// Groups are separated by one ` `, `-`, `.` or `/`, or touch a parenthesised group.
    /// A group glued to a word (`2x`, `0100ext`) ends the list without being part of it.
    /// - Returns: the end of the run when the first group is longer than 19 digits (an
    ///   identifier, never personal data here: it is skipped whole), else `nil`.
    mutating func parseGroups(from p0: Int) -> Int? {
        groupCount = 0
        var position = p0
        var separator: UInt8 = 0
        while groupCount < Self.maxGroups {
            let parenthesized = byte(position) == UInt8(ascii: "(")
            let start = parenthesized ? position &+ 1 : position
            var end = start
            while ASCII.isDigit(byte(end)) { end &+= 1 }
            let digits = end &- start
            if digits == 0 { break }
            if digits > 19 {
                if groupCount == 0 { return end }
                break
            }
            var close = end
            if parenthesized {
                guard byte(end) == UInt8(ascii: ")") else { break }
                close = end &+ 1
            }
            let next = byte(close)
            if !parenthesized, ASCII.isWord(next) { break }
            groups[groupCount] = NumberGroup(
                start: start, end: end, close: close, separator: separator, parenthesized: parenthesized)
            groupCount &+= 1  // < maxGroups, checked by the loop
            let after = byte(close &+ 1)
            let groupFollows =
                ASCII.isDigit(after) || (after == UInt8(ascii: "(") && ASCII.isDigit(byte(close &+ 2)))
            let isSeparator =
                next == UInt8(ascii: " ") || next == UInt8(ascii: "-") || next == UInt8(ascii: ".")
                || next == UInt8(ascii: "/")
            if isSeparator, groupFollows {
                separator = next
                position = close &+ 1
            } else if next == UInt8(ascii: "(") && ASCII.isDigit(after) || parenthesized && ASCII.isDigit(next) {
                separator = NumberGroup.adjacent
                position = close
            } else {
                return nil
            }
        }
        return nil
    }

    /// A run whose first groups are joined by dots: an IPv4 address when it has exactly four
    /// octets; `555.555.0100` may still be a phone; anything else (decimals, dates, version
    /// strings, OIDs, `1.2.3.4.5`) is skipped whole.
    mutating func dotted(at s: Int) -> Int {
        var dots = 1
        while dots < groupCount, groups[dots].separator == UInt8(ascii: "."), !groups[dots].parenthesized {
            dots &+= 1
        }
        var end = groups[dots &- 1].close
        // The run may go on past the groups read (a group glued to a word, or the group cap).
        let longer = byte(end) == UInt8(ascii: ".") && ASCII.isDigit(byte(end &+ 1))
        if dots == 4, !longer, let address = ipv4Value() {
            if !globalIPsOnly || IPRanges.isGlobal(v4: address) { emit(.ipv4, groups[0].start..<end) }
            return end
        }
        if dots == 3, !longer, let phoneEnd = matchCardOrPhone(at: s, plus: false, limit: 3) { return phoneEnd }
        while byte(end) == UInt8(ascii: ".") || ASCII.isDigit(byte(end)) { end &+= 1 }
        return end
    }

    /// The address of groups 0…3 when each is a decimal octet 0–255 without a leading zero
    /// (Python's `ipaddress` rejects `01.2.3.4`, so datatrove leaves it alone too).
    func ipv4Value() -> UInt32? {
        var address: UInt32 = 0
        for k in 0..<4 {
            guard let octet = octet(groups[k].start, groups[k].end) else { return nil }
            address = address << 8 | octet
        }
        return address
    }

    /// The value of the decimal octet in `start..<end`, or `nil` when it is not one.
    func octet(_ start: Int, _ end: Int) -> UInt32? {
        let length = end &- start
        guard length >= 1, length <= 3 else { return nil }
        if length > 1, base[start] == UInt8(ascii: "0") { return nil }  // start < end <= count
        var value: UInt32 = 0
        for i in start..<end { value = value &* 10 &+ UInt32(base[i] &- 0x30) }  // ≤ 999
        return value <= 255 ? value : nil
    }

    /// Tries the longest prefix of the groups first: card, then phone. Emits the first that
    /// fits and returns its end.
    mutating func matchCardOrPhone(at s: Int, plus: Bool, limit: Int = maxGroups) -> Int? {
        var n = min(groupCount, limit)
        while n >= 1 {
            let last = groups[n &- 1]
            if !plus, isCard(groupCount: n) {
                emit(.card, groups[0].start..<last.end)
                return last.close
            }
            if isPhone(groupCount: n, plus: plus) {
                let start = plus ? s : (groups[0].parenthesized ? groups[0].start &- 1 : groups[0].start)
                emit(.phone, start..<last.close)
                return last.close
            }
            n &-= 1
        }
        return nil
    }

    /// The total number of digits in the first `n` groups.
    func digitCount(_ n: Int) -> Int {
        var total = 0
        for k in 0..<n { total &+= groups[k].digits }
        return total
    }

    /// The `k`-th digit (0-based) of the first groups, as a number.
    func digit(_ k: Int) -> Int {
        var k = k
        var g = 0
        while k >= groups[g].digits {
            k &-= groups[g].digits
            g &+= 1
        }
        return Int(base[groups[g].start &+ k] &- 0x30)  // inside group g
    }
}
