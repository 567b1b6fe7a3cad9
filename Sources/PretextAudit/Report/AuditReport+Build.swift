/// What the report is built over: the lexicon's groups, pairs and context words.
public struct AuditVocabulary: Sendable, Equatable {
    /// Every identity group as `(category, group)`.
    public var groups: [(category: String, group: String)]
    /// The paired groups for skew, as `(category, a, b)`.
    public var pairs: [(category: String, a: String, b: String)]
    /// Occupation keys.
    public var occupations: [String]
    /// Descriptor keys.
    public var descriptors: [String]
    /// The lexicon languages.
    public var languages: [String]

    /// Creates a vocabulary.
    public init(
        groups: [(category: String, group: String)], pairs: [(category: String, a: String, b: String)],
        occupations: [String], descriptors: [String], languages: [String] = []
    ) {
        self.groups = groups
        self.pairs = pairs
        self.occupations = occupations
        self.descriptors = descriptors
        self.languages = languages
    }

    public static func == (lhs: AuditVocabulary, rhs: AuditVocabulary) -> Bool {
        lhs.groups.map { "\($0.category)/\($0.group)" } == rhs.groups.map { "\($0.category)/\($0.group)" }
            && lhs.pairs.map { "\($0.category)/\($0.a)/\($0.b)" } == rhs.pairs.map { "\($0.category)/\($0.a)/\($0.b)" }
            && lhs.occupations == rhs.occupations && lhs.descriptors == rhs.descriptors
            && lhs.languages == rhs.languages
    }
}

extension AuditReport {
    /// Builds the report from merged counts.
    ///
    /// - Parameters:
    ///   - top: associated words listed per group (by nPMI; words co-occurring in at least
    ///     `minimumSentences` sentences).
    public init(
        counts: AuditCounts, drops: DropCounts, vocabulary: AuditVocabulary,
        variant: Association.Variant = .textbook, top: Int = 10, minimumSentences: Int = 2
    ) {
        corpus = Self.corpus(counts)
        coverage = Self.coverage(counts, lexicons: vocabulary.languages)
        representation = vocabulary.groups.map { Self.figures(category: $0.category, group: $0.group, counts) }
        pronouns = Self.pronouns(counts)
        associations = Associations(
            variant: variant.rawValue, sentences: counts.cooccurrence.sentences,
            groups: vocabulary.groups.map {
                Self.associations(
                    group: "\($0.category)/\($0.group)", vocabulary: vocabulary, counts: counts.cooccurrence,
                    variant: variant, top: top, minimumSentences: minimumSentences)
            },
            skew: vocabulary.pairs.map { Self.skew($0, vocabulary: vocabulary, counts: counts.cooccurrence, top: top) })
        content = Self.content(counts)
        disparity = drops.steps.map { step in Self.disparity(step: step, vocabulary: vocabulary, drops: drops) }
    }

    private static func corpus(_ counts: AuditCounts) -> Corpus {
        var languages: [String: Int] = [:]
        var sources: [String: Int] = [:]
        for (slice, count) in counts.documents.counts {
            if slice.hasPrefix("lang:") { languages[String(slice.dropFirst(5))] = count }
            if slice.hasPrefix("source:") { sources[String(slice.dropFirst(7))] = count }
        }
        var histogram: [String: Int] = [:]
        for (key, count) in counts.lengthBuckets.counts where key.slice == "all" { histogram[key.key] = count }
        return Corpus(
            documents: counts.documents["all"], words: counts.words["all"], bytes: counts.bytes["all"],
            languages: languages, sources: sources, lengthHistogram: histogram)
    }

    private static func figures(category: String, group: String, _ counts: AuditCounts) -> GroupFigures {
        let key = "\(category)/\(group)"
        func slice(_ name: String) -> SliceFigures {
            SliceFigures(
                mentions: counts.groupMentions[.init(name, key)], documents: counts.groupDocuments[.init(name, key)],
                perMillionWords: counts.perMillionWords(group: key, slice: name),
                documentFrequency: counts.documentFrequency(group: key, slice: name))
        }
        var byLanguage: [String: SliceFigures] = [:]
        var bySource: [String: SliceFigures] = [:]
        // Slices where the group is mentioned (a corpus has many sources; zeros are implied).
        for name in counts.documents.counts.keys where counts.groupMentions[.init(name, key)] > 0 {
            if name.hasPrefix("lang:") { byLanguage[String(name.dropFirst(5))] = slice(name) }
            if name.hasPrefix("source:") { bySource[String(name.dropFirst(7))] = slice(name) }
        }
        return GroupFigures(
            category: category, group: group, all: slice("all"), byLanguage: byLanguage, bySource: bySource)
    }

