extension LanguageStage {
    /// The language the stage detected in a document it dropped, read back from the drop's
    /// reason and detail (`detected es` for `language_not_allowed`, `es score 0.31 below 0.5`
    /// for `language_score_low`); `nil` for other drops. The audit uses it to choose the
    /// lexicon of documents this stage removed (they have no catalog row with a `lang`).
    static func detectedLanguage(reason: String, detail: String) -> String? {
        let words = detail.split(separator: " ")
        switch reason {
        case "language_not_allowed":
            guard words.count == 2, words[0] == "detected" else { return nil }
            return String(words[1])
        case "language_score_low":
            guard words.count > 1, words[1] == "score" else { return nil }
            return String(words[0])
        default:
            return nil
        }
    }
}
