import Foundation
import PretextCore
import PretextPipeline
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextStages

/// The `t5_spans` stage: T5's lengths, inputs and targets that rebuild each chunk, the noise
/// statistics of the masks, reproducible bytes.
@Suite struct T5SpanStageTests {
    /// One decoded example.
    private struct Example {
        var inputs: [UInt32]
        var targets: [UInt32]
    }

    private func examples(_ path: String) throws -> [Example] {
        let (schema, records) = try ExampleTestData.records(path)
        return try records.map { record in
            let field = { (name: String) in try ExampleTestData.field(name, of: record, schema: schema) }
            return Example(
                inputs: Array(try field("inputs").prefix(Int(try field("inputs_length")[0]))),
                targets: Array(try field("targets").prefix(Int(try field("targets_length")[0]))))
        }
    }

    /// The chunk an example was made from: each sentinel of the inputs replaced by the tokens
    /// following it in the targets (sentinels are the ids ≥ `firstID`, never a real token here).
    private func rebuild(_ example: Example, sentinelsFrom firstID: UInt32) -> [UInt32] {
        var spans: [UInt32: [UInt32]] = [:]
        var current: UInt32? = nil
        for id in example.targets.dropLast() {
            if id >= firstID { current = id } else if let current { spans[current, default: []].append(id) }
        }
        return example.inputs.dropLast().flatMap { $0 >= firstID ? spans[$0] ?? [] : [$0] }
    }

