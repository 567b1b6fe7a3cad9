/// True/false positives and negatives of a set of removals, with precision, recall and F1.
///
/// With nothing removed precision is 1; with nothing to remove recall is 1; F1 is 0 when both
/// precision and recall are 0.
public struct RemovalScores: Sendable, Equatable, Codable {
    /// Removed documents that should be removed.
    public var truePositives: Int
    /// Removed documents that should be kept.
    public var falsePositives: Int
    /// Documents that should be removed but were kept.
    public var falseNegatives: Int

    /// Creates scores from the three counts.
    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// TP / (TP + FP).
    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }

    /// TP / (TP + FN).
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }

    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    private func ratio(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 1 : Double(part) / Double(whole)
    }

    private enum CodingKeys: String, CodingKey {
        case truePositives = "true_positives"
        case falsePositives = "false_positives"
        case falseNegatives = "false_negatives"
        case precision, recall, f1
    }

    /// Encodes the counts and the derived figures.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(truePositives, forKey: .truePositives)
        try container.encode(falsePositives, forKey: .falsePositives)
        try container.encode(falseNegatives, forKey: .falseNegatives)
        try container.encode(precision, forKey: .precision)
        try container.encode(recall, forKey: .recall)
        try container.encode(f1, forKey: .f1)
    }

    /// Decodes the counts (the derived figures are recomputed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        truePositives = try container.decode(Int.self, forKey: .truePositives)
        falsePositives = try container.decode(Int.self, forKey: .falsePositives)
        falseNegatives = try container.decode(Int.self, forKey: .falseNegatives)
    }
}
