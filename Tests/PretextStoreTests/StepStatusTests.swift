import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

/// One place decides whether a task is done: merged, finished in its part, or pending.
@Suite struct StepStatusTests {
    private func status(_ dataset: Dataset, hash: String = "h1", worldSize: Int = 2) throws -> StepStatus {
        try StepStatus(dataset: dataset, step: 1, stage: "ingest", configHash: hash, worldSize: worldSize)
    }

    @Test func tasksMoveFromPendingToFinishedToMerged() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        #expect(try status(dataset).ranks(.pending) == [0, 1])
        try writeRank(dataset, rank: 0, worldSize: 2)
        #expect(try status(dataset).task(0) == .finished && status(dataset).task(1) == .pending)
        #expect(try status(dataset).doneRanks == [0])
        #expect(try status(dataset, hash: "h2").task(0) == .pending, "done with another configuration")
        #expect(
            try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 2)
                == .waiting(ranks: [1]))
        try writeRank(dataset, rank: 1, worldSize: 2)
        _ = try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 2)
        let merged = try status(dataset)
        #expect(merged.ranks(.merged) == [0, 1] && merged.conflictingRun == nil && !merged.isForeign)
    }

    @Test func anotherConfigurationIsForeignAndConflicts() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 1)
        _ = try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 1)
        let other = try status(dataset, hash: "h2", worldSize: 1)
        #expect(other.isForeign && other.conflictingRun?.configHash == "h1")
        #expect(other.task(0) == .pending)
        let wider = try status(dataset, worldSize: 2)
        #expect(wider.isForeign && wider.conflictingRun?.worldSize == 1)
    }

    @Test func aDamagedPartCatalogIsPending() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 1)
        try dir.write("parts/01-ingest-r00000.sqlite", "not a database")
        #expect(try status(dataset, worldSize: 1).task(0) == .pending)
    }
}
