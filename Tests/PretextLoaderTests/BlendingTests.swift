import PretextTestSupport
import Testing

@testable import PretextLoader

@Suite struct BlendingTests {
    @Test(arguments: [[0.5, 0.3, 0.2], [1, 2, 3, 4], [0.9, 0.1], [1, 1, 1]])
    func mixtureIsExactAtEveryPrefix(weights: [Double]) {
        let blender = MixtureBlender(weights: weights)
        var taken = [Int](repeating: 0, count: weights.count)
        for sample in 0..<20_000 {
            taken[blender.source(ofSample: sample, taken: taken)] += 1
            let count = Double(sample + 1)
            for (source, weight) in blender.weights.enumerated() {
                #expect(abs(Double(taken[source]) - weight * count) <= 1, "sample \(sample), source \(source)")
            }
        }
    }

    @Test func tiesGoToTheLowestSource() {
        let blender = MixtureBlender(weights: [1, 1])
        #expect(blender.source(ofSample: 0, taken: [0, 0]) == 0)
        #expect(blender.source(ofSample: 1, taken: [1, 0]) == 1)
        #expect(blender.source(ofSample: 2, taken: [1, 1]) == 0)
    }

    @Test func loaderFollowsTheBlendAndChangingOneSourceKeepsTheOthersOrder() throws {
        let a = try TemporaryDirectory()
        let b = try TemporaryDirectory()
        let c = try TemporaryDirectory()
        try writeExamples(at: a.path, count: 300)
        try writeExamples(at: b.path, count: 170) { testRecord($0, tag: 1) }
        try writeExamples(at: c.path, count: 90) { testRecord($0, tag: 2) }
        let first = try take(40, from: makeLoader([a.path, b.path], weights: [0.7, 0.3]))
        let second = try take(40, from: makeLoader([a.path, c.path], weights: [0.7, 0.3]))
        // The blend: source of each row in stream order.
        let blender = MixtureBlender(weights: [0.7, 0.3])
        var taken = [0, 0]
        let expected = (0..<320).map { sample -> Int in
            let source = blender.source(ofSample: sample, taken: taken)
            taken[source] += 1
            return source
        }
        #expect(first.flatMap { $0.examples.map(\.source) } == expected)
        // Source a's examples come in the same order whatever the other source is.
        let examplesOfA = { (batches: [Batch]) in batches.flatMap { $0.examples.filter { $0.source == 0 } } }
        #expect(examplesOfA(first) == examplesOfA(second))
        #expect(examplesOfA(first).count == 224)
    }
}
