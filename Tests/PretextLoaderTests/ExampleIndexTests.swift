import PretextCore
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextLoader

@Suite struct ExampleIndexTests {
    @Test func locatesEveryExampleAcrossShardsAndFrames() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 1000, ranks: 2)
        let index = try ExampleIndex(at: directory.path)
        #expect(index.count == 1000)
        #expect(index.recordBytes == 86)
        #expect(index.examplesPerFrame == 1024 / 86)
        #expect(index.shards.count > 4 && index.frameCount > 80)
        var readers: [Int: ShardReader] = [:]
        for example in 0..<index.count {
            let location = index.location(of: example)
            let reader = try readers[location.shard] ?? index.dataset.openShard(index.shards[location.shard])
            readers[location.shard] = reader
            let record = try reader.record(frame: location.frame, offset: location.offset, length: 86)
            #expect(record == testRecord(example))
        }
    }

    /// The frame lookup's fast path (a guess from the frame size, a few steps forward) against
    /// the plain binary search, with few short frames (2 ranks) and with many (16 ranks of small
    /// shards: the guess falls behind by more than its steps and the search takes over).
    @Test(arguments: [2, 16]) func findingAFrameFromAGuessAgreesWithTheSearch(ranks: Int) throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 2000, shardBytes: 4096, ranks: ranks)
        let index = try ExampleIndex(at: directory.path)
        let shortFrames = (0..<index.frameCount).filter { index.examples(inFrame: $0).count < index.examplesPerFrame }
        #expect(shortFrames.count >= ranks)
        for example in 0..<index.count {
            #expect(index.frame(containing: example) == index.frame(containing: example, from: 0))
        }
    }

    @Test func refusesVariableLengthRecords() throws {
        let directory = try TemporaryDirectory()
        let schema = try RecordSchema([.init("ids", .uint16, count: nil)])
        try writeExamples(at: directory.path, count: 10, schema: schema) { _ in [1, 0, 2, 0] }
        let error = try #require(throws: PretextError.self) { try ExampleIndex(at: directory.path) }
        #expect(error.code == .invalidConfiguration)
        #expect(error.message.contains("variable length"))
    }

    @Test func refusesFramesThatAreNotWholeRecords() throws {
        let directory = try TemporaryDirectory()
        // The schema says 86 bytes; the writer stored 85-byte records.
        try writeExamples(at: directory.path, count: 100) { Array(testRecord($0).dropLast()) }
        let error = try #require(throws: PretextError.self) { try ExampleIndex(at: directory.path) }
        #expect(error.code == .corrupt)
        #expect(error.message.contains("not a whole number of 86-byte records"))
    }

    @Test func refusesADatasetWithoutARecordSchema() throws {
        let directory = try TemporaryDirectory()
        _ = try Dataset.create(at: directory.path)
        let error = try #require(throws: PretextError.self) { try ExampleIndex(at: directory.path) }
        #expect(error.code == .invalidConfiguration)
    }
}

/// A source that selects a range of its dataset's examples (a held-out split).
@Suite struct ExampleRangeTests {
    @Test func aRangeIsReadAloneAndTwoRangesSplitTheDataset() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 300)
        func loader(_ range: Range<Int>, order: ExampleOrder) throws -> DataLoader {
            let source = LoaderSource(dataset: directory.path, name: "a", selection: .examples(range))
            return try DataLoader(LoaderConfiguration(sources: [source], batchSize: 10, order: order, workers: 0))
        }
        let train = try take(27, from: loader(0..<270, order: .shuffled(window: .frames(2))))
        let heldOut = try take(3, from: loader(270..<300, order: .shuffled(window: .frames(2))))
        #expect(Set(train.flatMap(\.examples).map(\.index)) == Set(0..<270))
        #expect(Set(heldOut.flatMap(\.examples).map(\.index)) == Set(270..<300))
        #expect(heldOut.flatMap(labels) == heldOut.flatMap(\.examples).map(\.index))
        let sequential = try take(3, from: loader(270..<300, order: .sequential))
        #expect(sequential.flatMap(\.examples).map(\.index) == Array(270..<300))
        #expect(try loader(270..<300, order: .sequential).epochs == [0])
    }

    @Test(arguments: [0..<0, 290..<301]) func anEmptyOrOverlongRangeIsRefused(range: Range<Int>) throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 300)
        let source = LoaderSource(dataset: directory.path, name: "a", selection: .examples(range))
        let error = try #require(throws: PretextError.self) {
            try DataLoader(LoaderConfiguration(sources: [source], batchSize: 10, workers: 0))
        }
        #expect(error.code == .invalidConfiguration && error.message.contains("0..<300"))
    }
}
