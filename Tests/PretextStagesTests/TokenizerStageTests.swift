import Foundation
import PretextCore
import PretextPipeline
import PretextStages
import PretextStore
import PretextTestSupport
import PretextTokenizer
import Testing

/// The tokenizer and tokenize stages in a pipeline: training from the dataset's words, token
/// records that decode back to the documents.
@Suite struct TokenizerStageTests {
    private static let texts = [
        "The harbour lights came on one by one as the fog rolled in from the sea.",
        "Fishermen mended their nets on the quay, talking about the weather and the price of fuel.",
        "海港的灯一盏一盏亮了起来，雾从海上慢慢飘来。", "港の灯りがひとつずつ点り、霧が海から流れてきた。",
        "Numbers like 3.14159 and 2024-12-03 appear too, with emoji 🌊⛵ and tabs\tand  spaces.",
        "\u{1}\u{2}\u{3}",
    ]

    private func ingest(_ directory: TemporaryDirectory, copies: Int = 20) throws {
        var lines: [String] = []
        for copy in 0..<copies {
            for (index, text) in Self.texts.enumerated() {
                lines.append(try StageRun.line(id: "d\(copy)-\(index)", text: copy % 2 == 0 ? text : text + " \(copy)"))
            }
        }
        try directory.write("in/a.jsonl", lines.joined(separator: "\n") + "\n")
    }

    private func documents(_ path: String) throws -> [String: String] { try DocumentFetch.texts(path) }

    @Test func byteLevelBPETokenRecordsDecodeBackToTheDocuments() throws {
        let directory = try TemporaryDirectory()
        try ingest(directory)
        let reports = try StageRun.pipeline(
            "  - stage: tokenizer\n    vocab_size: 400\n  - stage: tokenize", in: directory, workers: 2)
        #expect(reports.map(\.rejected) == [0, 0, 0])
        let trained = directory.file("out/02-tokenizer")
        let tokenizer = try TokenizerFile.read(trained + "/tokenizer/tokenizer.json")
        #expect(tokenizer.vocabularySize == 400)
        #expect(FileManager.default.fileExists(atPath: trained + "/tokenizer/merges.txt"))
        #expect(try DatasetVerifier.verify(Dataset.open(at: trained)).isClean)

        let tokens = directory.file("out/03-tokenize")
        let dataset = try Dataset.open(at: tokens)
        let records = try #require(try TokenRecords(dataset: dataset))
        #expect(records.idType == .uint16)
        let originals = try documents(trained)
        let fetcher = RecordFetcher(dataset: dataset)
        var seen = 0
        try dataset.openCatalog(readOnly: true).forEachRecord(of: .documents) { address in
            let ids = try fetcher.withRecord(
                shard: address.shard, frame: address.location.frame, offset: address.location.offset,
                length: address.location.length, records.ids)
            let id = try #require(address.document)
            #expect(records.tokenizer.decode(ids) == originals[id], "\(id)")
            #expect(ids == tokenizer.encode(originals[id] ?? "").ids)
            seen += 1
        }
        #expect(seen == originals.count)
        let counts = try StageRun.rows(tokens, "SELECT sum(tokens), (SELECT sum(bytes_raw) FROM shards) FROM documents")
        #expect(counts[0][0].int.map { $0 * 2 } == counts[0][1].int, "uint16 ids: 2 bytes per token")
        #expect(try DatasetVerifier.verify(dataset).isClean)
    }

