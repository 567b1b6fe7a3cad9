extension Scanner {
    /// Examines the colon at `c` as part of an IPv6 address; returns where scanning resumes.
    ///
    /// The candidate is the run of hex digits, `:` and `.` around the colon, starting at
    /// most four hex digits before it, at a word boundary. A run that is not an address
    /// (a time `12:30:45`, a MAC address, `a::b` in code) is skipped whole.
    mutating func ipv6(colonAt c: Int) -> Int {
        guard ASCII.isHex(byte(c &- 1)) || byte(c &+ 1) == UInt8(ascii: ":") else { return c &+ 1 }
        let floor = lastEnd
        var s = c
        while s > floor, c &- s <= 4, ASCII.isHex(base[s &- 1]) { s &-= 1 }  // s - 1 >= floor >= 0
        let before = byte(s &- 1)
        if c &- s > 4 || ASCII.isWord(before) || before == UInt8(ascii: ":") || before == UInt8(ascii: ".") {
            return c &+ 1
        }
        var e = s
        while ASCII.isHex(byte(e)) || byte(e) == UInt8(ascii: ":") || byte(e) == UInt8(ascii: ".") { e &+= 1 }
        if ASCII.isWord(byte(e)) || e &- s > 45 { return e }  // glued to a word, or too long
        var end = e
        while end > s, byte(end &- 1) == UInt8(ascii: ".") { end &-= 1 }  // sentence full stop
        if byte(end &- 1) == UInt8(ascii: ":"), byte(end &- 2) != UInt8(ascii: ":") { end &-= 1 }  // "fe80::1:"
        if let (high, low) = parseIPv6(s, end) {
            if !globalIPsOnly || IPRanges.isGlobal(v6: high, low) { emit(.ipv6, s..<end) }
            return end
        }
        return e
    }

    /// The 128-bit value of the IPv6 address spelled by `s..<end` (RFC 4291 §2.2 text forms:
    /// eight groups, or fewer with one `::`, optionally ending in a dotted IPv4 address), or
    /// `nil`. Sanity rule: at least one decimal digit, so `a::b` and `dead::beef` are not
    /// addresses.
    func parseIPv6(_ s: Int, _ end: Int) -> (UInt64, UInt64)? {
        var head = SIMD8<UInt16>()
        var tail = SIMD8<UInt16>()
        var headCount = 0
        var tailCount = 0
        var compressed = false
        var sawDigit = false
        var p = s
        if byte(p) == UInt8(ascii: ":") {
            guard byte(p &+ 1) == UInt8(ascii: ":") else { return nil }
            compressed = true
            p &+= 2
        }
        while p < end {
            var q = p
            var value: UInt32 = 0
            while q < end, q &- p < 5, ASCII.isHex(base[q]) {
                value = value &<< 4 | ASCII.hexValue(base[q])  // at most 5 hex digits
                sawDigit = sawDigit || ASCII.isDigit(base[q])
                q &+= 1
            }
            var first = UInt16(truncatingIfNeeded: value)
            var second: UInt16 = 0
            var wordCount = 1
            if q < end, base[q] == UInt8(ascii: ".") {
                guard let v4 = ipv4Literal(p, end) else { return nil }
                first = UInt16(truncatingIfNeeded: v4 >> 16)
                second = UInt16(truncatingIfNeeded: v4)
                wordCount = 2
                sawDigit = true
                q = end
            } else {
                guard q > p, q &- p <= 4 else { return nil }
            }
            for k in 0..<wordCount {
                guard headCount &+ tailCount < 8 else { return nil }
                let word = k == 0 ? first : second
                if compressed {
                    tail[tailCount] = word
                    tailCount &+= 1
                } else {
                    head[headCount] = word
                    headCount &+= 1
                }
            }
            p = q
            if p == end { break }
            guard base[p] == UInt8(ascii: ":"), p &+ 1 < end else { return nil }  // no trailing ":"
            p &+= 1
            if base[p] == UInt8(ascii: ":") {
                guard !compressed else { return nil }  // one "::" at most
                compressed = true
                p &+= 1
            }
        }
        let total = headCount &+ tailCount
        guard sawDigit, total >= 1, compressed ? total <= 7 : total == 8 else { return nil }
        var all = head
        for k in 0..<tailCount { all[8 &- tailCount &+ k] = tail[k] }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for k in 0..<4 { high = high << 16 | UInt64(all[k]) }
        for k in 4..<8 { low = low << 16 | UInt64(all[k]) }
        return (high, low)
    }

    /// The value of the dotted-quad IPv4 address that spells exactly `s..<end`, or `nil`.
    func ipv4Literal(_ s: Int, _ end: Int) -> UInt32? {
        var address: UInt32 = 0
        var p = s
        for k in 0..<4 {
            var q = p
            while q < end, ASCII.isDigit(base[q]) { q &+= 1 }
            guard let value = octet(p, q) else { return nil }
            address = address << 8 | value
            if k < 3 {
                guard q < end, base[q] == UInt8(ascii: ".") else { return nil }
                p = q &+ 1
            } else {
                guard q == end else { return nil }
            }
        }
        return address
    }
}
