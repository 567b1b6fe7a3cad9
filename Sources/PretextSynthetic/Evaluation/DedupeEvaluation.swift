/// How well a dedupe tool's removals match the ideal removals of the ground truth.
///
/// `scores` compares the removed ids with `IdealRemoval` exactly: a tool that keeps another
/// member of a component than the first in input order scores one false positive and one
/// false negative for it. `anyKeeper` forgives that: in a component of k documents, up to
/// k − 1 removals of its members count as true positives, whichever member is kept.
/// Removals outside every component (singletons, or family members below the threshold)
/// are false positives in both.
public struct DedupeEvaluation: Sendable, Codable {
    /// The Jaccard threshold of the ideal removals.
    public var threshold: Double
    /// The number of documents the tool removed.
    public var reportedRemovals: Int
    /// The number of documents the ideal filter removes.
    public var idealRemovals: Int
    /// The number of components (≥ 2 documents) at the threshold.
    public var components: Int
    /// The removals against the ideal removals, id for id.
    public var scores: RemovalScores
    /// The removals against the ideal removals, whichever member of a component is kept.
    public var anyKeeper: RemovalScores
    /// Recall of the ideal removals by edit-rate bucket (see `init`).
    public var recallByEditRate: [BucketRecall]

    /// Scores `removed` against the ideal removals of `pairs` at `threshold` for the input
    /// `order`. The bucket of an ideal removal is that of the larger of its own edit rate and
    /// the edit rate of the document kept in its component (a source's is 0).
    public init(pairs: [FamilyPair], order: [String], removed: Set<String>, threshold: Double = 0.72) {
        self.init(ideal: IdealRemoval(pairs: pairs, order: order, threshold: threshold), removed: removed)
    }

    /// Scores `removed` against precomputed ideal removals.
    public init(ideal: IdealRemoval, removed: Set<String>) {
        threshold = ideal.threshold
        reportedRemovals = removed.count
        idealRemovals = ideal.keeperOf.count
        components = ideal.components.count
        let truePositives = ideal.keeperOf.keys.reduce(0) { $0 + (removed.contains($1) ? 1 : 0) }
        scores = RemovalScores(
            truePositives: truePositives, falsePositives: removed.count - truePositives,
            falseNegatives: idealRemovals - truePositives)
        anyKeeper = Self.anyKeeperScores(ideal: ideal, removed: removed)
        recallByEditRate = Self.bucketRecall(ideal: ideal, removed: removed)
    }

    /// True positives, false positives, false negatives (the `scores` figures).
    public var truePositives: Int { scores.truePositives }
    /// See `scores`.
    public var falsePositives: Int { scores.falsePositives }
    /// See `scores`.
    public var falseNegatives: Int { scores.falseNegatives }
    /// See `scores`.
    public var precision: Double { scores.precision }
    /// See `scores`.
    public var recall: Double { scores.recall }
    /// See `scores`.
    public var f1: Double { scores.f1 }

    /// Per component, min(removed members, size − 1) true positives.
    private static func anyKeeperScores(ideal: IdealRemoval, removed: Set<String>) -> RemovalScores {
        var truePositives = 0
        for component in ideal.components {
            let hits = component.reduce(0) { $0 + (removed.contains($1) ? 1 : 0) }
            truePositives += min(hits, component.count - 1)
        }
        return RemovalScores(
            truePositives: truePositives, falsePositives: removed.count - truePositives,
            falseNegatives: ideal.keeperOf.count - truePositives)
    }

    /// Ideal removals and the ones found, by edit-rate bucket.
    private static func bucketRecall(ideal: IdealRemoval, removed: Set<String>) -> [BucketRecall] {
        var counts: [EditRateBucket: (ideal: Int, found: Int)] = [:]
        for (id, keeper) in ideal.keeperOf {
            let rate = max(ideal.editRateOf[id] ?? 0, ideal.editRateOf[keeper] ?? 0)
            let bucket = EditRateBucket(editRate: rate)
            counts[bucket, default: (0, 0)].ideal += 1
            if removed.contains(id) { counts[bucket, default: (0, 0)].found += 1 }
        }
        return EditRateBucket.allCases.map { bucket in
            let count = counts[bucket] ?? (0, 0)
            return BucketRecall(bucket: bucket, ideal: count.ideal, found: count.found)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case threshold, components, scores
        case reportedRemovals = "reported_removals"
        case idealRemovals = "ideal_removals"
        case anyKeeper = "any_keeper"
        case recallByEditRate = "recall_by_edit_rate"
    }
}
