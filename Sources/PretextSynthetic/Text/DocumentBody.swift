/// A generated document before rendering: paragraphs of sentences of units, plus boilerplate
/// lines before and after. Variants are made by editing this structure, then rendered.
struct DocumentBody: Sendable, Equatable {
    /// English or Chinese.
    var language: SyntheticLanguage
    /// The paragraphs, each a list of sentences.
    var paragraphs: [[Sentence]]
    /// Boilerplate lines before the body.
    var header: [String] = []
    /// Boilerplate lines after the body.
    var footer: [String] = []

    /// The text: header lines, paragraphs separated by a blank line, footer lines.
    func render() -> String {
        var blocks: [String] = []
        if !header.isEmpty { blocks.append(header.joined(separator: "\n")) }
        for paragraph in paragraphs { blocks.append(render(paragraph)) }
        if !footer.isEmpty { blocks.append(footer.joined(separator: "\n")) }
        return blocks.joined(separator: "\n\n")
    }

    /// One paragraph: sentences separated by a space (English) or nothing (Chinese).
    private func render(_ paragraph: [Sentence]) -> String {
        var text = ""
        for (index, sentence) in paragraph.enumerated() {
            if index > 0 && language == .english { text += " " }
            append(sentence, to: &text)
        }
        return text
    }

    /// One sentence, capitalized (English), with its commas and its final mark.
    private func append(_ sentence: Sentence, to text: inout String) {
        let english = language == .english
        let comma = english ? "," : "，"
        for (index, unit) in sentence.units.enumerated() {
            if index > 0 && english { text += " " }
            text += index == 0 && english ? SentenceCase.capitalize(unit.text) : unit.text
            if unit.commaAfter && index < sentence.units.count - 1 { text += comma }
        }
        text += sentence.terminal.mark(language)
    }

    /// The number of units (words or characters) in the paragraphs.
    var unitCount: Int {
        paragraphs.reduce(0) { total, paragraph in total + paragraph.reduce(0) { $0 + $1.units.count } }
    }
}
