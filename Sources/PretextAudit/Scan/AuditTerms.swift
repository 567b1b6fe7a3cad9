import PretextCore

/// Every term of a set of lexicons with its roles, compiled into one `TermMatcher`, and the
/// vocabulary the report is built over.
public struct AuditTerms: Sendable {
    /// The matcher over every distinct term.
    public let matcher: TermMatcher
    /// The roles of all terms, term after term: term `t`'s are `roles[roleStart[t]..<roleStart[t + 1]]`.
    let roles: [TermRole]
    /// Where each term's roles start in `roles` (one more entry than terms).
    let roleStart: [Int32]
    /// The names of the roles' keys.
    public let keys: AuditKeys
    /// The groups, pairs, occupations and descriptors, for the report.
    public let vocabulary: AuditVocabulary

    /// Compiles `lexicons` (every language into one matcher: their terms do not collide, and a
    /// document in one language may quote another).
    ///
    /// - Throws: `PretextError` when the matcher cannot be built.
    public init(lexicons: LexiconSet) throws {
        var index: [String: Int] = [:]
        var terms: [String] = []
        var roles: [[RoleName]] = []
        var prefixTerms = Set<Int>()
        func add(_ term: String, _ role: RoleName?) {
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
                add(term.term, .context(term.label))
                if !occupations.contains(term.label) { occupations.append(term.label) }
            }
            for term in lexicon.descriptors {
                add(term.term, .context(term.label))
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
        let keys = RoleName.keys(of: roles, groups: groups.map { "\($0.category)/\($0.group)" })
        self.keys = keys
        self.roles = roles.flatMap { $0.map { $0.role(in: keys) } }
        roleStart = roles.reduce(into: [0]) { $0.append($0[$0.count - 1] + Int32($1.count)) }
        vocabulary = AuditVocabulary(
            groups: groups, pairs: pairs, occupations: occupations.sorted(), descriptors: descriptors.sorted())
    }

    /// The roles of the matcher's term `term`.
    @inline(__always)
    func roles(of term: Int32) -> ArraySlice<TermRole> {
        roles[Int(roleStart[Int(term)])..<Int(roleStart[Int(term) + 1])]
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
