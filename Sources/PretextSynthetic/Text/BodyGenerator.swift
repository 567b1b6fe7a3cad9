import PretextCore

/// Generates the body of a document: English-like or Chinese-like text of a drawn length.
struct BodyGenerator: Sendable {
    /// Document length in words (English).
    var englishWords: ClosedRange<Int>
    /// Document length in characters (Chinese).
    var chineseCharacters: ClosedRange<Int>

    /// Words per English sentence.
    static let englishSentence = 8...20
    /// Characters per Chinese sentence.
    static let chineseSentence = 12...40
    /// Sentences per paragraph.
    static let paragraph = 2...6

    /// A body in `language`.
    func body(_ language: SyntheticLanguage, using rng: inout SplitMix64) -> DocumentBody {
        let sentences: [Sentence]
        switch language {
        case .english:
            let total = rng.int(in: englishWords)
            sentences = LengthSplitter.split(total, into: Self.englishSentence, using: &rng)
                .map { Self.englishSentence(words: $0, using: &rng) }
        case .chinese:
            let total = rng.int(in: chineseCharacters)
            sentences = LengthSplitter.split(total, into: Self.chineseSentence, using: &rng)
                .map { Self.chineseSentence(characters: $0, using: &rng) }
        }
        return DocumentBody(language: language, paragraphs: Self.paragraphs(sentences, using: &rng))
    }

    /// Groups sentences into paragraphs of 2–6.
    static func paragraphs(_ sentences: [Sentence], using rng: inout SplitMix64) -> [[Sentence]] {
        var start = 0
        return LengthSplitter.split(sentences.count, into: paragraph, using: &rng).map { size in
            defer { start += size }
            return Array(sentences[start..<start + size])
        }
    }

    /// An English sentence of `words` units; about 2 % numbers and 7 % commas.
    static func englishSentence(words: Int, using rng: inout SplitMix64) -> Sentence {
        let units = (0..<words).map { index in
            let text = index > 0 && rng.chance(0.02) ? NumberToken.draw(using: &rng) : englishWord(using: &rng)
            return TextUnit(text: text, commaAfter: index > 0 && rng.chance(0.07))
        }
        return Sentence(units: units, terminal: englishTerminal(using: &rng))
    }

    /// A Chinese sentence of `characters` units, words of 1–3 characters, now and then a comma
    /// after a word or a number.
    static func chineseSentence(characters: Int, using rng: inout SplitMix64) -> Sentence {
        var units: [TextUnit] = []
        while units.count < characters {
            if !units.isEmpty && rng.chance(0.01) {
                units.append(TextUnit(text: NumberToken.draw(using: &rng)))
            } else {
                let word = ChineseVocabulary.shared.draw(using: &rng).prefix(characters - units.count)
                units += word.map { TextUnit(text: $0) }
            }
            if rng.chance(0.1) { units[units.count - 1].commaAfter = true }
        }
        return Sentence(units: units, terminal: rng.chance(0.9) ? .period : .question)
    }

    /// A word of the English vocabulary.
    static func englishWord(using rng: inout SplitMix64) -> String {
        EnglishVocabulary.shared.draw(using: &rng)
    }

    /// `.` (85 %), `?` (10 %) or `!` (5 %).
    private static func englishTerminal(using rng: inout SplitMix64) -> SentenceTerminal {
        let roll = rng.unit()
        return roll < 0.85 ? .period : (roll < 0.95 ? .question : .exclamation)
    }
}
