/// Suffix arrays by induced sorting (SA-IS, Nong, Zhang and Chan 2009) and their LCP arrays
/// (Kasai et al. 2001): how the Unigram trainer finds every substring that occurs more than
/// once, in time linear in the text.
enum SuffixArray {
    /// The start positions of `text`'s suffixes in increasing order; symbols are `0...upper`.
    /// A suffix that is a prefix of another sorts first. No sentinel is needed.
    ///
    /// - Complexity: O(n + upper).
    static func make(_ text: UnsafeBufferPointer<UInt32>, upper: Int) -> [Int32] {
        induced(text, upper: upper)
    }

    /// The suffix array by comparing suffixes: the plain version the tests check `make` against.
    static func naive(_ text: [UInt32]) -> [Int32] {
        (0..<text.count).sorted { text[$0...].lexicographicallyPrecedes(text[$1...]) }.map(Int32.init)
    }

    /// `lcp[i]` is the length of the longest common prefix of suffixes `sa[i]` and `sa[i + 1]`
    /// (n − 1 values).
    ///
    /// - Complexity: O(n).
    static func longestCommonPrefixes(_ text: UnsafeBufferPointer<UInt32>, _ sa: [Int32]) -> [Int32] {
        let n = text.count
        guard n > 1 else { return [] }
        var rank = [Int32](repeating: 0, count: n)
        for (index, start) in sa.enumerated() { rank[Int(start)] = Int32(index) }
        var lcp = [Int32](repeating: 0, count: n - 1)
        var h = 0
        for i in 0..<n {
            if h > 0 { h -= 1 }
            let r = Int(rank[i])
            if r == 0 { continue }
            let j = Int(sa[r - 1])
            while i + h < n && j + h < n && text[i + h] == text[j + h] { h += 1 }
            lcp[r - 1] = Int32(h)
        }
        return lcp
    }

    /// SA-IS on `s` (symbols `0...upper`), recursing on the reduced string of its LMS substrings.
    private static func induced(_ s: UnsafeBufferPointer<UInt32>, upper: Int) -> [Int32] {
        let n = s.count
        if n < 8 { return naive(Array(s)) }
        // ls[i]: suffix i is S-type (smaller than suffix i + 1).
        var ls = [Bool](repeating: false, count: n)
        for i in stride(from: n - 2, through: 0, by: -1) {
            ls[i] = s[i] == s[i + 1] ? ls[i + 1] : s[i] < s[i + 1]
        }
        // Bucket starts: sumL[c] where c's L-type suffixes start, sumS[c] where its S-type ones do.
        var sumL = [Int](repeating: 0, count: upper + 2)
        var sumS = [Int](repeating: 0, count: upper + 2)
        for i in 0..<n {
            if !ls[i] { sumS[Int(s[i])] += 1 } else { sumL[Int(s[i]) + 1] += 1 }
        }
        for c in 0...upper {
            sumS[c] += sumL[c]
            if c < upper { sumL[c + 1] += sumS[c] }
        }
        var sa = [Int32](repeating: -1, count: n)
        var buffer = [Int](repeating: 0, count: upper + 2)

        func induce(_ lms: [Int32]) {
            for i in 0..<n { sa[i] = -1 }
            for c in 0...upper { buffer[c] = sumS[c] }
            for d in lms where Int(d) < n {
                let c = Int(s[Int(d)])
                sa[buffer[c]] = d
                buffer[c] += 1
            }
            for c in 0...upper { buffer[c] = sumL[c] }
            let last = Int(s[n - 1])
            sa[buffer[last]] = Int32(n - 1)
            buffer[last] += 1
            for i in 0..<n {
                let v = Int(sa[i])
                if v >= 1 && !ls[v - 1] {
                    let c = Int(s[v - 1])
                    sa[buffer[c]] = Int32(v - 1)
                    buffer[c] += 1
                }
            }
            for c in 0...upper { buffer[c] = sumL[c] }
            for i in stride(from: n - 1, through: 0, by: -1) {
                let v = Int(sa[i])
                if v >= 1 && ls[v - 1] {
                    let c = Int(s[v - 1]) + 1
                    buffer[c] -= 1
                    sa[buffer[c]] = Int32(v - 1)
                }
            }
        }

        // LMS positions: S-type suffixes preceded by an L-type one.
        var lmsMap = [Int32](repeating: -1, count: n + 1)
        var lms: [Int32] = []
        for i in 1..<n where !ls[i - 1] && ls[i] {
            lmsMap[i] = Int32(lms.count)
            lms.append(Int32(i))
        }
        let m = lms.count
        induce(lms)
        guard m > 0 else { return sa }

        // Name the sorted LMS substrings; equal substrings get equal names.
        var sortedLMS: [Int32] = []
        sortedLMS.reserveCapacity(m)
        for v in sa where lmsMap[Int(v)] != -1 { sortedLMS.append(v) }
        var reduced = [UInt32](repeating: 0, count: m)
        var names: UInt32 = 0
        reduced[Int(lmsMap[Int(sortedLMS[0])])] = 0
        for i in 1..<m {
            var l = Int(sortedLMS[i - 1])
            var r = Int(sortedLMS[i])
            let endL = Int(lmsMap[l]) + 1 < m ? Int(lms[Int(lmsMap[l]) + 1]) : n
            let endR = Int(lmsMap[r]) + 1 < m ? Int(lms[Int(lmsMap[r]) + 1]) : n
            var same = true
            if endL - l != endR - r {
                same = false
            } else {
                while l < endL && s[l] == s[r] {
                    l += 1
                    r += 1
                }
                if l == n || r == n || s[l] != s[r] { same = false }
            }
            if !same { names += 1 }
            reduced[Int(lmsMap[Int(sortedLMS[i])])] = names
        }
        let reducedSA = reduced.withUnsafeBufferPointer { induced($0, upper: Int(names)) }
        for i in 0..<m { sortedLMS[i] = lms[Int(reducedSA[i])] }
        induce(sortedLMS)
        return sa
    }
}
