import Foundation
import Testing

@testable import PretextTrainer

@Suite struct CrossEntropyTests {
    @Test func uniformLogitsGiveTheLogOfTheVocabularySize() {
        let vocabulary = 37
        let logits = Matrix(rows: 5, columns: vocabulary, values: [Float](repeating: 0.25, count: 5 * vocabulary))
        let result = CrossEntropy.evaluate(logits: logits, targets: [0, 3, 36, 12, 7])
        #expect(result.count == 5)
        #expect(abs(result.loss - log(Float(vocabulary))) < 1e-5)
    }

    @Test func ignoredRowsAreLeftOutOfTheMeanAndGetNoGradient() {
        var data = TestData(seed: 30)
        let logits = data.matrix(4, 6, scale: 3)
        let full = CrossEntropy.evaluate(logits: logits, targets: [1, -100, 4, -100])
        let kept = Matrix(rows: 2, columns: 6, values: Array(logits.values[0..<6] + logits.values[12..<18]))
        let reference = CrossEntropy.evaluate(logits: kept, targets: [1, 4])
        #expect(full.count == 2)
        #expect(abs(full.loss - reference.loss) < 1e-6)
        #expect(Array(full.gradient.values[6..<12]) == [Float](repeating: 0, count: 6))
        #expect(Array(full.gradient.values[18..<24]) == [Float](repeating: 0, count: 6))
        #expect(Array(full.gradient.values[0..<6]) == Array(reference.gradient.values[0..<6]))
    }

    @Test func nothingCountedGivesZeroLossAndGradient() {
        let result = CrossEntropy.evaluate(logits: Matrix(rows: 2, columns: 3), targets: [-100, -100])
        #expect(result.count == 0 && result.loss == 0 && result.correct == 0)
        #expect(result.gradient.values.allSatisfy { $0 == 0 })
    }

    @Test func lossMatchesTheDefinitionAndAccuracyCountsArgMaxHits() {
        let logits = Matrix(rows: 2, columns: 3, values: [1, 2, 3, 0, 5, -1])
        let result = CrossEntropy.evaluate(logits: logits, targets: [2, 0])
        let first = log(exp(1.0) + exp(2.0) + exp(3.0)) - 3
        let second = log(exp(0.0) + exp(5.0) + exp(-1.0)) - 0
        #expect(abs(Double(result.loss) - (first + second) / 2) < 1e-6)
        #expect(result.correct == 1)
    }

    @Test func gradientMatchesFiniteDifferences() {
        var data = TestData(seed: 31)
        var logits = data.matrix(6, 9, scale: 2)
        let targets: [Int32] = [3, -100, 0, 8, 5, -100]
        let analytic = CrossEntropy.evaluate(logits: logits, targets: targets).gradient
        let numeric = GradientCheck.numericGradient(
            count: logits.count, step: 1e-2, perturb: { logits.values[$0] += $1 },
            loss: { Double(CrossEntropy.evaluate(logits: logits, targets: targets).loss) })
        expectClose(analytic.values, numeric, absolute: 5e-4, relative: 1e-2)
    }

    @Test func resultsDoNotDependOnTheThreadCount() {
        var data = TestData(seed: 32)
        let logits = data.matrix(64, 1000, scale: 4)
        let targets = (0..<64).map { $0 % 5 == 0 ? CrossEntropy.ignoreIndex : Int32(data.integer(below: 1000)) }
        let (one, two) = ThreadCounts.compare { CrossEntropy.evaluate(logits: logits, targets: targets) }
        #expect(one.loss == two.loss && one.correct == two.correct && one.gradient == two.gradient)
    }
}
