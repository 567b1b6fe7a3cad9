import Foundation
import PretextCore
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextStages

/// The `contrastive` stage: anchors and positives from adjacent sentences, spans or the same
/// text, and hard negatives.
@Suite struct ContrastivePairsStageTests {
    /// A pair record, decoded (special tokens kept).
    struct Pair {
        var anchor: [UInt32]
        var positive: [UInt32]
        var negative: [UInt32]?
    }

    private static func run(
        _ directory: TemporaryDirectory, _ options: [(String, RawOptionValue)]
    ) throws -> (
        pairs: [Pair], documents: [[UInt32]], cls: UInt32, sep: UInt32
    ) {
        let input = try MaskedLMStageTests.tokenized(directory)
        let output = directory.file("out/05-contrastive")
        try StageRun.stage("contrastive", options, input: input, output: output)
        let dataset = try Dataset.open(at: output)
        let catalog = try dataset.openCatalog(readOnly: true)
        let schema = try #require(try catalog.recordSchema())
        let size = try #require(schema.recordBytes)
        let fields = Dictionary(
            uniqueKeysWithValues: zip(schema.fields.map(\.name), zip(schema.offsets, schema.fields)))
        func side(_ record: UnsafeRawBufferPointer, _ name: String) -> [UInt32]? {
            guard let (offset, field) = fields[name + "_ids"], let (lengthAt, _) = fields[name + "_length"] else {
                return nil
            }
            let length = Int(UInt16(littleEndian: record.loadUnaligned(fromByteOffset: lengthAt, as: UInt16.self)))
            return (0..<length).map { index in
                field.type == .uint16
                    ? UInt32(
                        UInt16(littleEndian: record.loadUnaligned(fromByteOffset: offset + 2 * index, as: UInt16.self)))
                    : UInt32(littleEndian: record.loadUnaligned(fromByteOffset: offset + 4 * index, as: UInt32.self))
            }
        }
        var pairs: [Pair] = []
        for shard in try catalog.shards() where shard.kind == .examples {
            let reader = try dataset.openShard(shard)
            for frame in 0..<reader.frameCount {
                try reader.withFrame(frame) { bytes in
                    for start in stride(from: 0, to: bytes.count, by: size) {
                        let record = UnsafeRawBufferPointer(rebasing: bytes[start..<start + size])
                        pairs.append(
                            Pair(
                                anchor: side(record, "anchor")!, positive: side(record, "positive")!,
                                negative: side(record, "negative")))
                    }
                }
            }
        }
        let tokens = try #require(try TokenRecords(dataset: try Dataset.open(at: input)))
        let vocabulary = ExampleVocabulary(tokens.tokenizer)
        var documents: [[UInt32]] = []
        let inputDataset = try Dataset.open(at: input)
        let fetcher = RecordFetcher(dataset: inputDataset)
        try inputDataset.openCatalog(readOnly: true).forEachRecord(of: .documents) { address in
            documents.append(
                try fetcher.record(shard: address.shard, at: address.location).withUnsafeBytes { tokens.ids($0) })
        }
        return (
            pairs, documents, try vocabulary.id(of: "[CLS]", option: ""), try vocabulary.id(of: "[SEP]", option: "")
        )
    }

    /// The text between `[CLS]` and `[SEP]`.
    private static func inner(_ ids: [UInt32], _ cls: UInt32, _ sep: UInt32) -> ArraySlice<UInt32> {
        #expect(ids.first == cls && ids.last == sep)
        return ids.dropFirst().dropLast()
    }

    @Test func adjacentSentencesFollowEachOtherInOneDocument() throws {
        let directory = try TemporaryDirectory()
        let (pairs, documents, cls, sep) = try Self.run(directory, [])
        #expect(pairs.count > 300 && pairs.allSatisfy { $0.negative == nil })
        for pair in pairs.prefix(200) {
            let joined = Self.inner(pair.anchor, cls, sep) + Self.inner(pair.positive, cls, sep)
            #expect(
                documents.contains { MaskedLMStageTests.find(joined, in: $0[...]) != nil }, "sentence then the next")
        }
    }

    @Test func sameTextRepeatsTheSentenceAndSpansComeFromOneDocument() throws {
        let same = try Self.run(try TemporaryDirectory(), [("positives", .scalar("same_text"))])
        #expect(same.pairs.count > 500 && same.pairs.allSatisfy { $0.anchor == $0.positive })
        let directory = try TemporaryDirectory()
        let (pairs, documents, cls, sep) = try Self.run(
            directory, [("positives", .scalar("spans")), ("min_span", .scalar("8")), ("max_length", .scalar("40"))])
        #expect(pairs.count == documents.filter { $0.count >= 8 }.count, "one pair per document of at least min_span")
        for pair in pairs {
            let anchor = Self.inner(pair.anchor, cls, sep), positive = Self.inner(pair.positive, cls, sep)
            #expect(anchor.count <= 38 && positive.count <= 38)
            #expect(
                documents.contains {
                    MaskedLMStageTests.find(anchor, in: $0[...]) != nil
                        && MaskedLMStageTests.find(positive, in: $0[...]) != nil
                })
        }
    }

    @Test(arguments: ["same_source", "minhash"])
    func hardNegativesComeWithEveryPair(kind: String) throws {
        let directory = try TemporaryDirectory()
        let (pairs, _, cls, sep) = try Self.run(
            directory, [("hard_negatives", .scalar(kind)), ("negative_max_similarity", .scalar("0.5"))])
        #expect(pairs.count > 300)
        for pair in pairs {
            let negative = try #require(pair.negative)
            #expect(!Self.inner(negative, cls, sep).isEmpty && negative != pair.anchor)
        }
    }

    @Test func minHashFindsTheNearestDocumentBelowTheBound() {
        var random = SplitMix64(seed: 11)
        let base = (0..<400).map { _ in UInt32(random.next() % 5000) }
        var near = base
        for index in stride(from: 0, to: near.count, by: 10) { near[index] = UInt32(random.next() % 5000) }
        let unrelated = (0..<400).map { _ in UInt32(random.next() % 5000) }
        let minHash = TokenMinHash(seed: 1)
        let signatures = [base, base, near, unrelated].map(minHash.signature)
        #expect(TokenMinHash.similarity(signatures[0], signatures[1]) == 1)
        let neighbours = minHash.neighbours(signatures, below: 0.95)
        #expect(neighbours[0] == 2, "a copy (similarity 1) is a duplicate, not a hard negative")
        #expect(neighbours[2] == 0 || neighbours[2] == 1)
        #expect(neighbours[3] == nil, "nothing near an unrelated document")
    }
}
