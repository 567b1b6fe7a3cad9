import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextLoader

@Suite struct PrefetchTests {
    @Test func batchesAreIdenticalWithZeroOneOrTwoWorkers() throws {
        let a = try TemporaryDirectory()
        let b = try TemporaryDirectory()
        try writeExamples(at: a.path, count: 700)
        try writeExamples(at: b.path, count: 230) { testRecord($0, tag: 1) }
        let runs = try [0, 1, 2].map { workers in
            try take(200, from: makeLoader([a.path, b.path], weights: [2, 1], padding: .longest, workers: workers))
        }
        #expect(runs[0] == runs[1] && runs[1] == runs[2])
        #expect(Set(runs[0].flatMap(\.examples).map(\.epoch)) == [0, 1, 2])  // several epochs
    }

    /// Every prefetch depth against every worker count, with a consumer that sometimes stops to
    /// work and sometimes takes batches as fast as it can (so workers both run ahead until they
    /// sleep and fall behind until the consumer sleeps): the same batches as on the caller's
    /// thread, and no thread waits for another forever.
    @Test(.timeLimit(.minutes(1)), arguments: [1, 2, 3, 8])
    func everyDepthAndWorkerCountGivesTheSameBatches(depth: Int) throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 400)
        let reference = try take(60, from: makeLoader([directory.path]))
        for workers in 1...3 {
            var configuration = try makeLoader([directory.path], workers: workers).configuration
            configuration.prefetchBatches = depth
            let loader = try DataLoader(configuration)
            var batches: [Batch] = []
            for index in 0..<60 {
                batches.append(try loader.next())
                if index % 7 == 0 { usleep(2000) }
            }
            #expect(batches == reference, "\(workers) workers, depth \(depth)")
        }
    }

    @Test func aDamagedFrameIsReportedNotUsed() throws {
        let directory = try TemporaryDirectory()
        let dataset = try writeExamples(at: directory.path, count: 500)
        let shard = try #require(try ExampleIndex(dataset: dataset).shards.first)
        let path = dataset.path(shard.path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[40] ^= 0x55
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for workers in [0, 2] {
            let loader = try makeLoader([directory.path], workers: workers)
            let error = try #require(throws: PretextError.self) { try take(70, from: loader) }
            #expect(error.code == .corrupt && error.path == path)
        }
    }

    @Test func closeStopsTheWorkersAndTheLoaderGoesOn() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 300)
        let reference = try take(12, from: makeLoader([directory.path]))
        let loader = try makeLoader([directory.path], workers: 2)
        var batches = try take(5, from: loader)
        loader.close()
        batches += try take(7, from: loader)
        #expect(batches == reference)
        #expect(loader.statistics.batches == 12 && loader.statistics.examples == 96)
    }
}
