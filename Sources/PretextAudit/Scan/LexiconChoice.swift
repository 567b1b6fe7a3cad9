/// Which lexicon the audit applies to a document, and why.
///
/// A document is matched against one language's lexicon only, so that words of other
/// languages spelled like a term ("son", "man", "men", Japanese 他の) are not counted:
/// - with a language (the catalog's `lang`): the lexicon of that language, or of its primary
///   subtag (`zh-Hant` → `zh`); none when the directory has no lexicon for it;
/// - without one (no `lang`, or CLD2's `un` / `und`): the lexicon of its script
///   (`DocumentScript.language`: kana → `ja`, Han → `zh`, Latin → `en`).
///
/// Documents without a lexicon still count in the corpus figures (documents, words, bytes)
/// but yield no mentions. `docs/stages/audit.md`, "Languages".
public struct LexiconChoice: Sendable, Hashable {
    /// How the lexicon was chosen.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// By the document's language.
        case language
        /// By the script of its text (it has no language).
        case script
        /// No lexicon applies.
        case none
    }

    /// The lexicon's language code (`en`, `zh`, `ja`), `""` when none applies.
    public var lexicon: String
    /// How it was chosen.
    public var basis: Basis

    /// No lexicon.
    public static let none = LexiconChoice(lexicon: "", basis: .none)

    /// Creates a choice.
    public init(lexicon: String, basis: Basis) {
        self.lexicon = lexicon
        self.basis = basis
    }

    /// The coverage key of `AuditCounts`: `language:en`, `script:ja` or `none`.
    public var tag: String { basis == .none ? "none" : "\(basis.rawValue):\(lexicon)" }

    /// The choice a coverage tag names (the inverse of `tag`).
    public init(tag: String) {
        guard let colon = tag.firstIndex(of: ":"), let basis = Basis(rawValue: String(tag[..<colon])) else {
            self = .none
            return
        }
        self.init(lexicon: String(tag[tag.index(after: colon)...]), basis: basis)
    }

    /// Whether `language` says nothing about the document's language: absent, empty, or
    /// CLD2's "unknown" (`un`, `und`).
    public static func isUnknown(_ language: String?) -> Bool {
        guard let language else { return true }
        return language.isEmpty || language == "un" || language == "und"
    }

    /// The choice for a document in `language` (nil when it has none) with text `text`, among
    /// the lexicons of `lexicons`.
    public static func choose(
        language: String?, text: UnsafeRawBufferPointer, in lexicons: LexiconSet
    )
        -> LexiconChoice
    {
        if let language, !isUnknown(language) {
            return lexicons.lexicon(for: language).map { LexiconChoice(lexicon: $0.language, basis: .language) }
                ?? .none
        }
        guard let byScript = DocumentScript(utf8: text).language, let lexicon = lexicons.lexicons[byScript] else {
            return .none
        }
        return LexiconChoice(lexicon: lexicon.language, basis: .script)
    }
}
