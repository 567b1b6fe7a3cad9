import PretextCore

/// Turns documents into `DocumentObservation`s: chooses the document's lexicon
/// (`LexiconChoice`), finds its terms (one matcher pass on word boundaries), splits sentences,
/// and sorts each match into its sentence and role.
///
/// Holds an ICU word iterator for Chinese/Japanese boundaries: one scanner per thread.
public final class AuditScanner {
    private let terms: AuditTerms
    private let boundaries: WordBoundaries
    private var matches: [TermMatch] = []
    /// The lowercased copy of the current text, when it has non-ASCII capitals.
    private var lowered: [UInt8] = []
    /// The last document language and its lexicon: runs of documents in one language look
    /// the lexicon up once.
    private var lastChoice: (language: String, choice: LexiconChoice)?
    /// The last lexicon chosen and its compiled terms.
    private var lastTerms: (choice: LexiconChoice, terms: LanguageTerms?) = (.none, nil)

    /// A scanner over `terms`.
    ///
    /// - Throws: `PretextError` when ICU's word iterator cannot be opened.
    public init(terms: AuditTerms) throws {
        self.terms = terms
        boundaries = try WordBoundaries()
    }

    /// What `text` mentions. Overlapping matches keep the longest (a term inside a longer
    /// matched term is not counted again: "new york" not also "york").
    public func observe(
        text: String, language: String?, source: String, pii: [(type: String, count: Int)] = []
    ) -> DocumentObservation {
        var observation = DocumentObservation(language: "", source: "", bytes: 0)
        observe(text: text, language: language, source: source, pii: pii, into: &observation)
        return observation
    }

    /// Refills `observation` with what `text` mentions, reusing its storage.
    public func observe(
        text: String, language: String?, source: String, pii: [(type: String, count: Int)] = [],
        into observation: inout DocumentObservation
    ) {
        var text = text
        text.withUTF8 {
            observe(utf8: UnsafeRawBufferPointer($0), language: language, source: source, pii: pii, into: &observation)
        }
    }

    /// Refills `observation` with what the UTF-8 `text` mentions (invalid bytes match nothing).
    public func observe(
        utf8 text: UnsafeRawBufferPointer, language: String?, source: String, pii: [(type: String, count: Int)] = [],
        into observation: inout DocumentObservation
    ) {
        if TermFolding.needsLowercasing(text) {
            // Non-ASCII capitals. Lowercasing may change byte lengths, so scan the copy.
            lowered.removeAll(keepingCapacity: true)
            if TermFolding.appendLowercased(text, to: &lowered) {
                lowered.withUnsafeBytes { scan($0, language, source, pii, into: &observation) }
            } else {
                var repaired = String(decoding: text, as: UTF8.self).lowercased()
                repaired.withUTF8 { scan(UnsafeRawBufferPointer($0), language, source, pii, into: &observation) }
            }
        } else {
            scan(text, language, source, pii, into: &observation)
        }
    }

    private func scan(
        _ text: UnsafeRawBufferPointer, _ language: String?, _ source: String, _ pii: [(type: String, count: Int)],
        into observation: inout DocumentObservation
    ) {
        let choice = choose(language, text)
        observation.reset(
            language: LexiconChoice.isUnknown(language) ? "un" : language ?? "un", source: source, bytes: text.count)
        observation.lexicon = choice
        observation.pii += pii.lazy.filter { $0.count > 0 }
        matches.removeAll(keepingCapacity: true)
        if lastTerms.choice != choice { lastTerms = (choice, terms.terms(for: choice)) }
        let compiled = lastTerms.terms
        if let compiled {
            compiled.matcher.matches(in: text, into: &matches, boundaries: boundaries)
            Self.keepOutermost(&matches)
        }
        fill(&observation, text: text, terms: compiled)
    }

    /// The lexicon for a document in `language` with text `text`; a known language's is
    /// remembered for the next document.
    private func choose(_ language: String?, _ text: UnsafeRawBufferPointer) -> LexiconChoice {
        guard let language, !LexiconChoice.isUnknown(language) else {
            return LexiconChoice.choose(language: nil, text: text, in: terms.lexicons)
        }
        if let last = lastChoice, last.language == language { return last.choice }
        let choice = LexiconChoice.choose(language: language, text: text, in: terms.lexicons)
        lastChoice = (language, choice)
        return choice
    }

    /// Splits `text` into sentences and sorts each kept match into its sentence and role
    /// (`terms` found the matches; nil when no lexicon applies).
    private func fill(_ observation: inout DocumentObservation, text: UnsafeRawBufferPointer, terms: LanguageTerms?) {
        var next = 0
        SentenceSplitter.forEachSentence(in: text) { range, words in
            let sentence = Int32(observation.sentences)
            var mentionsKeys = false
            while next < matches.count, matches[next].range.lowerBound < range.upperBound {
                for role in terms?.roles(of: matches[next].term) ?? [] {
                    switch role {
                    case .identity(let key):
                        observation.groups.append(.init(sentence: sentence, key: key))
                        mentionsKeys = true
                    case .context(let key):
                        observation.context.append(.init(sentence: sentence, key: key))
                        mentionsKeys = true
                    case .pronoun(let key): observation.pronouns.append(key)
                    case .offensive(let key): observation.offensive.append(key)
                    }
                }
                next += 1
            }
            if mentionsKeys || words > 0 {
                observation.sentences += 1
                observation.words += words
            }
        }
    }

    /// Keeps the matches not contained in a longer match, ordered by start.
    static func keepOutermost(_ matches: inout [TermMatch]) {
        guard matches.count > 1 else { return }
        matches.sort {
            $0.range.lowerBound != $1.range.lowerBound
                ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound
        }
        var kept = 0
        var reach = 0
        for index in matches.indices where matches[index].range.upperBound > reach {
            reach = matches[index].range.upperBound
            matches[kept] = matches[index]
            kept += 1
        }
        matches.removeLast(matches.count - kept)
    }
}
