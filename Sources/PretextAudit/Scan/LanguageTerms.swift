/// One language's terms compiled into a `TermMatcher`, with each term's roles: what the
/// audit matches in a document whose lexicon is that language's (`LexiconChoice`).
struct LanguageTerms: Sendable {
    /// The lexicon's language code.
    let language: String
    /// The matcher over the language's distinct terms.
    let matcher: TermMatcher
    /// The roles of all terms, term after term: term `t`'s are `roles[roleStart[t]..<roleStart[t + 1]]`.
    private let roles: [TermRole]
    /// Where each term's roles start in `roles` (one more entry than terms).
    private let roleStart: [Int32]

    /// Compiles `terms` (distinct) with their `roles` (one array per term, empty for an
    /// exclusion); the terms at `prefixes` may end inside a longer dictionary word.
    ///
    /// - Throws: `PretextError` when the matcher cannot be built.
    init(language: String, terms: [String], roles: [[TermRole]], prefixes: Set<Int>) throws {
        self.language = language
        matcher = try TermMatcher(terms: terms, wordPrefixes: prefixes)
        self.roles = roles.flatMap { $0 }
        roleStart = roles.reduce(into: [0]) { $0.append($0[$0.count - 1] + Int32($1.count)) }
    }

    /// The roles of the matcher's term `term`.
    @inline(__always)
    func roles(of term: Int32) -> ArraySlice<TermRole> {
        roles[Int(roleStart[Int(term)])..<Int(roleStart[Int(term) + 1])]
    }
}
