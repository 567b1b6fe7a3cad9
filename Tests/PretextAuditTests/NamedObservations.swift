@testable import PretextAudit

/// Builds observations from names (`gender/female`, `nurse`, `female`, `mild`) for tests,
/// over keys that hold every name used.
struct NamedObservations {
    let keys: AuditKeys

    init(
        groups: [String], context: [String] = [], pronouns: [String] = ["female", "male"],
        severities: [String] = ["mild"]
    ) {
        keys = AuditKeys(groups: groups, context: context, pronouns: pronouns, severities: severities)
    }

    /// A document of `sentences` (words, groups, context words).
    func document(
        language: String = "en", source: String = "s", bytes: Int = 10, _ sentences: [(Int, [String], [String])],
        pronouns: [String] = [], offensive: [String] = [], pii: [(type: String, count: Int)] = []
    ) -> DocumentObservation {
        var observation = DocumentObservation(
            language: language, source: source, bytes: bytes,
            sentences: sentences.map { words, groups, context in
                .init(
                    words: words, groups: groups.map { keys.group($0)! }, context: context.map { keys.contextWord($0)! }
                )
            },
            pronouns: pronouns.map { keys.pronoun($0)! }, offensive: offensive.map { keys.severity($0)! }, pii: pii)
        observation.lexicon = LexiconChoice(lexicon: language, basis: .language)
        return observation
    }

    /// A document mentioning `groups`, for drop counts.
    func mentioning(_ groups: [String]) -> DocumentObservation {
        document([(3, groups, [])])
    }

    /// The partial counts of `documents`.
    func tally(_ documents: [DocumentObservation]) -> AuditPartial {
        var tally = AuditTally(keys: keys)
        for document in documents { tally.add(document) }
        return tally.partial()
    }
}
