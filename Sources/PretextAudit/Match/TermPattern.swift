/// What a term's first or last character asks of its neighbour in the text.
enum TermEdge: UInt8, Sendable {
    /// The term ends in punctuation or a symbol: any neighbour will do.
    case free
    /// The term ends in a letter, digit or mark of a script written with spaces: the
    /// neighbour must not be a letter, digit or mark of such a script.
    case spaced
    /// The term ends in a character of a script written without spaces (Han, kana, Thai…):
    /// the edge must be an ICU dictionary word boundary.
    case dictionary

    /// The edge a term gets from its first or last scalar.
    init(_ scalar: Unicode.Scalar) {
        switch ScalarKind(scalar) {
        case .other: self = .free
        case .word, .mark: self = .spaced
        case .dictionary: self = .dictionary
        }
    }
}

/// One byte string the automaton looks for: a term, or a variant of it.
///
/// A term with an apostrophe gets a second pattern with the other apostrophe (' and ’), so
/// that "women's" in the lexicon finds "women’s" in the text; both report the same term.
struct TermPattern: Sendable {
    /// The term's index in the lexicon.
    var term: Int32
    /// The pattern's length in UTF-8 bytes.
    var length: Int
    /// What the pattern's first character asks of the character before it.
    var leading: TermEdge
    /// What the pattern's last character asks of the character after it.
    var trailing: TermEdge

    /// The patterns for `term` (index `index`): its bytes with ASCII letters lowercased, and
    /// the other-apostrophe variant when it has one. Empty terms give none.
    static func patterns(for term: String, index: Int32) -> [(bytes: [UInt8], pattern: TermPattern)] {
        guard let first = term.unicodeScalars.first, let last = term.unicodeScalars.last else { return [] }
        let pattern = TermPattern(
            term: index, length: 0, leading: TermEdge(first), trailing: TermEdge(last))
        var variants = [term]
        if term.contains("'") { variants.append(term.replacingApostrophes("'", with: "\u{2019}")) }
        if term.contains("\u{2019}") { variants.append(term.replacingApostrophes("\u{2019}", with: "'")) }
        return variants.map { variant in
            let bytes = variant.utf8.map(ASCIIFolding.lowercased)
            var sized = pattern
            sized.length = bytes.count
            return (bytes, sized)
        }
    }
}

extension String {
    /// The string with every `apostrophe` scalar replaced by `replacement`.
    fileprivate func replacingApostrophes(_ apostrophe: Unicode.Scalar, with replacement: Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars { result.append(scalar == apostrophe ? replacement : scalar) }
        return String(result)
    }
}

/// ASCII case folding, the only folding the automaton does on the fly.
enum ASCIIFolding {
    /// `byte` with A–Z mapped to a–z; every other byte unchanged.
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        // &-: wrapping subtraction turns the range test into one unsigned comparison.
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
