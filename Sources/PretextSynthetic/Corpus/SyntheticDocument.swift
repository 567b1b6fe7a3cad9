/// One generated document, with what the ground truth knows about it.
public struct SyntheticDocument: Sendable, Equatable {
    /// The id: `d` and the output position, zero-padded (`d0000123`).
    public var id: String
    /// The text.
    public var text: String
    /// The output position (0-based).
    public var position: Int
    /// The family index, or -1 for a singleton.
    public var family: Int
    /// 0 for a family's source (and for singletons), 1… for its variants.
    public var member: Int
    /// English or Chinese.
    public var language: SyntheticLanguage
    /// How the document was made from its source (`.original` for sources and singletons).
    public var recipe: VariantRecipe

    /// Whether the document belongs to no family.
    public var isSingleton: Bool { family < 0 }
}