    @Test func inputs512Need568RawTokens85NoiseTokensIn28SpansAnd114Targets() throws {
        let lengths = try T5SpanLengths(inputsLength: 512, noiseDensity: 0.15, meanNoiseSpanLength: 3)
        #expect(lengths.rawLength == 568 && lengths.noiseTokens == 85 && lengths.noiseSpans == 28)
        #expect(lengths.inputsLength == 512 && lengths.targetsLength == 114)
        let directory = try TemporaryDirectory()
        let tokens = try ExampleTestData.tokenized(directory, documents: 100)
        let output = try ExampleTestData.run("t5_spans", input: tokens, into: directory, name: "t5")
        let schema = try #require(try Dataset.open(at: output).openCatalog(readOnly: true).recordSchema())
        #expect(
            schema.json
                == #"{"inputs":"uint16[512]","targets":"uint16[114]","inputs_length":"uint16[1]","targets_length":"uint16[1]"}"#
        )
        #expect(try DatasetVerifier.verify(Dataset.open(at: output)).isClean)
        let meta = try Dataset.open(at: output).openCatalog(readOnly: true).meta(T5SpanStage.sentinelMetaKey)
        let vocabulary = try #require(try TokenRecords(dataset: Dataset.open(at: tokens))).tokenizer.vocabularySize
        #expect(
            meta == String(vocabulary + 99), "by default T5's 100 extra ids after the vocabulary, the first the highest"
        )
    }

    @Test func inputsAndTargetsRebuildEveryChunkWithTheFormulasSpans() throws {
        let directory = try TemporaryDirectory()
        let tokens = try ExampleTestData.tokenized(directory, documents: 300)
        let shards = try ExampleTestData.shardDocuments(tokens)
        let output = try ExampleTestData.run(
            "t5_spans", [("inputs_length", .scalar("64")), ("sentinel_start", .scalar("499"))], input: tokens,
            into: directory, name: "t5")
        let lengths = try T5SpanLengths(inputsLength: 64, noiseDensity: 0.15, meanNoiseSpanLength: 3)
        let raw = lengths.rawLength
        var chunks: [[UInt32]] = []
        for documents in shards {
            let stream: [UInt32] = documents.flatMap { $0 + [0] }
            for start in stride(from: 0, to: stream.count, by: raw) {
                chunks.append(Array(stream[start..<min(start + raw, stream.count)]))
            }
        }
        let examples = try examples(output)
        #expect(examples.count == chunks.count && chunks.count > 10)
        for (example, chunk) in zip(examples, chunks) {
            #expect(rebuild(example, sentinelsFrom: 400) == chunk)
            #expect(example.inputs.last == 0 && example.targets.last == 0, "both end in EOS")
            let sentinels = example.targets.filter { $0 >= 400 }
            #expect(sentinels == (0..<UInt32(sentinels.count)).map { 499 - $0 }, "sentinels count down from 499")
            #expect(example.inputs.filter { $0 >= 400 } == sentinels)
            guard chunk.count == raw else { continue }
            #expect(sentinels.count == lengths.noiseSpans, "a full chunk has the formula's spans")
            #expect(example.inputs.count == 64 && example.targets.count == lengths.targetsLength)
        }
        let dataset = try Dataset.open(at: output)
        let text = try #require(try ExampleRecordText(dataset: dataset))
        var lines: [String] = []
        try text.forEachRecord(of: dataset) { lines.append(String(decoding: text.jsonLine($0), as: UTF8.self)) }
        #expect(lines.count == examples.count)
        #expect(lines[0].hasPrefix("{\"inputs\":") && lines[0].contains("\"targets\":\"<extra_id_0>"), "\(lines[0])")
        #expect(lines[0].contains("<extra_id_\(lengths.noiseSpans - 1)>") && lines[0].contains("<|endoftext|>"))
    }

    @Test func noiseIsFifteenPercentInSpansOfThreeOnAverageDrawnUniformly() {
        var random = ExampleRandom(seed: 11)
        let masks = (0..<2000).map { _ in T5NoiseMask(length: 568, density: 0.15, meanSpan: 3, random: &random) }
        let noise = masks.flatMap(\.noise)
        let tokens = Double(masks.count * 568)
        #expect(masks.allSatisfy { $0.noise.count == 28 && $0.nonNoise.count == 28 && $0.noise.allSatisfy { $0 >= 1 } })
        // Every chunk has round(568 × 0.15) = 85 noise tokens in round(85 / 3) = 28 spans: T5's
        // rounding makes these exact, 0.1496 and 3.04, so the tolerances only absorb that rounding.
        #expect(abs(Double(noise.reduce(0, +)) / tokens - 0.15) < 0.001)
        #expect(abs(Double(noise.reduce(0, +)) / Double(noise.count) - 3) < 0.05)
        // Uniform cuts: a span has length 1 with probability (k − 1) / (n − 1) = 27/84 = 0.321 for
        // 85 tokens in 28 spans. Over 56,000 spans its standard error is about 0.002 (less,
        // since a mask's spans are negatively correlated), so 0.01 is five of them.
        let ones = Double(noise.filter { $0 == 1 }.count) / Double(noise.count)
        #expect(abs(ones - 27.0 / 84.0) < 0.01, "\(ones)")
        // Noise is spread over the chunk: between positions 100 and 468 (away from the first
        // token, always kept, and the last, always noise) each position is noise ≈ 15 % of the
        // time; 2000 masks × 368 positions give a standard error below 0.002, so 0.01 again.
        var noisy = 0
        for mask in masks {
            var position = 0
            for (kept, span) in zip(mask.nonNoise, mask.noise) {
                position += kept
                noisy += (position..<position + span).clamped(to: 100..<468).count
                position += span
            }
        }
        let share = Double(noisy) / Double(2000 * 368)
        #expect(abs(share - 85.0 / 568.0) < 0.01, "\(share)")
    }

    @Test func randomSegmentationCutsItemsIntoNonEmptyParts() {
        var random = ExampleRandom(seed: 3)
        for (items, segments) in [(1, 1), (5, 5), (10, 1), (85, 28)] {
            let parts = T5NoiseMask.randomSegmentation(items: items, segments: segments, random: &random)
            #expect(parts.count == segments && parts.reduce(0, +) == items && parts.allSatisfy { $0 >= 1 })
        }
    }

    @Test func theSameSeedGivesTheSameBytesOnAnyWorkerCountAndAnotherSeedOthers() throws {
        let directory = try TemporaryDirectory()
        let tokens = try ExampleTestData.tokenized(directory, documents: 200)
        var outputs: [[[UInt8]]] = []
        for (name, workers, seed) in [("one", 1, "5"), ("again", 1, "5"), ("three", 3, "5"), ("other", 1, "6")] {
            let output = try ExampleTestData.run(
                "t5_spans", [("inputs_length", .scalar("32")), ("seed", .scalar(seed))], input: tokens,
                into: directory, name: name, workers: workers)
            outputs.append(try ExampleTestData.records(output).records)
        }
        #expect(outputs[0] == outputs[1])
        let sorted = outputs.map { $0.sorted { $0.lexicographicallyPrecedes($1) } }
        #expect(sorted[0] == sorted[2])
        #expect(outputs[0] != outputs[3] && outputs[0].count == outputs[3].count)
    }

    @Test func sentinelsMayNotTakeTheEOSId() throws {
        let directory = try TemporaryDirectory()
        let tokens = try ExampleTestData.tokenized(directory, documents: 20)
        let error = try #require(throws: PretextError.self) {
            try ExampleTestData.run(
                "t5_spans", [("sentinel_start", .scalar("20"))], input: tokens, into: directory, name: "x")
        }
        #expect(error.message.contains("sentinel_start"), "\(error)")
    }
}
