import PretextCore
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextLoader

/// RoBERTa's dynamic masking at load time: fresh masks every epoch, the same masks for the same
/// (seed, epoch, example) whatever the workers or a resume, fairseq's rates.
@Suite struct DynamicMaskingTests {
    static let mask: UInt32 = 9_999_999

    /// Every example's first token (position 0) is special, as `[CLS]` would be.
    private static func masking(count: Int) -> DynamicMasking {
        let specials = Set((0..<count).map { UInt32($0 * 16) })
        return try! DynamicMasking(schema: testSchema, maskID: mask, vocabularySize: 10_000_000, specialIDs: specials)
    }

    @Test func masksAreFreshEachEpochAndTheSameForTheSameExample() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 200)
        let masking = Self.masking(count: 200)
        func masked(_ workers: Int) throws -> [ExampleKey: [Int32]] {
            var result: [ExampleKey: [Int32]] = [:]
            for batch in try take(50, from: makeLoader([directory.path], workers: workers, transform: masking)) {
                let labels = try #require(batch["labels"]).values
                for (row, key) in batch.examples.enumerated() {
                    result[key] = Array(labels[(row * 16)..<(row * 16 + 16)])
                }
            }
            return result
        }
        let serial = try masked(0)
        #expect(try masked(2) == serial, "the same masks on any number of workers")
        #expect(serial.keys.contains { $0.epoch == 1 }, "two epochs were read")
        var differ = 0, compared = 0
        for (key, labels) in serial where key.epoch == 0 {
            guard let next = serial[ExampleKey(source: key.source, epoch: 1, index: key.index)] else { continue }
            compared += 1
            if next != labels { differ += 1 }
        }
        #expect(compared > 100 && differ > compared / 2, "\(differ) of \(compared) examples masked anew in epoch 1")
    }

    @Test func fairseqRatesLabelsAndSpecialTokens() throws {
        let directory = try TemporaryDirectory()
        // Examples of 16 tokens (length 16 for every record), the first one special.
        try writeExamples(at: directory.path, count: 2000) { index in
            var record = testRecord(index)
            record.replaceSubrange(80..<82, with: [16, 0])
            return record
        }
        let loader = try makeLoader([directory.path], batchSize: 50, transform: Self.masking(count: 2000))
        var masked = 0, candidates = 0, shownMask = 0, kept = 0, random = 0
        for batch in try take(40, from: loader) {
            let ids = try #require(batch["input_ids"]).values, labels = try #require(batch["labels"]).values
            for row in 0..<batch.examples.count {
                let original = batch.examples[row].index * 16
                #expect(labels[row * 16] == -100, "the special first token is never masked")
                candidates += 15
                for position in 0..<16 where labels[row * 16 + position] != -100 {
                    #expect(Int(labels[row * 16 + position]) == original + position, "the label is the original id")
                    masked += 1
                    let shown = UInt32(ids[row * 16 + position])
                    if shown == Self.mask {
                        shownMask += 1
                    } else if Int(shown) == original + position {
                        kept += 1
                    } else {
                        random += 1
                    }
                }
                for position in 0..<16 where labels[row * 16 + position] == -100 {
                    #expect(Int(ids[row * 16 + position]) == original + position, "unmasked tokens are unchanged")
                }
            }
        }
        // 2,000 examples × 15 candidates: int(0.15 × 15 + U) averages 2.25 a row; the shares'
        // standard deviations are below 0.01 over 4,500 masks.
        #expect(abs(Double(masked) / Double(candidates) - 0.15) < 0.01)
        #expect(abs(Double(shownMask) / Double(masked) - 0.8) < 0.03)
        #expect(abs(Double(kept) / Double(masked) - 0.1) < 0.03 && abs(Double(random) / Double(masked) - 0.1) < 0.03)
    }

    @Test func aSchemaWithoutTokensOrWithLabelsIsRefused() throws {
        let plain = try RecordSchema([.init("values", .float32, count: 4)])
        #expect(throws: PretextError.self) {
            _ = try DynamicMasking(schema: plain, maskID: 1, vocabularySize: 100, specialIDs: [])
        }
        let labelled = try RecordSchema([.init("input_ids", .int32, count: 4), .init("labels", .int32, count: 4)])
        #expect(throws: PretextError.self) {
            _ = try DynamicMasking(schema: labelled, maskID: 1, vocabularySize: 100, specialIDs: [])
        }
        #expect(throws: PretextError.self) {
            _ = try DynamicMasking(schema: testSchema, maskID: 1, vocabularySize: 100, specialIDs: [], probability: 1.5)
        }
    }
}
