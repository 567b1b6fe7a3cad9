import PretextCore

/// Every term of a set of lexicons with its roles, compiled into one `TermMatcher`, and the
/// vocabulary the report is built over.
public struct AuditTerms: Sendable {
    /// The matcher over every distinct term.
    public let matcher: TermMatcher
    /// The roles of each term, by the matcher's term index.
    let roles: [[TermRole]]
    /// The groups, pairs, occupations and descriptors, for the report.
    public let vocabulary: AuditVocabulary

    /// Compiles `lexicons` (every language into one matcher: their terms do not collide, and a
    /// document in one language may quote another).
    ///
    /// - Throws: `PretextError` when the matcher cannot be built.
    public init(lexicons: LexiconSet) throws {
        var index: [String: Int] = [:]
        var terms: [String] = []
        var roles: [[TermRole]] = []
        var prefixTerms = Set<Int>()
        func add(_ term: String, _ role: TermRole?) {
            let position = index[term] ?? terms.count
            if position == terms.count {
                index[term] = position
                terms.append(term)
                roles.append([])
            }
            guard let role else { return }
            if !roles[position].contains(role) { roles[position].append(role) }
            if case .pronoun = role { prefixTerms.insert(position) }
        }
        var groups: [(category: String, group: String)] = []
        var pairs: [(category: String, a: String, b: String)] = []
        var occupations: [String] = []
        var descriptors: [String] = []
        for language in lexicons.languages {
            guard let lexicon = lexicons.lexicon(for: language) else { continue }
            for term in lexicon.identity {
                let key = "\(term.category.rawValue)/\(term.group)"
                add(term.term, .identity(key))
                if !groups.contains(where: { "\($0.category)/\($0.group)" == key }) {
                    groups.append((term.category.rawValue, term.group))
                }
            }
            for term in lexicon.pronouns { add(term.term, .pronoun(term.label)) }
            for term in lexicon.occupations {
                add(term.term, .occupation(term.label))
                if !occupations.contains(term.label) { occupations.append(term.label) }
            }
            for term in lexicon.descriptors {
                add(term.term, .descriptor(term.label))
                if !descriptors.contains(term.label) { descriptors.append(term.label) }
            }
            for term in lexicon.offensive { add(term.term, .offensive(term.severity.rawValue)) }
            // Exclusions match like terms and count as nothing: the longest match wins. Like the
            // pronouns they may end inside a longer dictionary word, so they cover them.
            for term in lexicon.exclusions {
                add(term.term, nil)
                if let position = index[term.term] { prefixTerms.insert(position) }
            }
            for pair in lexicon.pairs
            where !pairs.contains(where: {
                $0.category == pair.category.rawValue && $0.a == pair.groupA && $0.b == pair.groupB
            }) {
                pairs.append((pair.category.rawValue, pair.groupA, pair.groupB))
            }
        }
        groups.sort { ($0.category, $0.group) < ($1.category, $1.group) }
        matcher = try TermMatcher(terms: terms, wordPrefixes: prefixTerms)
        self.roles = roles
        vocabulary = AuditVocabulary(
            groups: groups, pairs: pairs, occupations: occupations.sorted(), descriptors: descriptors.sorted())
    }
}
