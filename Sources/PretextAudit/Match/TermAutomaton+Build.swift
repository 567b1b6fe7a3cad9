import PretextCore

extension TermAutomaton {
    /// The most transition entries an automaton may have (2^31: row offsets fit in 31 bits).
    static let maximumEntries = 1 << 31

    /// Builds the automaton for `patterns` (byte strings, ASCII already lowercased).
    ///
    /// Byte strings that repeat an earlier one are dropped: the first pattern wins.
    /// - Throws: `PretextError` with code `.limitExceeded` when the table would need more
    ///   than 2^31 entries (a lexicon of millions of terms).
    /// - Complexity: O(S × C) time and memory for S trie states and C byte classes.
    init(patterns: [(bytes: [UInt8], pattern: TermPattern)]) throws {
        let classes = Self.byteClasses(patterns.map(\.bytes))
        // classes has 256 entries, so max() is not nil.
        let stride = Int(classes.max()!) + 1
        var trie = Trie(stride: stride)
        for (id, entry) in patterns.enumerated() {
            try trie.insert(entry.bytes.map { classes[Int($0)] }, pattern: Int32(id))
        }
        byteClass = classes
        self.stride = stride
        self.patterns = patterns.map(\.pattern)
        maxPatternLength = patterns.map(\.bytes.count).max() ?? 0
        nextOutput = Array(repeating: -1, count: patterns.count)
        firstOutput = trie.output
        transitions = trie.table
        completeTransitions()
    }

    /// The class of every byte: 0 for bytes in no pattern, then one class per distinct byte,
    /// shared by ASCII uppercase letters with their lowercase and by whitespace with space.
    static func byteClasses(_ patterns: [[UInt8]]) -> [UInt8] {
        var used = [Bool](repeating: false, count: 256)
        for bytes in patterns { for byte in bytes { used[Int(byte)] = true } }
        var classes = [UInt8](repeating: 0, count: 256)
        var next = 0
        for byte in 0..<256 where used[byte] && next < 255 {
            next += 1
            classes[byte] = UInt8(next)
        }
        // Past 255 distinct bytes (not reachable: patterns never hold uppercase ASCII)
        // the last class is shared, which would only add false candidates, never lose one.
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(byte)] = classes[Int(byte | 0x20)] }
        for byte in [UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")] {
            classes[Int(byte)] = classes[Int(UInt8(ascii: " "))]
        }
        return classes
    }

    /// Turns the trie into a DFA: fills every missing transition with the failure state's,
    /// links each pattern to the next shorter one ending at the same place, and stores row
    /// offsets with the output flag.
    private mutating func completeTransitions() {
        var failure = [Int](repeating: 0, count: stateCount)
        var queue: [Int] = [0]
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for symbol in 0..<stride {
                let slot = state * stride + symbol
                let child = transitions[slot]
                if child == Trie.absent {
                    // A state's failure state is shallower, so its row is complete already.
                    transitions[slot] = state == 0 ? 0 : transitions[failure[state] * stride + symbol]
                    continue
                }
                let target = Int(child)
                failure[target] = state == 0 ? 0 : Int(transitions[failure[state] * stride + symbol])
                linkOutputs(of: target, to: failure[target])
                queue.append(target)
            }
        }
        for slot in transitions.indices {
            let target = Int(transitions[slot])
            transitions[slot] = UInt32(target * stride) | (firstOutput[target] >= 0 ? Self.outputFlag : 0)
        }
    }

    /// Chains `state`'s own pattern to those of its failure state (set before, being
    /// shallower), or gives `state` those patterns when it has none of its own.
    private mutating func linkOutputs(of state: Int, to failure: Int) {
        let own = firstOutput[state]
        if own >= 0 {
            nextOutput[Int(own)] = firstOutput[failure]
        } else {
            firstOutput[state] = firstOutput[failure]
        }
    }
}

/// The trie the automaton starts from: dense rows of child states, `absent` where none.
private struct Trie {
    static let absent = UInt32.max

    let stride: Int
    var table: [UInt32]
    var output: [Int32] = [-1]

    init(stride: Int) {
        self.stride = stride
        table = Array(repeating: Self.absent, count: stride)
    }

    /// Adds the path for `symbols` (byte classes) and marks its end with `pattern`, unless
    /// an earlier pattern ends there.
    mutating func insert(_ symbols: [UInt8], pattern: Int32) throws {
        var state = 0
        for symbol in symbols {
            let slot = state * stride + Int(symbol)
            if table[slot] == Self.absent {
                guard table.count + stride <= TermAutomaton.maximumEntries else {
                    throw PretextError(
                        .limitExceeded,
                        "the term lexicon is too large for the matcher (over 2^31 table entries); split it")
                }
                table[slot] = UInt32(output.count)
                table.append(contentsOf: repeatElement(Self.absent, count: stride))
                output.append(-1)
            }
            state = Int(table[slot])
        }
        if output[state] < 0 { output[state] = pattern }
    }
}
