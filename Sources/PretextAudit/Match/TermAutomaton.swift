/// An Aho–Corasick automaton compiled to a dense DFA over byte classes.
///
/// Bytes that occur in no pattern share class 0; every other byte (after ASCII lowercasing)
/// gets a class of its own, and ASCII uppercase letters and whitespace bytes share the class
/// of their lowercase letter and of the space. Each state has one row of `stride` entries
/// (one per class); an entry holds the next state's row offset (state × stride, so that the
/// scan needs no multiplication) with `outputFlag` set when that state ends a pattern,
/// itself or through its suffix links. The scan is then one table load per byte.
struct TermAutomaton: Sendable {
    /// Set in a transition entry when its target state ends at least one pattern.
    static let outputFlag: UInt32 = 0x8000_0000
    /// The bits of a transition entry that hold the target's row offset.
    static let offsetMask: UInt32 = 0x7FFF_FFFF

    /// The class of each byte (256 entries).
    var byteClass: [UInt8]
    /// The number of classes: the length of a state's row.
    var stride: Int
    /// The rows, state after state; state 0 is the root.
    var transitions: [UInt32]
    /// For each state, the longest pattern that ends there (itself or a suffix), or -1.
    var firstOutput: [Int32]
    /// For each pattern, the next shorter pattern that ends at the same place, or -1.
    var nextOutput: [Int32]
    /// The patterns, by id.
    var patterns: [TermPattern]
    /// The length in bytes of the longest pattern (0 without patterns): a match ending at `end`
    /// lies in the text's bytes `end - maxPatternLength ..< end`, which lets `scanInterleaved`
    /// start a chain that far before its segment.
    var maxPatternLength: Int

    /// The number of states.
    var stateCount: Int { firstOutput.count }

    /// Runs the automaton over `text`, calling `found` with (pattern id, end offset) for every
    /// occurrence of every pattern, in order of end offset, longer patterns first at the same
    /// end. Matches are raw: no word-boundary check.
    ///
    /// Long texts are scanned as four interleaved chains (`scanInterleaved`), short ones in
    /// one; both call `found` with the same sequence.
    /// - Complexity: O(n + m) for n bytes and m occurrences.
    @inline(__always)
    func scan(_ text: UnsafeRawBufferPointer, _ found: (Int, Int) -> Void) {
        if text.count >= Self.interleavingThreshold && text.count >= 16 * maxPatternLength {
            scanInterleaved(text, found)
        } else {
            scanSingleChain(text, found)
        }
    }

    /// `scan` in one dependency chain: one table load per byte, each waiting for the last.
    func scanSingleChain(_ text: UnsafeRawBufferPointer, _ found: (Int, Int) -> Void) {
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                var offset = 0
                for index in 0..<text.count {
                    // Both subscripts are in bounds: classes has 256 entries, and every
                    // entry of table is a row offset plus a class below stride.
                    let entry = table[offset &+ Int(classes[Int(text[index])])]
                    offset = Int(entry & Self.offsetMask)
                    if entry & Self.outputFlag != 0 { emit(state: offset / stride, end: index + 1, found) }
                }
            }
        }
    }

    /// Calls `found` for each pattern that ends in `state`, longest first.
    func emit(state: Int, end: Int, _ found: (Int, Int) -> Void) {
        var pattern = firstOutput[state]
        while pattern >= 0 {
            found(Int(pattern), end)
            pattern = nextOutput[Int(pattern)]
        }
    }
}