    @Test func theCL100KPatternTrainsALlama3StyleTokenizer() throws {
        let directory = try TemporaryDirectory()
        try ingest(directory)
        let reports = try StageRun.pipeline(
            "  - stage: tokenizer\n    vocab_size: 400\n    pattern: cl100k\n  - stage: tokenize", in: directory,
            workers: 2)
        #expect(reports.map(\.rejected) == [0, 0, 0])
        let file = directory.file("out/02-tokenizer/tokenizer/tokenizer.json")
        let tokenizer = try TokenizerFile.read(file)
        #expect(tokenizer.preTokenizer == .splitByteLevel(pattern: .cl100k))
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains(#""type": "Split""#))
        #expect(tokenizer.encode("12345").offsets.contains { $0.upperBound == 3 }, "numbers of at most three digits")
        let tokens = try Dataset.open(at: directory.file("out/03-tokenize"))
        let records = try #require(try TokenRecords(dataset: tokens))
        for text in Self.texts {
            #expect(records.tokenizer.decode(tokenizer.encode(text).ids) == text, "\(text.prefix(20))")
        }
    }

    @Test func thePatternIsBPEsAndAPrefixSpaceNeedsGPT2s() throws {
        let directory = try TemporaryDirectory()
        try ingest(directory, copies: 1)
        #expect(throws: Error.self) {
            try StageRun.pipeline("  - stage: tokenizer\n    model: wordpiece\n    pattern: cl100k", in: directory)
        }
        let error = try #require(throws: PretextError.self) {
            try StageRun.pipeline(
                "  - stage: tokenizer\n    pattern: cl100k\n    add_prefix_space: true", in: directory)
        }
        #expect(error.message.contains("add_prefix_space works with pattern gpt2 only"), "\(error)")
    }

    @Test func workersAndMemoryBudgetsTrainTheSameTokenizer() throws {
        var files: [String] = []
        for (workers, memory) in [(1, 512), (2, 512), (2, 1)] {
            let directory = try TemporaryDirectory()
            try ingest(directory, copies: 200)
            try StageRun.pipeline(
                "  - stage: tokenizer\n    vocab_size: 600\n    memory_mb: \(memory)", in: directory, workers: workers)
            files.append(
                try String(contentsOfFile: directory.file("out/02-tokenizer/tokenizer/tokenizer.json"), encoding: .utf8)
            )
        }
        #expect(files[0] == files[1] && files[1] == files[2])
    }

    @Test func wordPieceDropsDocumentsWithoutTokens() throws {
        let directory = try TemporaryDirectory()
        try ingest(directory)
        let reports = try StageRun.pipeline(
            "  - stage: tokenizer\n    model: wordpiece\n    vocab_size: 600\n  - stage: tokenize", in: directory)
        #expect(reports[2].rejected == 10, "the control-character documents without a number have no token")
        let rejects = try StageRun.rejects(directory.file("out/03-tokenize"))
        #expect(rejects.values.allSatisfy { $0.hasPrefix("no_tokens:") })
        let tokenizer = try TokenizerFile.read(directory.file("out/02-tokenizer/tokenizer/tokenizer.json"))
        #expect(tokenizer.encode("The Harbour").tokens.first == "the")
        #expect(FileManager.default.fileExists(atPath: directory.file("out/02-tokenizer/tokenizer/vocab.txt")))
    }

    @Test func unigramWithByteFallbackRoundTripsAndTrainsTheSameOnOneOrTwoWorkers() throws {
        var files: [String] = []
        for workers in [1, 2] {
            let directory = try TemporaryDirectory()
            try ingest(directory)
            let reports = try StageRun.pipeline(
                "  - stage: tokenizer\n    model: unigram\n    vocab_size: 400\n    byte_fallback: true\n"
                    + "    character_coverage: 0.98\n  - stage: tokenize",
                in: directory, workers: workers)
            #expect(reports.map(\.rejected) == [0, 0, 0])
            let trained = directory.file("out/02-tokenizer/tokenizer")
            files.append(try String(contentsOfFile: trained + "/tokenizer.json", encoding: .utf8))
            #expect(FileManager.default.fileExists(atPath: trained + "/unigram.json"))
            let tokenizer = try TokenizerFile.read(trained + "/tokenizer.json")
            #expect(tokenizer.vocabulary[3] == "<0x00>")
            for text in Self.texts {
                #expect(tokenizer.decode(tokenizer.encode(text).ids) == text, "\(text.prefix(20))")
            }
        }
        #expect(files[0] == files[1])
    }

    @Test func unigramOptionsBelongToUnigram() throws {
        let directory = try TemporaryDirectory()
        try ingest(directory)
        #expect(throws: Error.self) {
            try StageRun.pipeline("  - stage: tokenizer\n    byte_fallback: true", in: directory)
        }
    }

    @Test func aConditionAndASampleChooseTheTrainingDocuments() throws {
        let directory = try TemporaryDirectory()
        try ingest(directory)
        try StageRun.pipeline(
            "  - stage: tokenizer\n    vocab_size: 5000\n    where: \"id LIKE '%-2'\"", in: directory)
        let tokenizer = try TokenizerFile.read(directory.file("out/02-tokenizer/tokenizer/tokenizer.json"))
        // Only the Chinese documents (index 2) were read: no merged Latin letters.
        #expect(
            !tokenizer.vocabulary.contains("Ġthe")
                && tokenizer.vocabulary.contains { $0.count > 1 && !$0.hasPrefix("<") })
        let sampled = try TemporaryDirectory()
        try ingest(sampled)
        try StageRun.pipeline("  - stage: tokenizer\n    vocab_size: 5000\n    sample: 0", in: sampled)
        let empty = try TokenizerFile.read(sampled.file("out/02-tokenizer/tokenizer/tokenizer.json"))
        #expect(empty.vocabularySize == 257, "no documents: the special token and the byte alphabet")
    }

    @Test func aMissingTokenizerIsAnErrorNamingWhereItLooked() throws {
        let directory = try TemporaryDirectory()
        try ingest(directory)
        let error = try #require(throws: PretextError.self) {
            try StageRun.pipeline("  - stage: tokenize", in: directory)
        }
        #expect(error.code == .notFound && error.message.contains("no tokenizer.json"), "\(error)")
        let bad = try #require(throws: PretextError.self) {
            try StageRun.pipeline("  - stage: tokenizer\n    where: \"no_such_column = 1\"", in: directory)
        }
        #expect(bad.message.contains("where: no_such_column = 1"), "\(bad)")
    }

    @Test func collidingSpecialTokensAndTooNarrowIDsAreErrors() throws {
        let directory = try TemporaryDirectory()
        try ingest(directory, copies: 2)
        let twice = try #require(throws: PretextError.self) {
            try StageRun.pipeline("  - stage: tokenizer\n    special_tokens: [\"<s>\", \"<s>\"]", in: directory)
        }
        #expect(twice.message.contains("special_tokens: '<s>' is given twice"), "\(twice)")

        // A vocabulary of 70,000 ids (the trained BPE with added tokens past 65,536) in 16 bits.
        try StageRun.pipeline("  - stage: tokenizer\n    vocab_size: 300", in: directory)
        let file = directory.file("out/02-tokenizer/tokenizer/tokenizer.json")
        var tokenizer = try TokenizerFile.read(file)
        tokenizer = Tokenizer(
            model: tokenizer.model, preTokenizer: tokenizer.preTokenizer,
            addedTokens: tokenizer.addedTokens + [AddedToken(id: 69_999, content: "<far>", special: true)])
        let wide = try directory.write("wide/tokenizer.json", "")
        try TokenizerFile.write(tokenizer, to: wide)
        let narrow = try #require(throws: PretextError.self) {
            try StageRun.pipeline(
                "  - stage: tokenize\n    tokenizer: \(wide)\n    ids: uint16", in: directory)
        }
        #expect(
            narrow.path == wide && narrow.message.contains("a vocabulary of 70000 ids does not fit uint16"),
            "\(narrow)")
        try StageRun.pipeline("  - stage: tokenize\n    tokenizer: \(wide)", in: directory)
        let records = try #require(try TokenRecords(dataset: Dataset.open(at: directory.file("out/02-tokenize"))))
        #expect(records.idType == .uint32, "auto: uint32 past 65,536 ids")
    }
}
