import Foundation
import Testing

@testable import PretextTrainer

/// The InfoNCE kernel and the row normalization against plain `Double` versions of their
/// definitions and against finite differences.
@Suite struct ContrastiveLossTests {
    /// The loss of the definition: `mean_i (logsumexp_j cos(aᵢ, cⱼ)/τ − cos(aᵢ, cᵢ)/τ)`.
    static func plainLoss(_ anchors: [[Double]], _ candidates: [[Double]], temperature: Double) -> Double {
        func cosine(_ x: [Double], _ y: [Double]) -> Double {
            let dot = zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
            let norms = (x.reduce(0) { $0 + $1 * $1 }.squareRoot()) * (y.reduce(0) { $0 + $1 * $1 }.squareRoot())
            return dot / norms
        }
        var total = 0.0
        for (i, anchor) in anchors.enumerated() {
            let logits = candidates.map { cosine(anchor, $0) / temperature }
            let top = logits.max()!
            total += top + log(logits.reduce(0) { $0 + exp($1 - top) }) - logits[i]
        }
        return total / Double(anchors.count)
    }

    static func rows(_ matrix: Matrix) -> [[Double]] {
        (0..<matrix.rows).map { row in (0..<matrix.columns).map { Double(matrix[row, $0]) } }
    }

    /// The plain loss's gradient by central differences in `Double`.
    static func plainGradient(
        _ anchors: [[Double]], _ candidates: [[Double]], temperature: Double, ofAnchors: Bool
    ) -> [Float] {
        let target = ofAnchors ? anchors : candidates
        var gradient: [Float] = []
        let step = 1e-6
        for row in target.indices {
            for column in target[row].indices {
                var plus = target
                var minus = target
                plus[row][column] += step
                minus[row][column] -= step
                let (up, down) =
                    ofAnchors
                    ? (
                        plainLoss(plus, candidates, temperature: temperature),
                        plainLoss(minus, candidates, temperature: temperature)
                    )
                    : (
                        plainLoss(anchors, plus, temperature: temperature),
                        plainLoss(anchors, minus, temperature: temperature)
                    )
                gradient.append(Float((up - down) / (2 * step)))
            }
        }
        return gradient
    }

    @Test(arguments: [(4, 4), (4, 8), (3, 6)], [0.05, 0.5])
    func lossAndGradientsAreTheDefinitions(shape: (pairs: Int, candidates: Int), temperature: Double) {
        var data = TestData(seed: 5)
        let anchors = data.matrix(shape.pairs, 6)
        // Each positive near its anchor, so some anchors retrieve it first and some do not.
        var candidates = data.matrix(shape.candidates, 6)
        for index in 0..<(shape.pairs * 6) { candidates.values[index] += anchors.values[index] * 0.8 }
        let result = InfoNCE.evaluate(anchors: anchors, candidates: candidates, temperature: Float(temperature))
        let (a, c) = (Self.rows(anchors), Self.rows(candidates))
        let loss = Self.plainLoss(a, c, temperature: temperature)
        expectClose([result.loss], [Float(loss)], absolute: 1e-5, relative: 1e-5, "loss")
        #expect(result.count == shape.pairs)
        let correct = a.indices.filter { i in
            let scores = c.map { candidate in
                zip(a[i], candidate).reduce(0) { $0 + $1.0 * $1.1 }
                    / (candidate.reduce(0) { $0 + $1 * $1 }.squareRoot())
            }
            return scores.firstIndex(of: scores.max()!) == i
        }.count
        #expect(result.correct == correct)
        expectClose(
            result.gradAnchors.values, Self.plainGradient(a, c, temperature: temperature, ofAnchors: true),
            absolute: 1e-4, relative: 1e-3, "anchors' gradient")
        expectClose(
            result.gradCandidates.values, Self.plainGradient(a, c, temperature: temperature, ofAnchors: false),
            absolute: 1e-4, relative: 1e-3, "candidates' gradient")
    }

    @Test(arguments: [4, 8])
    func identicalEncodingsCostLnOfTheCandidates(candidates: Int) {
        let vector: [Float] = [0.3, -1, 2, 0.5]
        let anchors = Matrix(rows: 4, columns: 4, values: Array([[Float]](repeating: vector, count: 4).joined()))
        let all = Matrix(
            rows: candidates, columns: 4, values: Array([[Float]](repeating: vector, count: candidates).joined()))
        let result = InfoNCE.evaluate(anchors: anchors, candidates: all, temperature: 0.05)
        expectClose([result.loss], [Float(log(Double(candidates)))], absolute: 1e-5, relative: 1e-5)
        #expect(result.correct == 1, "ties go to the first candidate: only anchor 0 retrieves its own")
    }

    @Test func normalizationMatchesFiniteDifferences() {
        var data = TestData(seed: 6)
        let input = data.matrix(3, 5)
        let weights = data.matrix(3, 5)
        let (output, cache) = RowNormalization.forward(input)
        for row in 0..<3 {
            let norm = (0..<5).reduce(Float(0)) { $0 + output[row, $1] * output[row, $1] }
            #expect(abs(norm - 1) < 1e-6)
        }
        let gradient = RowNormalization.backward(weights, cache: cache)
        var perturbed = input
        let numeric = GradientCheck.numericGradient(
            count: input.count, step: 1e-3, perturb: { perturbed.values[$0] += $1 },
            loss: { GradientCheck.weightedSum(RowNormalization.forward(perturbed).output, weights) })
        expectClose(gradient.values, numeric, absolute: 1e-3, relative: 1e-2)
    }

    @Test func aZeroRowStaysZero() {
        let (output, _) = RowNormalization.forward(Matrix(rows: 1, columns: 3))
        #expect(output.values == [0, 0, 0])
    }
}
