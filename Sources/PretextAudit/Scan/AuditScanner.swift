import PretextCore

/// Turns documents into `DocumentObservation`s: finds the lexicon terms (one matcher pass on
/// word boundaries), splits sentences, and sorts each match into its sentence and role.
///
/// Holds an ICU word iterator for Chinese/Japanese boundaries: one scanner per thread.
public final class AuditScanner {
    private let terms: AuditTerms
    private let boundaries: WordBoundaries
    private var matches: [TermMatch] = []

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
        text: String, language: String?, source: String, pii: [String: Int] = [:]
    ) -> DocumentObservation {
        var text = text
        if text.withUTF8({ TermFolding.needsLowercasing(UnsafeRawBufferPointer($0)) }) { text = text.lowercased() }
        let bytes = text.utf8.count
        var observation = DocumentObservation(
            language: language ?? "un", source: source, bytes: bytes, sentences: [], pii: pii)
        text.withUTF8 { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            matches.removeAll(keepingCapacity: true)
            terms.matcher.matches(in: raw, into: &matches, boundaries: boundaries)
            fill(&observation, text: raw)
        }
        return observation
    }

    private func fill(_ observation: inout DocumentObservation, text: UnsafeRawBufferPointer) {
        let kept = matches.isEmpty ? [] : Self.outermost(matches)
        var next = 0
        SentenceSplitter.forEachSentence(in: text) { range, words in
            var sentence = DocumentObservation.Sentence(words: words)
            while next < kept.count, kept[next].range.lowerBound < range.upperBound {
                for role in terms.roles[Int(kept[next].term)] { record(role, in: &sentence, &observation) }
                next += 1
            }
            if !sentence.groups.isEmpty || !sentence.context.isEmpty {
                observation.sentences.append(sentence)
            } else if words > 0 {
                observation.plainSentences += 1
                observation.plainWords += words
            }
        }
    }

    private func record(
        _ role: TermRole, in sentence: inout DocumentObservation.Sentence, _ observation: inout DocumentObservation
    ) {
        switch role {
        case .identity(let key): sentence.groups.append(key)
        case .occupation(let key), .descriptor(let key): sentence.context.append(key)
        case .pronoun(let group): observation.pronouns.append(group)
        case .offensive(let severity): observation.offensive.append(severity)
        }
    }

    /// The matches not contained in a longer match, ordered by start.
    static func outermost(_ matches: [TermMatch]) -> [TermMatch] {
        let sorted = matches.sorted {
            $0.range.lowerBound != $1.range.lowerBound
                ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound
        }
        var kept: [TermMatch] = []
        var reach = 0
        for match in sorted where match.range.upperBound > reach {
            kept.append(match)
            reach = match.range.upperBound
        }
        return kept
    }
}
