import PretextSynthetic
import Testing

@Suite("Evaluator and detection curve")
struct EvaluationTests {
    // Family 0: a–b–c chained above the threshold (d below it); family 1: e–f above.
    let pairs = [
        FamilyPair(a: "a", b: "b", family: 0, jaccard: 0.9, editRate: 0.02, operations: [.edit]),
        FamilyPair(a: "a", b: "c", family: 0, jaccard: 0.5, editRate: 0.15, operations: [.edit]),
        FamilyPair(
            a: "b", b: "c", family: 0, jaccard: 0.75, editRate: 0.15, operations: [.edit], aEditRate: 0.02,
            aOperations: [.edit]),
        FamilyPair(a: "a", b: "d", family: 0, jaccard: 0.3, editRate: 0.25, operations: [.edit]),
        FamilyPair(a: "e", b: "f", family: 1, jaccard: 1, editRate: 0, operations: [.copy]),
    ]
    // c comes first in input order, so it is kept and a, b are removed; f before e.
    let order = ["x", "c", "f", "a", "e", "b", "d", "y"]

    @Test func idealRemoval() {
        let ideal = IdealRemoval(pairs: pairs, order: order, threshold: 0.72)
        #expect(ideal.components == [["c", "a", "b"], ["f", "e"]])
        #expect(ideal.keeperOf == ["a": "c", "b": "c", "e": "f"])
    }

    @Test func handMadeCase() {
        // a: TP; e: TP; c: FP (kept one); x: FP (singleton); b: FN.
        let evaluation = DedupeEvaluation(pairs: pairs, order: order, removed: ["a", "e", "c", "x"])
        #expect(evaluation.truePositives == 2)
        #expect(evaluation.falsePositives == 2)
        #expect(evaluation.falseNegatives == 1)
        #expect(evaluation.precision == 0.5)
        #expect(evaluation.recall == 2.0 / 3.0)
        #expect(abs(evaluation.f1 - 4.0 / 7.0) < 1e-12)
        // Any keeper: component {c,a,b} had a and c removed (2 ≤ 2), {f,e} had e: 3 TP, x FP.
        #expect(evaluation.anyKeeper == RemovalScores(truePositives: 3, falsePositives: 1, falseNegatives: 0))
        // Buckets: a → max(0, rate of c 0.15) = 10–20 %; b → max(0.02, 0.15); e → max(0, 0) = 0.
        let buckets = Dictionary(uniqueKeysWithValues: evaluation.recallByEditRate.map { ($0.bucket, $0) })
        #expect(buckets[.upTo20] == BucketRecall(bucket: .upTo20, ideal: 2, found: 1))
        #expect(buckets[.none] == BucketRecall(bucket: .none, ideal: 1, found: 1))
        #expect(buckets[.upTo10]?.recall == nil)
    }

    @Test func thresholdMovesTheIdealSet() {
        let low = DedupeEvaluation(pairs: pairs, order: order, removed: [], threshold: 0.3)
        #expect(low.idealRemovals == 4)
        #expect(low.precision == 1 && low.recall == 0 && low.f1 == 0)
        let high = DedupeEvaluation(pairs: pairs, order: order, removed: [], threshold: 0.95)
        #expect(high.idealRemovals == 1)
    }

    @Test func editRateBuckets() {
        #expect(EditRateBucket(editRate: 0) == .none)
        #expect(EditRateBucket(editRate: 0.01) == .upTo10)
        #expect(EditRateBucket(editRate: 0.10) == .upTo10)
        #expect(EditRateBucket(editRate: 0.15) == .upTo20)
        #expect(EditRateBucket(editRate: 0.3) == .above20)
    }

    @Test func detectionCurveBins() {
        let samples = [
            (0.02, false), (0.04, false), (0.5, true), (0.52, false), (0.54, true), (0.55, true), (1.0, true),
            (0.97, true),
        ].map { DetectionCurve.Sample(similarity: $0.0, detected: $0.1) }
        let bins = DetectionCurve.bins(samples, bands: 14, rows: 8)
        #expect(bins.map(\.lower) == [0, 0.5, 0.55, 0.95])
        #expect(bins.map(\.count) == [2, 3, 1, 2])
        #expect(bins.map(\.detected) == [0, 2, 1, 2])
        #expect(bins[1].measured == 2.0 / 3.0)
        #expect(abs(bins[1].meanSimilarity - 0.52) < 1e-12)
        #expect(bins[3].upper == 1)
        let expected = 1 - power(1 - power(0.52, 8), 14)
        #expect(abs(bins[1].theoretical - expected) < 1e-12)
        #expect(DetectionCurve.probability(similarity: 1, bands: 14, rows: 8) == 1)
        #expect(DetectionCurve.probability(similarity: 0, bands: 14, rows: 8) == 0)
    }

    /// x^n by repeated multiplication.
    private func power(_ x: Double, _ n: Int) -> Double {
        (0..<n).reduce(1.0) { result, _ in result * x }
    }
}
