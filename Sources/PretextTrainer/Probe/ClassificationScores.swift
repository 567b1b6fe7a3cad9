/// How well predicted classes match the true ones: accuracy and macro-F1 (the mean over
/// classes of each class's F1, taken over the classes that occur among the true or the
/// predicted labels, as scikit-learn's `f1_score(average="macro")`; a class never predicted
/// correctly scores 0).
public struct ClassificationScores: Sendable, Equatable {
    /// Examples scored.
    public let count: Int
    /// The share predicted correctly.
    public let accuracy: Double
    /// The unweighted mean of the per-class F1.
    public let macroF1: Double

    /// The scores of `predicted` against `truth` (same length).
    public init(truth: [Int], predicted: [Int]) {
        precondition(truth.count == predicted.count, "one prediction per example")
        count = truth.count
        let correct = zip(truth, predicted).filter { $0 == $1 }.count
        accuracy = truth.isEmpty ? 0 : Double(correct) / Double(truth.count)
        let classes = Set(truth).union(predicted)
        var f1Sum = 0.0
        for label in classes {
            let truePositives = zip(truth, predicted).filter { $0 == label && $1 == label }.count
            let predictedCount = predicted.filter { $0 == label }.count
            let actualCount = truth.filter { $0 == label }.count
            let denominator = predictedCount + actualCount
            f1Sum += denominator == 0 ? 0 : 2 * Double(truePositives) / Double(denominator)
        }
        macroF1 = classes.isEmpty ? 0 : f1Sum / Double(classes.count)
    }
}
