import PretextCore
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextLoader

@Suite struct BatchTests {
    @Test func convertsEveryScalarType() throws {
        let directory = try TemporaryDirectory()
        let types = RecordSchema.ScalarType.allCases
        let schema = try RecordSchema(types.map { RecordSchema.Field($0.rawValue + "_field", $0, count: 2) })
        let record: [UInt8] = {
            var bytes: [UInt8] = []
            bytes += [0, 255]
            bytes += [0x80, 0x7F]
            append(UInt16.max, to: &bytes)
            append(UInt16(1), to: &bytes)
            append(Int16.min, to: &bytes)
            append(Int16(5), to: &bytes)
            append(UInt32(Int32.max), to: &bytes)
            append(UInt32(0), to: &bytes)
            append(Int32.min, to: &bytes)
            append(Int32.max, to: &bytes)
            append(UInt64(Int32.max), to: &bytes)
            append(UInt64(3), to: &bytes)
            append(Int64(Int32.min), to: &bytes)
            append(Int64(9), to: &bytes)
            append(Float(3).bitPattern, to: &bytes)
            append(Float(-7).bitPattern, to: &bytes)
            append(Double(1e6).bitPattern, to: &bytes)
            append(Double(-2).bitPattern, to: &bytes)
            return bytes
        }()
        try writeExamples(at: directory.path, count: 3, schema: schema) { _ in record }
        let batch = try makeLoader([directory.path], batchSize: 2, order: .sequential).next()
        let expected: [[Int32]] = [
            [0, 255], [-128, 127], [65535, 1], [-32768, 5], [Int32.max, 0], [Int32.min, Int32.max], [Int32.max, 3],
            [Int32.min, 9], [3, -7], [1_000_000, -2],
        ]
        #expect(batch.names == types.map { $0.rawValue + "_field" })
        for (type, values) in zip(types, expected) {
            #expect(batch[type.rawValue + "_field"] == Batch.Tensor(shape: [2, 2], values: values + values))
        }
        #expect(batch[Batch.attentionMaskName] == nil)
    }

    @Test(arguments: [RecordSchema.ScalarType.uint32, .int64, .float32])
    func refusesValuesWithoutAnInt32(type: RecordSchema.ScalarType) throws {
        let directory = try TemporaryDirectory()
        let schema = try RecordSchema([.init("value", type)])
        var record: [UInt8] = []
        switch type {
        case .uint32: append(UInt32(1) << 31, to: &record)
        case .int64: append(Int64(Int32.max) + 1, to: &record)
        default: append(Float(0.5).bitPattern, to: &record)
        }
        try writeExamples(at: directory.path, count: 4, schema: schema) { _ in record }
        let error = try #require(throws: PretextError.self) { try makeLoader([directory.path]).next() }
        #expect(error.code == .malformedInput && error.message.contains("field 'value'"))
    }

    @Test func maskAndPaddingFollowTheLengthField() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 100)
        let fixed = try makeLoader([directory.path], batchSize: 4, order: .sequential).next()
        #expect(fixed.names == ["input_ids", "segment_ids", "length", "label", "attention_mask"])
        #expect(fixed["input_ids"]!.shape == [4, 16] && fixed["length"]!.shape == [4, 1])
        #expect(fixed["input_ids"]!.row(2) == ArraySlice((32..<48).map(Int32.init)))
        #expect(fixed["attention_mask"]!.row(2) == ArraySlice([1, 1, 1] + [Int32](repeating: 0, count: 13)))
        let longest = try makeLoader([directory.path], batchSize: 4, order: .sequential, padding: .longest).next()
        #expect(longest["input_ids"]!.shape == [4, 4] && longest["segment_ids"]!.shape == [4, 4])
        #expect(longest["input_ids"]!.row(1) == [16, 17, 18, 19])
        #expect(longest["attention_mask"]!.values == [1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1])
        #expect(longest["label"]!.shape == [4, 1] && labels(longest) == [0, 1, 2, 3])
    }

    @Test func refusesALengthPastTheSequence() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 10) { index in
            var record = testRecord(index)
            record[80] = 17  // length 17 of a 16-value sequence
            return record
        }
        let error = try #require(throws: PretextError.self) { try makeLoader([directory.path]).next() }
        #expect(error.code == .malformedInput && error.message.contains("length 17"))
    }

    @Test func refusesMixingDifferentSchemasAndBadConfigurations() throws {
        let a = try TemporaryDirectory()
        let b = try TemporaryDirectory()
        try writeExamples(at: a.path, count: 10)
        try writeExamples(at: b.path, count: 10, schema: RecordSchema([.init("label", .int32)])) { _ in [0, 0, 0, 0] }
        #expect(throws: PretextError.self) { try makeLoader([a.path, b.path]) }
        #expect(throws: PretextError.self) { try makeLoader([a.path], batchSize: 0) }
        #expect(throws: PretextError.self) { try makeLoader([a.path], rank: 2, worldSize: 2) }
        #expect(throws: PretextError.self) { try makeLoader([a.path, a.path], weights: [1, 0]) }
    }
}
