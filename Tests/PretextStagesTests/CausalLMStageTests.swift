import Foundation
import PretextCore
import PretextPipeline
import PretextStore
import PretextTestSupport
import PretextTokenizer
import Testing

@testable import PretextStages

/// The `causal_lm` stage on a tokenized dataset built from generated text: the documents'
/// tokens in order with EOS after each, positions restarting per document, full blocks but the
/// last of each shard, the same bytes for the same seed and any number of workers.
@Suite struct CausalLMStageTests {
    /// One decoded block.
    private struct Block {
        var ids: [UInt32]
        var positions: [UInt32]
        var length: Int
    }

    private func blocks(_ path: String) throws -> [Block] {
        let (schema, records) = try ExampleTestData.records(path)
        return try records.map { record in
            Block(
                ids: try ExampleTestData.field("input_ids", of: record, schema: schema),
                positions: try ExampleTestData.field("positions", of: record, schema: schema),
                length: Int(try ExampleTestData.field("length", of: record, schema: schema)[0]))
        }
    }

    @Test func blocksHoldEveryTokenInOrderWithEOSBetweenDocuments() throws {
        let directory = try TemporaryDirectory()
        let tokens = try ExampleTestData.tokenized(directory, documents: 300)
        let shards = try ExampleTestData.shardDocuments(tokens)
        #expect(shards.count >= 2, "several input shards")
        let output = try ExampleTestData.run(
            "causal_lm", [("block_size", .scalar("64"))], input: tokens, into: directory, name: "clm")
        let schema = try #require(try Dataset.open(at: output).openCatalog(readOnly: true).recordSchema())
        #expect(schema.json == #"{"input_ids":"uint16[64]","positions":"uint16[64]","length":"uint16[1]"}"#)
        let blocks = try blocks(output)
        let eos: UInt32 = 0
        let stream = shards.flatMap { $0.flatMap { $0 + [eos] } }
        #expect(blocks.flatMap { $0.ids.prefix($0.length) } == stream, "every token in order, EOS after each document")
        var previous: UInt32? = nil
        for block in blocks {
            for index in 0..<block.length {
                let startsDocument = index == 0 || previous == eos
                #expect(
                    (block.positions[index] == 0) == startsDocument, "positions restart at document and block starts")
                if index > 0, !startsDocument { #expect(block.positions[index] == block.positions[index - 1] + 1) }
                previous = block.ids[index]
            }
            #expect(
                block.ids[block.length...].allSatisfy { $0 == eos }, "padding: the EOS id (the tokenizer has no [PAD])")
            #expect(block.positions[block.length...].allSatisfy { $0 == 0 })
        }
        #expect(try DatasetVerifier.verify(Dataset.open(at: output)).isClean)
        try expectCatDecodes(output, documents: shards.flatMap { $0 })
    }

    /// `pretext cat`'s decoding: the first block's real tokens, EOS shown.
    private func expectCatDecodes(_ output: String, documents: [[UInt32]]) throws {
        let dataset = try Dataset.open(at: output)
        let text = try #require(try ExampleRecordText(dataset: dataset))
        var lines: [String] = []
        try text.forEachRecord(of: dataset, limit: 2) {
            lines.append(String(decoding: text.jsonLine($0), as: UTF8.self))
        }
        let tokenizer = try TokenizerFile.read(output + "/tokenizer/tokenizer.json")
        let first = tokenizer.decode(documents[0], skipSpecialTokens: false)
        #expect(
            lines.count == 2 && lines[0].hasPrefix("{\"length\":64,\"text\":") && lines[0].contains("<|endoftext|>"))
        #expect(lines[0].contains(String(first.prefix(20))), "\(lines[0])")
    }

    @Test func allBlocksAreFullButTheLastOfEachShard() throws {
        let directory = try TemporaryDirectory()
        let tokens = try ExampleTestData.tokenized(directory, documents: 300)
        let shards = try ExampleTestData.shardDocuments(tokens)
        let output = try ExampleTestData.run(
            "causal_lm", [("block_size", .scalar("50"))], input: tokens, into: directory, name: "clm")
        let lengths = try blocks(output).map(\.length)
        let perShard = shards.map { $0.reduce(0) { $0 + $1.count + 1 } }
        let expected = perShard.flatMap { Array(repeating: 50, count: $0 / 50) + ($0 % 50 == 0 ? [] : [$0 % 50]) }
        #expect(lengths == expected, "blocks never span shards; only a shard's last block is partial")
        let dropped = try ExampleTestData.run(
            "causal_lm", [("block_size", .scalar("50")), ("last_block", .scalar("drop"))], input: tokens,
            into: directory, name: "dropped")
        #expect(try blocks(dropped).map(\.length) == expected.filter { $0 == 50 })
    }

    @Test func theSameSeedAndAnyWorkerCountGiveTheSameBytes() throws {
        let directory = try TemporaryDirectory()
        let tokens = try ExampleTestData.tokenized(directory, documents: 200)
        var outputs: [[[UInt8]]] = []
        for (name, workers) in [("one", 1), ("again", 1), ("three", 3)] {
            let output = try ExampleTestData.run(
                "causal_lm", [("block_size", .scalar("32")), ("seed", .scalar("5"))], input: tokens, into: directory,
                name: name, workers: workers)
            outputs.append(try ExampleTestData.records(output).records)
        }
        #expect(outputs[0] == outputs[1])
        let sorted = outputs.map { $0.sorted { $0.lexicographicallyPrecedes($1) } }
        #expect(sorted[0] == sorted[2])
    }

    @Test func theEOSTokenMustBeInTheVocabulary() throws {
        let directory = try TemporaryDirectory()
        let tokens = try ExampleTestData.tokenized(directory, documents: 20)
        let error = try #require(throws: PretextError.self) {
            try ExampleTestData.run(
                "causal_lm", [("eos_token", .scalar("</eos>"))], input: tokens, into: directory, name: "x")
        }
        #expect(error.message.contains("eos_token"), "\(error)")
    }
}
