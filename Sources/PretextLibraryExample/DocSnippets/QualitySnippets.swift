import Pretext

/// The ```swift snippets of docs/stages/quality.md, compiled.
enum QualitySnippets {
    /// docs/stages/quality.md, the first snippet: one document through every rule family.
    static func evaluate(_ text: String) -> String? {
        let evaluator = QualityEvaluator()  // datatrove defaults + zh/ja presets
        let results = evaluator.evaluate(text, language: "en")  // [gopherQuality, gopherRepetition, c4, fineWeb]
        let c4Text = results[2].modifiedText  // C4's text with its dropped lines removed
        return c4Text
    }

    /// docs/stages/quality.md, "Profiles": per-language thresholds in Swift.
    static func customProfile() -> QualityEvaluator {
        var profile = QualityProfile()
        var zh = QualityConfig.defaults(forLanguage: "zh")
        zh.fineWeb.newLineRatio = nil  // rule off
        zh.gopherRepetition.isEnabled = false  // family off
        profile.languages["zh"] = zh
        profile.fallback.gopherQuality.minDocWords = 30
        let evaluator = QualityEvaluator(profile: profile)
        return evaluator
    }
}
