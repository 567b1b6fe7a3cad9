/// How a sentence ends.
enum SentenceTerminal: Sendable, Equatable {
    case period
    case question
    case exclamation

    /// The mark in `language`.
    func mark(_ language: SyntheticLanguage) -> String {
        switch (self, language) {
        case (.period, .english): "."
        case (.question, .english): "?"
        case (.exclamation, .english): "!"
        case (.period, .chinese): "。"
        case (.question, .chinese): "？"
        case (.exclamation, .chinese): "！"
        }
    }
}

/// A sentence: its units and its final mark.
struct Sentence: Sendable, Equatable {
    /// The words or characters.
    var units: [TextUnit]
    /// The final mark.
    var terminal: SentenceTerminal
}
