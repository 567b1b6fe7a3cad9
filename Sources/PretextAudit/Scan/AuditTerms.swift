import PretextCore

/// Every lexicon's terms with their roles, compiled into one `TermMatcher` per language, and
/// the vocabulary the report is built over (shared by all languages: slugs are common).
public struct AuditTerms: Sendable {
    /// The lexicons, for choosing one per document (`LexiconChoice`).
    public let lexicons: LexiconSet
    /// The compiled terms of each lexicon language.
    let languages: [String: LanguageTerms]
    /// The names of the roles' keys.
    public let keys: AuditKeys
    /// The groups, pairs, occupations and descriptors, for the report.
    public let vocabulary: AuditVocabulary

    /// Compiles `lexicons`: one matcher per language, since a document is matched against its
    /// own language's lexicon only (`LexiconChoice`).
    ///
    /// - Throws: `PretextError` when a matcher cannot be built.
    public init(lexicons: LexiconSet) throws {
        self.lexicons = lexicons
        let named = lexicons.languages.compactMap { lexicons.lexicons[$0] }.map(NamedTerms.init)
        var groups: [(category: String, group: String)] = []
        var pairs: [(category: String, a: String, b: String)] = []
        var occupations: [String] = []
        var descriptors: [String] = []
        for lexicon in lexicons.languages.compactMap({ lexicons.lexicons[$0] }) {
            for term in lexicon.identity where !groups.contains(where: { $0 == (term.category.rawValue, term.group) }) {
                groups.append((term.category.rawValue, term.group))
            }
            for term in lexicon.occupations where !occupations.contains(term.label) { occupations.append(term.label) }
            for term in lexicon.descriptors where !descriptors.contains(term.label) { descriptors.append(term.label) }
            for pair in lexicon.pairs
            where !pairs.contains(where: { $0 == (pair.category.rawValue, pair.groupA, pair.groupB) }) {
                pairs.append((pair.category.rawValue, pair.groupA, pair.groupB))
            }
        }
        groups.sort { ($0.category, $0.group) < ($1.category, $1.group) }
        let keys = RoleName.keys(of: named.flatMap(\.roles), groups: groups.map { "\($0.category)/\($0.group)" })
        self.keys = keys
        var compiled: [String: LanguageTerms] = [:]
        for terms in named {
            compiled[terms.language] = try LanguageTerms(
                language: terms.language, terms: terms.terms,
                roles: terms.roles.map { $0.map { $0.role(in: keys) } }, prefixes: terms.prefixes)
        }
        languages = compiled
        vocabulary = AuditVocabulary(
            groups: groups, pairs: pairs, occupations: occupations.sorted(), descriptors: descriptors.sorted(),
            languages: lexicons.languages)
    }

    /// The compiled terms of the lexicon `choice` names, if any.
    func terms(for choice: LexiconChoice) -> LanguageTerms? {
        choice.basis == .none ? nil : languages[choice.lexicon]
    }
}

/// One lexicon's distinct terms with their roles by name, before the names are numbered.
private struct NamedTerms {
    let language: String
    var terms: [String] = []
    var roles: [[RoleName]] = []
    /// Terms that may end inside a longer dictionary word: pronouns and exclusions.
    var prefixes = Set<Int>()
    private var index: [String: Int] = [:]

    init(_ lexicon: Lexicon) {
        language = lexicon.language
        for term in lexicon.identity { add(term.term, .identity("\(term.category.rawValue)/\(term.group)")) }
        for term in lexicon.pronouns { add(term.term, .pronoun(term.label), prefix: true) }
        for term in lexicon.occupations { add(term.term, .context(term.label)) }
        for term in lexicon.descriptors { add(term.term, .context(term.label)) }
        for term in lexicon.offensive { add(term.term, .offensive(term.severity.rawValue)) }
        // Exclusions match like terms and count as nothing: the longest match wins. Like the
        // pronouns they may end inside a longer dictionary word, so they cover them.
        for term in lexicon.exclusions { add(term.term, nil, prefix: true) }
    }

    private mutating func add(_ term: String, _ role: RoleName?, prefix: Bool = false) {
        let position = index[term] ?? terms.count
        if position == terms.count {
            index[term] = position
            terms.append(term)
            roles.append([])
        }
        if prefix { prefixes.insert(position) }
        if let role, !roles[position].contains(role) { roles[position].append(role) }
    }
}

/// A term's role by name, while the lexicons are read; `AuditTerms` then numbers the names.
private enum RoleName: Hashable {
    case identity(String)
    case pronoun(String)
    case context(String)
    case offensive(String)

    /// Keys for every name in `roles`: groups in `groups`' order, the others in order of first use.
    static func keys(of roles: [[RoleName]], groups: [String]) -> AuditKeys {
        var context: [String] = []
        var pronouns: [String] = []
        var severities: [String] = []
        for role in roles.joined() {
            switch role {
            case .identity: break
            case .context(let name): if !context.contains(name) { context.append(name) }
            case .pronoun(let name): if !pronouns.contains(name) { pronouns.append(name) }
            case .offensive(let name): if !severities.contains(name) { severities.append(name) }
            }
        }
        return AuditKeys(groups: groups, context: context, pronouns: pronouns, severities: severities)
    }

    /// The role with its name replaced by its key in `keys`.
    func role(in keys: AuditKeys) -> TermRole {
        // Every name is in keys: keys(of:groups:) collected them all.
        switch self {
        case .identity(let name): .identity(keys.group(name)!)
        case .context(let name): .context(keys.contextWord(name)!)
        case .pronoun(let name): .pronoun(keys.pronoun(name)!)
        case .offensive(let name): .offensive(keys.severity(name)!)
        }
    }
}
