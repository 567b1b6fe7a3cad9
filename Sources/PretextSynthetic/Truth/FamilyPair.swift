/// The ground truth for one pair of members of a family: the exact Jaccard similarity of
/// their shingle sets and how each was made from the family's source.
///
/// `a` is the member made first (the source when the pair includes it), so `editRate` and
/// `operations` describe `b`, the variant, and `aEditRate`/`aOperations` describe `a` (0 and
/// empty for the source). Pairs of documents of different families are not listed: their texts
/// are independent draws of made-up words, so their similarity is about 0.
///
/// A line of `truth.jsonl`:
/// `{"a":"d0000012","b":"d0000977","family":3,"jaccard":0.81,"edit_rate":0.0213,"ops":["edit"],
/// "a_edit_rate":0,"a_ops":[]}`.
public struct FamilyPair: Sendable, Equatable, Codable {
    /// The id of the member made first.
    public var a: String
    /// The id of the other member.
    public var b: String
    /// The family index.
    public var family: Int
    /// The exact Jaccard similarity of the two shingle sets.
    public var jaccard: Double
    /// `b`'s edit rate with respect to the source.
    public var editRate: Double
    /// `b`'s operations with respect to the source.
    public var operations: [VariantOperation]
    /// `a`'s edit rate with respect to the source (0 for the source).
    public var aEditRate: Double
    /// `a`'s operations with respect to the source (empty for the source).
    public var aOperations: [VariantOperation]

    /// Creates a pair record.
    public init(
        a: String, b: String, family: Int, jaccard: Double, editRate: Double, operations: [VariantOperation],
        aEditRate: Double = 0, aOperations: [VariantOperation] = []
    ) {
        self.a = a
        self.b = b
        self.family = family
        self.jaccard = jaccard
        self.editRate = editRate
        self.operations = operations
        self.aEditRate = aEditRate
        self.aOperations = aOperations
    }

    private enum CodingKeys: String, CodingKey {
        case a, b, family, jaccard
        case editRate = "edit_rate"
        case operations = "ops"
        case aEditRate = "a_edit_rate"
        case aOperations = "a_ops"
    }

    /// Every pair of `members` (one family, source first) with its exact Jaccard similarity.
    public static func pairs(of members: [SyntheticDocument]) -> [FamilyPair] {
        let sets = members.map { ShingleSet($0.text) }
        var pairs: [FamilyPair] = []
        for i in members.indices {
            for j in members.indices where j > i {
                pairs.append(pair(members[i], members[j], jaccard: sets[i].jaccard(sets[j])))
            }
        }
        return pairs
    }

    private static func pair(_ a: SyntheticDocument, _ b: SyntheticDocument, jaccard: Double) -> FamilyPair {
        FamilyPair(
            a: a.id, b: b.id, family: a.family, jaccard: jaccard, editRate: b.recipe.editRate,
            operations: b.recipe.operations, aEditRate: a.recipe.editRate, aOperations: a.recipe.operations)
    }

    /// The record as one line of JSON (no newline), keys in the order shown above.
    public var jsonLine: String {
        var line = "{\"a\":" + JSONText.quoted(a) + ",\"b\":" + JSONText.quoted(b)
        line += ",\"family\":\(family),\"jaccard\":" + JSONText.number(jaccard)
        line += ",\"edit_rate\":" + JSONText.number(editRate) + ",\"ops\":" + Self.json(operations)
        line += ",\"a_edit_rate\":" + JSONText.number(aEditRate) + ",\"a_ops\":" + Self.json(aOperations)
        return line + "}"
    }

    private static func json(_ operations: [VariantOperation]) -> String {
        "[" + operations.map { JSONText.quoted($0.rawValue) }.joined(separator: ",") + "]"
    }
}
