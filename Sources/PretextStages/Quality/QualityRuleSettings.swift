import PretextCore
import PretextQuality

/// The `rules` option of the quality stage: `[LANG:]NAME=VALUE`, where VALUE is a number, a
/// boolean, or `off` to switch a threshold off; `LANG:` limits the setting to one language
/// (`zh:gopher_min_doc_words=30`). Names are listed in `docs/stages/quality.md`.
enum QualityRuleSettings {
    typealias Setter = @Sendable (inout QualityConfig, String) throws -> Void

    static let setters: [String: Setter] = [
        "gopher_min_doc_words": int { $0.gopherQuality.minDocWords = $1 },
        "gopher_max_doc_words": int { $0.gopherQuality.maxDocWords = $1 },
        "gopher_min_avg_word_length": real { $0.gopherQuality.minAvgWordLength = $1 },
        "gopher_max_avg_word_length": real { $0.gopherQuality.maxAvgWordLength = $1 },
        "gopher_max_symbol_word_ratio": real { $0.gopherQuality.maxSymbolWordRatio = $1 },
        "gopher_max_bullet_lines_ratio": real { $0.gopherQuality.maxBulletLinesRatio = $1 },
        "gopher_max_ellipsis_lines_ratio": real { $0.gopherQuality.maxEllipsisLinesRatio = $1 },
        "gopher_min_alpha_words_ratio": real { $0.gopherQuality.minAlphaWordsRatio = $1 },
        "gopher_min_stop_words": int { $0.gopherQuality.minStopWords = $1 },
        "repetition_dup_line_frac": real { $0.gopherRepetition.dupLineFrac = $1 },
        "repetition_dup_para_frac": real { $0.gopherRepetition.dupParaFrac = $1 },
        "repetition_dup_line_char_frac": real { $0.gopherRepetition.dupLineCharFrac = $1 },
        "repetition_dup_para_char_frac": real { $0.gopherRepetition.dupParaCharFrac = $1 },
        "c4_min_num_sentences": int { $0.c4.minNumSentences = $1 },
        "c4_min_words_per_line": int { $0.c4.minWordsPerLine = $1 },
        "c4_max_word_length": int { $0.c4.maxWordLength = $1 },
        "c4_filter_no_terminal_punctuation": flag { $0.c4.filterNoTerminalPunctuation = $1 },
        "c4_filter_lorem_ipsum": flag { $0.c4.filterLoremIpsum = $1 },
        "c4_filter_javascript": flag { $0.c4.filterJavascript = $1 },
        "c4_filter_curly_bracket": flag { $0.c4.filterCurlyBracket = $1 },
        "c4_filter_policy": flag { $0.c4.filterPolicy = $1 },
        "c4_remove_citations": flag { $0.c4.removeCitations = $1 },
        "fineweb_line_punct_threshold": real { $0.fineWeb.linePunctThreshold = $1 },
        "fineweb_short_line_threshold": real { $0.fineWeb.shortLineThreshold = $1 },
        "fineweb_char_duplicates_ratio": real { $0.fineWeb.charDuplicatesRatio = $1 },
        "fineweb_new_line_ratio": real { $0.fineWeb.newLineRatio = $1 },
    ]

    /// Applies `entries` to the default profile (datatrove's thresholds, CJK adaptations).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the entry and listing the names.
    static func profile(_ entries: [String], families: Set<String>) throws -> QualityProfile {
        var profile = defaultProfile()
        for entry in entries {
            let (language, name, value) = try parse(entry)
            guard let setter = setters[name] else {
                let names = setters.keys.sorted().joined(separator: ", ")
                throw PretextError(
                    .invalidConfiguration, "quality: unknown rule '\(name)' in '\(entry)'; rules: \(names)")
            }
            do {
                if let language {
                    var config = profile.config(forLanguage: language)
                    try setter(&config, value)
                    profile.languages[language] = config
                } else {
                    try setter(&profile.fallback, value)
                    for code in profile.languages.keys { try setter(&profile.languages[code]!, value) }
                }
            } catch let failure as Failure {
                throw PretextError(.invalidConfiguration, "quality: '\(entry)': \(failure.text)")
            }
        }
        apply(families: families, to: &profile.fallback)
        for code in profile.languages.keys { apply(families: families, to: &profile.languages[code]!) }
        return profile
    }

    /// datatrove's rules for English (and documents of unknown language), the CJK adaptations
    /// for Chinese and Japanese, and for every other language the same rules without the
    /// English stop-word test (English stop words would drop all of German, Russian, Arabic…
    /// text) and with other scripts' sentence enders as C4 terminal punctuation; Korean also
    /// without the minimum mean word length (Hangul words are short).
    static func defaultProfile() -> QualityProfile {
        var profile = QualityProfile()
        profile.languages["en"] = profile.fallback
        profile.fallback.gopherQuality.minStopWords = nil
        // Sentence enders of other scripts, so C4 does not remove every Hindi or Arabic line:
        // danda and double danda, Arabic question mark and full stop, Urdu full stop, Armenian
        // and Ethiopic full stops.
        profile.fallback.c4.extraTerminalPunctuation = "।॥؟۔։።"
        var korean = profile.fallback
        korean.gopherQuality.minAvgWordLength = nil
        profile.languages["ko"] = korean
        return profile
    }

    /// The rule families, in the order they are applied.
    static let families = ["gopher_quality", "gopher_repetition", "c4", "fineweb"]

    private static func apply(families: Set<String>, to config: inout QualityConfig) {
        config.gopherQuality.isEnabled = families.contains("gopher_quality")
        config.gopherRepetition.isEnabled = families.contains("gopher_repetition")
        config.c4.isEnabled = families.contains("c4")
        config.fineWeb.isEnabled = families.contains("fineweb")
    }

    private static func parse(_ entry: String) throws -> (String?, String, String) {
        let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: " ") }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw PretextError(.invalidConfiguration, "quality: rule setting '\(entry)' is not [LANG:]NAME=VALUE")
        }
        let key = parts[0].split(separator: ":", maxSplits: 1).map(String.init)
        return key.count == 2 ? (key[0], key[1], parts[1]) : (nil, key[0], parts[1])
    }

    private struct Failure: Error {
        let text: String
    }

    private static func int(_ set: @escaping @Sendable (inout QualityConfig, Int?) -> Void) -> Setter {
        { config, text in
            if text == "off" { return set(&config, nil) }
            guard let value = Int(text) else { throw Failure(text: "'\(text)' is not an integer or 'off'") }
            set(&config, value)
        }
    }

    private static func real(_ set: @escaping @Sendable (inout QualityConfig, Double?) -> Void) -> Setter {
        { config, text in
            if text == "off" { return set(&config, nil) }
            guard let value = Double(text), value.isFinite else {
                throw Failure(text: "'\(text)' is not a number or 'off'")
            }
            set(&config, value)
        }
    }

    private static func flag(_ set: @escaping @Sendable (inout QualityConfig, Bool) -> Void) -> Setter {
        { config, text in
            switch text {
            case "true", "on": set(&config, true)
            case "false", "off": set(&config, false)
            default: throw Failure(text: "'\(text)' is not true, false or off")
            }
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice.removeFirst() }
        while slice.last == set { slice.removeLast() }
        return String(slice)
    }
}
