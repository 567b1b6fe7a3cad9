extension AuditReport {
    /// Which languages the audit covered: the lexicons loaded, and the documents and words of
    /// each document language with the lexicon applied to them (`LexiconChoice`).
    public struct Coverage: Codable, Sendable, Equatable {
        /// The lexicon languages loaded.
        public var lexicons: [String]
        /// Document languages matched against a lexicon, most documents first.
        public var audited: [LanguageRow]
        /// Document languages without a lexicon: counted in the corpus figures, no mentions.
        public var notAudited: [LanguageRow]

        enum CodingKeys: String, CodingKey {
            case lexicons, audited
            case notAudited = "not_audited"
        }
    }

    /// One document language and the lexicon applied to it.
    public struct LanguageRow: Codable, Sendable, Equatable {
        /// The documents' language (`un` when they have none).
        public var language: String
        /// The lexicon applied (`nil`: none).
        public var lexicon: String?
        /// How it was chosen: `language` (the catalog's `lang`), `script` or `none`.
        public var basis: String
        /// Documents.
        public var documents: Int
        /// Words in them.
        public var words: Int
    }

    /// The coverage figures of `counts`, with the lexicon languages `lexicons`.
    static func coverage(_ counts: AuditCounts, lexicons: [String]) -> Coverage {
        var rows: [LanguageRow] = []
        for (key, documents) in counts.coverageDocuments.counts {
            let choice = LexiconChoice(tag: key.key)
            rows.append(
                LanguageRow(
                    language: key.slice, lexicon: choice.basis == .none ? nil : choice.lexicon,
                    basis: choice.basis.rawValue, documents: documents, words: counts.coverageWords[key]))
        }
        rows.sort {
            ($0.documents, $1.language, $1.basis) > ($1.documents, $0.language, $0.basis)
        }
        return Coverage(
            lexicons: lexicons.sorted(), audited: rows.filter { $0.lexicon != nil },
            notAudited: rows.filter { $0.lexicon == nil })
    }
}
