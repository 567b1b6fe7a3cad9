import PretextText

/// Which strings may become Unigram pieces: SentencePiece's `IsValidSentencePiece` with its
/// default settings, over the trainer's dense characters.
///
/// - `▁` only as a piece's first character (`split_by_whitespace`);
/// - no unknown (uncovered) character;
/// - one Unicode script per piece (`split_by_unicode_script`), Hiragana, Katakana and `ー`
///   counting as Han, combining marks taking the script of what they follow; digits and
///   punctuation are in the Common script, so `3.14` is one piece and `a1` is not;
/// - Pretext's addition: whitespace other than `▁` (newlines, tabs, which SentencePiece
///   normalizes away but a pretraining corpus keeps) makes pieces only with itself.
struct PieceValidity: Sendable {
    /// The script class of each dense id; `Self.any` for `▁`, `Self.invalid` for the boundary
    /// and unknown ids.
    private let classes: [Int32]
    private let maxLength: Int

    private static let any: Int32 = -1
    private static let invalid: Int32 = -2
    private static let inherited: Int32 = -3
    private static let whitespace: Int32 = -4
    private static let metaspace: Unicode.Scalar = "\u{2581}"

    init(characters: [Unicode.Scalar], maxLength: Int) {
        self.maxLength = maxLength
        classes = characters.enumerated().map { id, scalar in
            if id < 2 { return Self.invalid }
            if scalar == Self.metaspace { return Self.any }
            if scalar.properties.isWhitespace { return Self.whitespace }
            if scalar == "\u{30FC}" { return UnicodeScripts.han }
            let script = UnicodeScripts.code(of: scalar)
            switch script {
            case UnicodeScripts.hiragana, UnicodeScripts.katakana: return UnicodeScripts.han
            case UnicodeScripts.inherited: return Self.inherited
            default: return script
            }
        }
    }

    /// Whether `symbols` may be a piece.
    func isValid(_ symbols: UnsafeBufferPointer<UInt32>) -> Bool {
        guard !symbols.isEmpty, symbols.count <= maxLength else { return false }
        var previous = Self.any
        for (position, symbol) in symbols.enumerated() {
            var script = classes[Int(symbol)]
            if script == Self.invalid { return false }
            if script == Self.any {
                // ▁ only as the first character.
                if position > 0 { return false }
                continue
            }
            if script == Self.inherited { script = previous }
            if script != Self.any && previous != Self.any && script != previous { return false }
            previous = script
        }
        return true
    }

    /// Whether dense id `symbol` is `▁`.
    func isMetaspace(_ symbol: UInt32) -> Bool { classes[Int(symbol)] == Self.any }
}
