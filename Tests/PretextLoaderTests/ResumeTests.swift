import PretextCore
import PretextTestSupport
import Testing

@testable import PretextLoader

@Suite struct ResumeTests {
    /// `total` batches in one go equal the batches of runs cut at `cuts`, each resumed from the
    /// JSON of the previous run's state by a new loader.
    func expectResumedRunsMatch(
        _ roots: [String], weights: [Double]? = nil, total: Int, cuts: [Int], workers: Int = 0
    ) throws {
        let uninterrupted = try take(total, from: makeLoader(roots, weights: weights, workers: workers))
        var resumed: [Batch] = []
        var state: LoaderState?
        for (start, end) in zip([0] + cuts, cuts + [total]) {
            let loader = try makeLoader(roots, weights: weights, workers: workers, state: state)
            resumed += try take(end - start, from: loader)
            state = try LoaderState(json: loader.state().json)
        }
        #expect(resumed == uninterrupted)
        #expect(state?.position == total * 8)
    }

    @Test func resumedRunGivesTheSameBatchesByteForByte() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 1000)
        try expectResumedRunsMatch([directory.path], total: 30, cuts: [11])
        try expectResumedRunsMatch([directory.path], total: 30, cuts: [11], workers: 2)
    }

    @Test func repeatedResumes() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 1000)
        try expectResumedRunsMatch([directory.path], total: 40, cuts: [1, 2, 9, 10, 25, 39])
    }

    @Test func resumeAcrossAnEpochBoundary() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 300)  // 37.5 batches of 8
        try expectResumedRunsMatch([directory.path], total: 90, cuts: [37, 38, 75])
        let loader = try makeLoader([directory.path])
        let batches = try take(75, from: loader)  // 600 positions: two epochs exactly
        #expect(loader.epochs == [2])
        for epoch in 0..<2 {
            let keys = batches.flatMap(\.examples).filter { $0.epoch == epoch }
            #expect(keys.count == 300 && Set(keys.map(\.index)) == Set(0..<300))
        }
        // The batch holding the boundary has examples of both epochs.
        #expect(Set(batches[37].examples.map(\.epoch)) == [0, 1])
    }

    @Test func resumeWithMixing() throws {
        let a = try TemporaryDirectory()
        let b = try TemporaryDirectory()
        try writeExamples(at: a.path, count: 300)
        try writeExamples(at: b.path, count: 170) { testRecord($0, tag: 1) }
        try expectResumedRunsMatch([a.path, b.path], weights: [0.7, 0.3], total: 60, cuts: [13, 41])
        try expectResumedRunsMatch([a.path, b.path], weights: [0.7, 0.3], total: 60, cuts: [29], workers: 2)
    }

    @Test func resumeOnTheSameLoaderDropsPrefetchedBatches() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 500)
        let loader = try makeLoader([directory.path], workers: 2)
        let first = try take(10, from: loader)
        let saved = loader.state()
        let next = try take(5, from: loader)
        try loader.resume(from: saved)
        #expect(try take(5, from: loader) == next)
        try loader.resume(from: LoaderState(seed: 7, position: 0, sources: [:]))
        #expect(try take(10, from: loader) == first)
    }

    @Test func stateJSONRoundTripsAndRefusesOtherText() throws {
        let state = LoaderState(seed: 18_446_744_073_709_551_615, position: 1536, sources: ["wiki": 1024, "b\"x": 512])
        #expect(
            state.json
                == #"{"version":1,"seed":18446744073709551615,"position":1536,"sources":{"b\"x":512,"wiki":1024}}"#)
        #expect(try LoaderState(json: state.json) == state)
        for text in [
            "", "[]", #"{"version":2,"seed":1,"position":0,"sources":{}}"#, #"{"version":1,"position":0}"#,
            #"{"version":1,"seed":1,"position":-1,"sources":{}}"#,
            #"{"version":1,"seed":1,"position":0,"sources":{"a":-2}}"#,
        ] {
            #expect(throws: PretextError.self) { try LoaderState(json: text) }
        }
    }
}