    private static func pronouns(_ counts: AuditCounts) -> Pronouns {
        var all: [String: Int] = [:]
        var bySource: [String: [String: Int]] = [:]
        for (key, count) in counts.pronouns.counts {
            if key.slice == "all" { all[key.key] = count }
            if key.slice.hasPrefix("source:") {
                bySource[String(key.slice.dropFirst(7)), default: [:]][key.key] = count
            }
        }
        var gendered: [String: Int] = [:]
        var genderedBySource: [String: (female: Int, male: Int)] = [:]
        for (key, count) in counts.groupMentions.counts where key.key.hasPrefix("gender/") {
            let group = String(key.key.dropFirst(7))
            if key.slice == "all" { gendered[group] = count }
            if key.slice.hasPrefix("source:"), group == "female" || group == "male" {
                let source = String(key.slice.dropFirst(7))
                let pair = genderedBySource[source] ?? (0, 0)
                genderedBySource[source] = group == "female" ? (count, pair.male) : (pair.female, count)
            }
        }
        return Pronouns(
            counts: all, femaleToMale: counts.pronounRatio("female", to: "male"), bySource: bySource,
            femaleToMaleBySource: bySource.compactMapValues { ratio($0["female"] ?? 0, $0["male"] ?? 0) },
            genderedTerms: gendered,
            genderedTermsFemaleToMale: ratio(gendered["female"] ?? 0, gendered["male"] ?? 0),
            genderedTermsFemaleToMaleBySource: genderedBySource.compactMapValues { ratio($0.female, $0.male) })
    }

    /// `female / male`, or `nil` when `male` is 0.
    private static func ratio(_ female: Int, _ male: Int) -> Double? {
        male > 0 ? Double(female) / Double(male) : nil
    }

    private static func associations(
        group: String, vocabulary: AuditVocabulary, counts: CooccurrenceCounts, variant: Association.Variant,
        top: Int, minimumSentences: Int
    ) -> GroupAssociations {
        let words =
            vocabulary.occupations.map { ($0, "occupation") } + vocabulary.descriptors.map { ($0, "descriptor") }
        var found: [AssociatedWord] = []
        for (word, kind) in words {
            let together = counts.pairSentences[.init(group: group, word: word)]
            guard together >= minimumSentences,
                let scores = Association.scores(group: group, word: word, in: counts, variant: variant),
                scores.pmi.isFinite
            else { continue }
            found.append(
                AssociatedWord(word: word, kind: kind, sentences: together, pmi: scores.pmi, npmi: scores.npmi))
        }
        found.sort { $0.npmi != $1.npmi ? $0.npmi > $1.npmi : $0.word < $1.word }
        return GroupAssociations(
            group: group, sentences: counts.groupSentences[group], top: Array(found.prefix(top)))
    }

    private static func skew(
        _ pair: (category: String, a: String, b: String), vocabulary: AuditVocabulary, counts: CooccurrenceCounts,
        top: Int
    ) -> PairSkew {
        let a = "\(pair.category)/\(pair.a)"
        let b = "\(pair.category)/\(pair.b)"
        var words: [SkewedWord] = []
        for word in vocabulary.occupations {
            let aCount = counts.pairSentences[.init(group: a, word: word)]
            let bCount = counts.pairSentences[.init(group: b, word: word)]
            guard aCount + bCount > 0 else { continue }
            let ratio = Skew.logRatio(word: word, a: a, b: b, words: vocabulary.occupations, counts: counts)
            words.append(SkewedWord(word: word, logRatio: ratio, aSentences: aCount, bSentences: bCount))
        }
        words.sort { abs($0.logRatio) != abs($1.logRatio) ? abs($0.logRatio) > abs($1.logRatio) : $0.word < $1.word }
        return PairSkew(category: pair.category, a: pair.a, b: pair.b, occupations: Array(words.prefix(top)))
    }

    private static func content(_ counts: AuditCounts) -> Content {
        var offensive: [String: Int] = [:]
        var pii: [String: Int] = [:]
        for (key, count) in counts.offensiveMentions.counts where key.slice == "all" { offensive[key.key] = count }
        for (key, count) in counts.piiMentions.counts where key.slice == "all" { pii[key.key] = count }
        let words = counts.words["all"]
        let documents = counts.documents["all"]
        func perMillion(_ mentions: [String: Int]) -> Double {
            words > 0 ? Double(mentions.values.reduce(0, +)) * 1_000_000 / Double(words) : 0
        }
        func share(_ count: Int) -> Double { documents > 0 ? Double(count) / Double(documents) : 0 }
        return Content(
            offensiveMentions: offensive, offensiveDocuments: counts.offensiveDocuments["all"],
            offensiveDocumentRate: share(counts.offensiveDocuments["all"]),
            offensivePerMillionWords: perMillion(offensive),
            piiMentions: pii, piiDocuments: counts.piiDocuments["all"],
            piiDocumentRate: share(counts.piiDocuments["all"]), piiPerMillionWords: perMillion(pii))
    }

    private static func disparity(step: String, vocabulary: AuditVocabulary, drops: DropCounts) -> StepDisparity {
        let overall = drops.disparity(group: "", step: step)
        let groups = vocabulary.groups.compactMap { entry -> GroupDisparity? in
            let key = "\(entry.category)/\(entry.group)"
            let result = drops.disparity(group: key, step: step)
            guard result.groupDocuments > 0 else { return nil }
            return GroupDisparity(
                group: key, documents: result.groupDocuments, dropped: result.groupDropped, rate: result.groupRate,
                restRate: result.restRate, difference: result.difference, ciLow: result.interval.lowerBound,
                ciHigh: result.interval.upperBound, z: result.z, pValue: result.pValue, flagged: result.isFlagged)
        }
        return StepDisparity(
            step: step, documents: overall.documents, dropped: overall.dropped, rate: overall.baselineRate,
            groups: groups)
    }
}
