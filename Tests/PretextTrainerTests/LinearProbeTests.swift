import PretextCore
import Testing

@testable import PretextTrainer

/// The linear probe's parts: the scores, the classifier, the split and the framing.
@Suite struct LinearProbeTests {
    @Test func macroF1AveragesTheClassesOfTheTruthAndThePredictions() {
        // class 0: 1 hit of 2 predicted, 2 true → F1 0.5; class 1: 2 of 3, 2 → 0.8; class 2: never
        // predicted → 0; class 3: predicted once, never true → 0.
        let scores = ClassificationScores(truth: [0, 0, 1, 1, 2, 0], predicted: [0, 1, 1, 1, 0, 3])
        #expect(scores.count == 6)
        #expect(abs(scores.accuracy - 3.0 / 6.0) < 1e-12)
        let f1Class0 = 2.0 * 1 / (2 + 3)
        #expect(abs(scores.macroF1 - (f1Class0 + 0.8 + 0 + 0) / 4) < 1e-12)
        let perfect = ClassificationScores(truth: [2, 0, 1], predicted: [2, 0, 1])
        #expect(perfect.accuracy == 1 && perfect.macroF1 == 1)
    }

    @Test func theClassifierSeparatesSeparableClassesAndIgnoresAConstantColumn() {
        var random = SplitMix64(seed: 3)
        func noise() -> Float { Float(random.next() % 1000) / 1000 - 0.5 }
        var values: [Float] = []
        var labels: [Int] = []
        for index in 0..<90 {
            let label = index % 3
            let center: [Float] = [[4, 0], [0, 4], [-4, -4]][label]
            values += [center[0] + noise(), center[1] + noise(), 7]
            labels.append(label)
        }
        let rows = Matrix(rows: 90, columns: 3, values: values)
        let classifier = SoftmaxRegression(rows: rows, labels: labels, classes: 3)
        #expect(classifier.predict(rows) == labels)
        let unseen = Matrix(rows: 3, columns: 3, values: [4.2, -0.3, 7, 0.1, 3.7, 7, -3.9, -4.4, 7])
        #expect(classifier.predict(unseen) == [0, 1, 2])
    }

    @Test func theSplitHoldsOutAQuarterOfEachClassTheSameWayEveryTime() {
        let labels = [0] + Array(repeating: 1, count: 2) + Array(repeating: 2, count: 9)
        let ids = labels.indices.map { "doc-\($0)" }
        let split = ProbeSplit(labels: labels, ids: ids, seed: 5)
        #expect(Set(split.fitted).union(split.heldOut) == Set(labels.indices))
        #expect(Set(split.fitted).isDisjoint(with: split.heldOut))
        let heldPerClass = (0..<3).map { label in split.heldOut.filter { labels[$0] == label }.count }
        #expect(heldPerClass == [0, 1, 2])
        #expect(ProbeSplit(labels: labels, ids: ids, seed: 5) == split)
        #expect(ProbeSplit(labels: labels, ids: ids, seed: 6).heldOut.count == 3)
    }

    @Test func framingCutsToTheModelsLengthAndPadsTheBatch() {
        let framing = ProbeFraming(prefix: [1], suffix: [2], maxLength: 5, padID: 9)
        #expect(framing.frame([10, 11, 12, 13, 14]) == [1, 10, 11, 12, 2])
        let batch = framing.batch([framing.frame([10, 11, 12, 13]), framing.frame([20])])
        #expect(batch["input_ids"]?.values == [1, 10, 11, 12, 2, 1, 20, 2, 9, 9])
        #expect(batch["length"]?.values == [5, 3])
        #expect(batch["attention_mask"]?.values == [1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
        #expect(batch["positions"]?.values == [0, 1, 2, 3, 4, 0, 1, 2, 0, 0])
    }
}
