/// One pass of the detectors over one text.
///
/// The pass jumps from trigger byte to trigger byte (digits, `:`, `@`, `+`, `(`), eight
/// bytes at a time where there are none. Each trigger hands over to a detector that reads a
/// bounded stretch around it and returns where scanning resumes, always past the trigger,
/// so the pass is linear: a detector that gives up skips the whole run it examined (a long
/// digit string, a dotted number, a colon run) instead of re-reading it from each byte.
///
/// Matches come out sorted and disjoint: only the e-mail detector looks back past a match,
/// and it removes the earlier non-e-mail matches its local part covers.
struct Scanner {
    /// The text.
    let base: UnsafePointer<UInt8>
    /// Its length in bytes.
    let count: Int
    /// The detectors that report matches.
    let types: PIITypeSet
    /// Whether only global IP addresses are reported.
    let globalIPsOnly: Bool
    /// Scratch space for the digit groups of one numeric candidate.
    let groups: UnsafeMutablePointer<NumberGroup>
    /// How many entries of `groups` are filled.
    var groupCount = 0
    /// What was found so far, in order.
    var matches: [PIIMatch] = []
    /// The end of the last e-mail: no later e-mail's local part reaches back before it.
    var emailFloor = 0

    /// The most groups one numeric candidate holds: enough for `+1 (555) 555 01 00 …`.
    static let maxGroups = 8

    /// Runs every detector over the text.
    mutating func run() {
        var i = 0
        while true {
            i = nextTrigger(from: i)
            guard i < count else { return }
            let byte = base[i]  // i < count
            let next: Int
            switch byte {
            case UInt8(ascii: "@"): next = email(at: i)
            case UInt8(ascii: ":"): next = ipv6(colonAt: i)
            case UInt8(ascii: "+"), UInt8(ascii: "("): next = opener(at: i)
            default: next = isNumberStart(i) ? number(at: i) : i &+ 1  // a digit
            }
            i = max(next, i &+ 1)  // always moves forward
        }
    }

    /// The byte at `i`, or 0 outside the text (0 is a boundary to every detector).
    @inline(__always)
    func byte(_ i: Int) -> UInt8 {
        i >= 0 && i < count ? base[i] : 0
    }

    /// The end of the last match, before which no new match may start.
    var lastEnd: Int { matches.last?.range.upperBound ?? 0 }

    /// Records a match of `type` if that detector is on.
    mutating func emit(_ type: PIIType, _ range: Range<Int>) {
        guard types.contains(type) else { return }
        matches.append(PIIMatch(type: type, range: range))
    }

    /// Whether the digit at `i` can start a number: it must not continue a word (`abc123`),
    /// a dotted number (`1.2` → `2`), or follow a `+` that was not a phone prefix.
    @inline(__always)
    func isNumberStart(_ i: Int) -> Bool {
        let previous = byte(i &- 1)
        if ASCII.isWord(previous) || previous == UInt8(ascii: "+") { return false }
        if previous == UInt8(ascii: "."), ASCII.isDigit(byte(i &- 2)) { return false }
        return true
    }

    /// A `+` or `(` followed by a digit starts a phone number unless it is glued to a word
    /// (`C++11`, `f(1)` is still tried: a parenthesised group must close right after it).
    mutating func opener(at i: Int) -> Int {
        guard ASCII.isDigit(byte(i &+ 1)) else { return i &+ 1 }
        if base[i] == UInt8(ascii: "+") {
            let previous = byte(i &- 1)
            if ASCII.isWord(previous) || previous == UInt8(ascii: "+") { return i &+ 1 }
            return number(at: i)
        }
        // `(` : only a closed group of digits (`(555)`, `(0)`) makes a phone opener;
        // otherwise the digit after it is looked at on its own.
        var j = i &+ 1
        while ASCII.isDigit(byte(j)) { j &+= 1 }
        return byte(j) == UInt8(ascii: ")") ? number(at: i) : i &+ 1
    }
}
