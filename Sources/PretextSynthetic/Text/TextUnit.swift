/// The smallest editable piece of a sentence: a word (English), one character (Chinese) or a
/// number, with an optional comma after it.
struct TextUnit: Sendable, Equatable {
    /// The word, character or number.
    var text: String
    /// Whether a comma follows (never rendered after the last unit of a sentence).
    var commaAfter: Bool = false
}
