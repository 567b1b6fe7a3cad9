import PretextCore

/// A seeded corpus of made-up documents, a share of which come in near-duplicate families
/// (a source and 1–4 variants made by edits, a reorder, boilerplate or exact copying), with the
/// exact Jaccard similarity of every pair of family members as ground truth.
///
/// Nothing is held but the layout (8 bytes a document): every document is a pure function of
/// the seed and its index, regenerated on demand, so corpora of millions of documents can be
/// written as a stream (`forEachDocument`, `forEachFamilyPair`). The same configuration gives
/// the same corpus on every run and platform (all draws come from SplitMix64 and code of this
/// module, not from the standard library's random algorithms).
public struct NearDuplicateCorpus: Sendable {
    /// What was generated.
    public let configuration: Configuration
    private let layout: CorpusLayout
    private let generator: BodyGenerator
    private let idWidth: Int

    /// Lays out a corpus (family sizes and the shuffle); texts are generated on demand.
    public init(_ configuration: Configuration) {
        configuration.validate()
        self.configuration = configuration
        layout = CorpusLayout(configuration)
        generator = BodyGenerator(
            englishWords: configuration.englishWords, chineseCharacters: configuration.chineseCharacters)
        idWidth = max(7, String(max(configuration.documentCount - 1, 0)).count)
    }

    /// The number of documents.
    public var documentCount: Int { configuration.documentCount }

    /// The number of near-duplicate families.
    public var familyCount: Int { layout.familyCount }

    /// The id of the document at `position`: `d` and the position, zero-padded to 7 digits
    /// (more for corpora of 10 million documents or more).
    public func id(at position: Int) -> String {
        let digits = String(position)
        return "d" + String(repeating: "0", count: max(0, idWidth - digits.count)) + digits
    }

    /// The document at output position `position`.
    public func document(at position: Int) -> SyntheticDocument {
        let generation = Int(layout.generationAtPosition[position])
        guard let (family, member) = layout.familyMember(ofGeneration: generation) else {
            return singleton(generation: generation, position: position)
        }
        return familyMember(family: family, member: member, source: source(ofFamily: family))
    }

    /// The members of family `index`, source first.
    public func family(_ index: Int) -> [SyntheticDocument] {
        let source = source(ofFamily: index)
        return (0..<layout.members(ofFamily: index).count).map { member in
            familyMember(family: index, member: member, source: source)
        }
    }

    /// Calls `body` with every document in output order.
    public func forEachDocument(_ body: (SyntheticDocument) throws -> Void) rethrows {
        for position in 0..<documentCount { try body(document(at: position)) }
    }

    /// Calls `body` with every pair of members of every family (see `FamilyPair`), family by
    /// family.
    public func forEachFamilyPair(_ body: (FamilyPair) throws -> Void) rethrows {
        for index in 0..<familyCount {
            for pair in FamilyPair.pairs(of: family(index)) { try body(pair) }
        }
    }

    // MARK: generation

    /// A family's source: language and body drawn from the family's own stream.
    private func source(ofFamily family: Int) -> DocumentBody {
        var rng = SeedMixer.generator(configuration.seed, stream: .familySource, index: family)
        return generator.body(language(using: &rng), using: &rng)
    }

    /// Member `member` of a family: the source itself, or a variant drawn from its own stream.
    private func familyMember(family: Int, member: Int, source: DocumentBody) -> SyntheticDocument {
        var recipe = VariantRecipe.original
        var body = source
        if member > 0 {
            var rng = SeedMixer.generator(configuration.seed, stream: .variant, index: family, sub: member)
            recipe = VariantRecipe.draw(
                editRates: configuration.editRate, exactCopyShare: configuration.exactCopyShare, using: &rng)
            body = VariantMaker.apply(recipe, to: source, using: &rng)
        }
        let position = Int(layout.positionOfGeneration[layout.members(ofFamily: family).lowerBound + member])
        return SyntheticDocument(
            id: id(at: position), text: body.render(), position: position, family: family, member: member,
            language: body.language, recipe: recipe)
    }

    /// A document of no family.
    private func singleton(generation: Int, position: Int) -> SyntheticDocument {
        var rng = SeedMixer.generator(configuration.seed, stream: .singleton, index: generation)
        let body = generator.body(language(using: &rng), using: &rng)
        return SyntheticDocument(
            id: id(at: position), text: body.render(), position: position, family: -1, member: 0,
            language: body.language, recipe: .original)
    }

    /// Chinese with the configured share, else English.
    private func language(using rng: inout SplitMix64) -> SyntheticLanguage {
        rng.chance(configuration.chineseShare) ? .chinese : .english
    }
}
