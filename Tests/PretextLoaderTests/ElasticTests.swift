import PretextTestSupport
import Testing

@testable import PretextLoader

@Suite struct ElasticTests {
    @Test func restoringAtAnotherWorldSizeCoversTheEpochExactlyOnce() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 1000)
        // Phase 1: 2 ranks, batch 8, 20 steps (320 positions).
        let phase1 = try (0..<2).map { rank in
            try makeLoader([directory.path], batchSize: 8, rank: rank, worldSize: 2)
        }
        var keys = try phase1.flatMap { try take(20, from: $0).flatMap(\.examples) }
        let state = phase1[0].state()
        #expect(state == phase1[1].state() && state.position == 320)
        // Phase 2: 3 ranks, batch 5 (15 positions a step), from the same position, past the epoch.
        let phase2 = try (0..<3).map { rank in
            try makeLoader([directory.path], batchSize: 5, rank: rank, worldSize: 3, state: state)
        }
        let steps = (1000 - 320 + 14) / 15
        let batches = try phase2.map { try take(steps, from: $0) }
        #expect(batches.allSatisfy { $0.count == steps && $0.allSatisfy { $0.size == 5 } })
        keys += batches.flatMap { $0.flatMap(\.examples) }
        let epoch0 = keys.filter { $0.epoch == 0 }.map(\.index)
        #expect(epoch0.count == 1000 && Set(epoch0) == Set(0..<1000))
        #expect(keys.filter { $0.epoch == 1 }.count == 320 + steps * 15 - 1000)
        #expect(phase2.map { $0.state().position } == [320 + steps * 15, 320 + steps * 15, 320 + steps * 15])
    }

    @Test func ranksReadDisjointSlicesOfTheSameStream() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 500)
        let single = try take(6, from: makeLoader([directory.path], batchSize: 12))
        let ranks = try (0..<3).map {
            try take(6, from: makeLoader([directory.path], batchSize: 4, rank: $0, worldSize: 3))
        }
        for step in 0..<6 {
            #expect(single[step].examples == ranks.flatMap { $0[step].examples })
        }
    }
}
