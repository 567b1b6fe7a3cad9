import PretextSynthetic

/// What pretext-dedupe-eval prints: the corpus size and the evaluation, plus the detection
/// curve when candidates were given.
struct Report: Encodable {
    var documents: Int
    var familyPairs: Int
    var evaluation: DedupeEvaluation
    var curve: CurveReport?

    private enum CodingKeys: String, CodingKey {
        case documents
        case familyPairs = "family_pairs"
        case curve = "detection_curve"
    }

    /// The evaluation's figures at the top level, next to the other keys.
    func encode(to encoder: any Encoder) throws {
        try evaluation.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(documents, forKey: .documents)
        try container.encode(familyPairs, forKey: .familyPairs)
        try container.encodeIfPresent(curve, forKey: .curve)
    }
}

/// The detection curve and its LSH parameters.
struct CurveReport: Encodable {
    var bands: Int
    var rows: Int
    var bins: [DetectionCurve.Bin]
}
