import Foundation
import PretextCore
import PretextPipeline
import PretextStore
import PretextTestSupport
import PretextTokenizer
import Testing

@testable import PretextStages

/// The `mlm` stage: BERT's pairs and masks (NSP), ALBERT's sentence order (SOP) and n-grams,
/// checked on examples generated from a tokenized corpus written here.
@Suite struct MaskedLMStageTests {
    /// One example record, decoded.
    struct Example {
        var ids: [UInt32]
        var segments: [UInt8]
        var length: Int
        var positions: [Int]
        var labels: [UInt32]
        var label: UInt8

        /// The tokens before masking.
        var original: [UInt32] {
            var tokens = Array(ids[..<length])
            for (position, label) in zip(positions, labels) { tokens[position] = label }
            return tokens
        }
    }

    /// 240 documents of 1–9 sentences of made-up words; every eighth has one sentence.
    static func corpus(_ directory: TemporaryDirectory) throws {
        var random = SplitMix64(seed: 7)
        let syllables = ["ka", "lo", "mi", "ra", "tu", "ne", "so", "vi", "pe", "da", "gu", "ri"]
        func word() -> String {
            (0..<(1 + Int(random.next() % 3))).map { _ in syllables[Int(random.next() % 12)] }.joined()
        }
        var lines: [String] = []
        for index in 0..<240 {
            let count = index % 8 == 0 ? 1 : 1 + Int(random.next() % 9)
            let sentences = (0..<count).map { _ in
                let words = (0..<(4 + Int(random.next() % 14))).map { _ in word() }.joined(separator: " ")
                return words.prefix(1).uppercased() + words.dropFirst() + "."
            }
            lines.append(try StageRun.line(id: "doc-\(index)", text: sentences.joined(separator: " ")))
        }
        try directory.write("in/a.jsonl", lines.joined(separator: "\n") + "\n")
    }

    /// The tokenized corpus (segment → WordPiece of 600 ids → tokenize), made once per test.
    static func tokenized(_ directory: TemporaryDirectory) throws -> String {
        try corpus(directory)
        try StageRun.pipeline(
            "  - stage: segment\n  - stage: tokenizer\n    model: wordpiece\n    vocab_size: 600\n  - stage: tokenize",
            in: directory)
        return directory.file("out/04-tokenize")
    }

    private static func examples(_ path: String) throws -> (examples: [Example], vocabulary: ExampleVocabulary) {
        let dataset = try Dataset.open(at: path)
        let catalog = try dataset.openCatalog(readOnly: true)
        let schema = try #require(try catalog.recordSchema())
        let size = try #require(schema.recordBytes)
        let offsets = Dictionary(
            uniqueKeysWithValues: zip(schema.fields.map(\.name), zip(schema.offsets, schema.fields)))
        func values(_ record: UnsafeRawBufferPointer, _ name: String) -> [UInt32] {
            let (offset, field) = offsets[name]!
            return (0..<(field.count ?? 0)).map { index in
                let at = offset + index * field.type.size
                switch field.type.size {
                case 1: return UInt32(record[at])
                case 2: return UInt32(UInt16(littleEndian: record.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
                default: return UInt32(littleEndian: record.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                }
            }
        }
        var examples: [Example] = []
        for shard in try catalog.shards() where shard.kind == .examples {
            let reader = try ShardReader(path: dataset.path(shard.path))
            for frame in 0..<reader.frameCount {
                try reader.withFrame(frame) { bytes in
                    for start in stride(from: 0, to: bytes.count, by: size) {
                        let record = UnsafeRawBufferPointer(rebasing: bytes[start..<start + size])
                        let count = Int(values(record, "masked_lm_count")[0])
                        examples.append(
                            Example(
                                ids: values(record, "input_ids"),
                                segments: values(record, "segment_ids").map(UInt8.init),
                                length: Int(values(record, "length")[0]),
                                positions: values(record, "masked_lm_positions").prefix(count).map(Int.init),
                                labels: Array(values(record, "masked_lm_ids").prefix(count)),
                                label: UInt8(values(record, "label")[0])))
                    }
                }
            }
        }
        let tokenizer = try TokenizerFile.read(TokenizerFile.locate("", dataset: path + "/../04-tokenize"))
        return (examples, ExampleVocabulary(tokenizer))
    }

    private static func run(
        _ input: String, _ output: String, _ options: [(String, RawOptionValue)] = [], workers: Int = 1
    ) throws {
        try StageRun.stage("mlm", options, input: input, output: output, settings: StageRun.settings(workers: workers))
    }

    @Test func nspExamplesFollowBERTsLayoutAndMaskingRates() throws {
        let directory = try TemporaryDirectory()
        let input = try Self.tokenized(directory)
        try Self.run(input, directory.file("out/05-mlm"), [("dupe_factor", .scalar("3"))])
        let (examples, vocabulary) = try Self.examples(directory.file("out/05-mlm"))
        #expect(examples.count > 1000, "\(examples.count) examples")
        let cls = try vocabulary.id(of: "[CLS]", option: ""), sep = try vocabulary.id(of: "[SEP]", option: "")
        let mask = try vocabulary.id(of: "[MASK]", option: ""), pad = try vocabulary.id(of: "[PAD]", option: "")
        var kept = 0, masked = 0, replaced = 0, predictions = 0
        for example in examples {
            let tokens = example.original
            #expect(example.length <= 128 && tokens.first == cls && tokens.last == sep)
            #expect(example.ids[example.length...].allSatisfy { $0 == pad }, "padding after the length")
            let separator = try #require(tokens.firstIndex(of: sep))
            #expect(example.segments[..<(separator + 1)].allSatisfy { $0 == 0 })
            #expect(example.segments[(separator + 1)..<example.length].allSatisfy { $0 == 1 })
            #expect(separator >= 2 && separator <= example.length - 3, "A and B hold a token each")
            let expected = min(20, max(1, Int((Double(example.length) * 0.15).rounded(.toNearestOrEven))))
            #expect(example.positions.count == expected, "BERT's count of predictions")
            #expect(example.positions == example.positions.sorted() && Set(example.positions).count == expected)
            for (position, label) in zip(example.positions, example.labels) {
                #expect(label != cls && label != sep, "[CLS] and [SEP] are never predicted")
                let shown = example.ids[position]
                if shown == mask { masked += 1 } else if shown == label { kept += 1 } else { replaced += 1 }
                #expect(shown == mask || shown == label || !vocabulary.isSpecial[Int(shown)])
                predictions += 1
            }
        }
        // Binomial shares over > 10,000 predictions: a standard deviation below 0.004, so 0.02
        // is five of them.
        #expect(predictions > 10_000)
        #expect(abs(Double(masked) / Double(predictions) - 0.8) < 0.02)
        #expect(abs(Double(kept) / Double(predictions) - 0.1) < 0.02)
        #expect(abs(Double(replaced) / Double(predictions) - 0.1) < 0.02)
        // NSP: half the multi-sentence chunks, and every one-sentence chunk, take a random next.
        let random = Double(examples.filter { $0.label == 1 }.count) / Double(examples.count)
        #expect(random > 0.5 && random < 0.7, "random-next share \(random)")
    }

    @Test func sopPairsComeFromOneDocumentAndAreSwappedHalfTheTime() throws {
        let directory = try TemporaryDirectory()
        let input = try Self.tokenized(directory)
        try Self.run(
            input, directory.file("out/05-mlm"), [("pair_task", .scalar("sop")), ("dupe_factor", .scalar("10"))])
        let (examples, vocabulary) = try Self.examples(directory.file("out/05-mlm"))
        let swapped = Double(examples.filter { $0.label == 1 }.count) / Double(examples.count)
        // Over > 2,000 examples a fair coin's share has a standard deviation below 0.011.
        #expect(examples.count > 2000 && abs(swapped - 0.5) < 0.04, "swapped share \(swapped) of \(examples.count)")
        let sep = try vocabulary.id(of: "[SEP]", option: "")
        var documents: [[UInt32]] = []
        let dataset = try Dataset.open(at: input)
        let tokens = try #require(try TokenRecords(dataset: dataset))
        let fetcher = RecordFetcher(dataset: dataset)
        try dataset.openCatalog(readOnly: true).forEachRecord(of: .documents) { address in
            let record = try fetcher.record(shard: address.shard, at: address.location)
            documents.append(record.withUnsafeBytes { tokens.ids($0) })
        }
        func inOneDocument(_ first: ArraySlice<UInt32>, then second: ArraySlice<UInt32>) -> Bool {
            documents.contains { document in
                guard let a = Self.find(first, in: document[...]) else { return false }
                return Self.find(second, in: document[a...]) != nil
            }
        }
        for example in examples.prefix(300) {
            let original = example.original
            let separator = try #require(original.firstIndex(of: sep))
            let a = original[1..<separator], b = original[(separator + 1)..<(original.count - 1)]
            #expect(
                example.label == 1 ? inOneDocument(b, then: a) : inOneDocument(a, then: b),
                "A and B come from one document, in order unless the label says swapped")
        }
    }

    /// Where `needle` starts in `haystack`, or `nil`.
    static func find(_ needle: ArraySlice<UInt32>, in haystack: ArraySlice<UInt32>) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var start = haystack.startIndex
        while start + needle.count <= haystack.endIndex {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start + needle.count }
            start += 1
        }
        return nil
    }

    @Test func theSameSeedGivesTheSameBytesWhateverTheWorkers() throws {
        let directory = try TemporaryDirectory()
        let input = try Self.tokenized(directory)
        let options: [(String, RawOptionValue)] = [("dupe_factor", .scalar("2")), ("whole_word_mask", .scalar("true"))]
        try Self.run(input, directory.file("out/05-one"), options)
        try Self.run(input, directory.file("out/05-again"), options)
        try Self.run(input, directory.file("out/05-two"), options, workers: 2)
        try Self.run(input, directory.file("out/05-seed"), options + [("seed", .scalar("1"))])
        func records(_ name: String) throws -> [[UInt32]] {
            try Self.examples(directory.file("out/" + name)).examples.map { $0.ids + $0.positions.map(UInt32.init) }
        }
        let one = try records("05-one")
        #expect(try records("05-again") == one, "a rerun writes the same examples in the same order")
        #expect(
            try records("05-two").sorted { $0.lexicographicallyPrecedes($1) }
                == one.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(try records("05-seed") != one)
    }

    @Test func wholeWordMaskingMasksEveryPieceOfAWord() throws {
        let directory = try TemporaryDirectory()
        let input = try Self.tokenized(directory)
        try Self.run(
            input, directory.file("out/05-mlm"), [("whole_word_mask", .scalar("true")), ("dupe_factor", .scalar("1"))])
        let (examples, vocabulary) = try Self.examples(directory.file("out/05-mlm"))
        var continuations = 0
        for example in examples {
            let original = example.original
            let masked = Set(example.positions)
            for position in example.positions where vocabulary.continuesWord[Int(original[position])] {
                #expect(masked.contains(position - 1), "a ## piece is masked with the piece before it")
                continuations += 1
            }
            for position in example.positions where position + 1 < example.length {
                if vocabulary.continuesWord[Int(original[position + 1])] { #expect(masked.contains(position + 1)) }
            }
        }
        #expect(continuations > 100, "the corpus has words of several pieces")
    }

    @Test func albertsNgramLengthsFollowOneOverN() {
        var random = ExampleRandom(seed: 3)
        var counts = [0, 0, 0, 0]
        for _ in 0..<60_000 { counts[MaskedLMMasker.drawN(max: 3, random: &random)] += 1 }
        // 6/11, 3/11, 2/11; 60,000 draws: standard deviations below 0.0021.
        for (n, share) in [(1, 6.0 / 11), (2, 3.0 / 11), (3, 2.0 / 11)] {
            #expect(abs(Double(counts[n]) / 60_000 - share) < 0.01, "n = \(n): \(counts[n])")
        }
        var capped = ExampleRandom(seed: 4)
        #expect((0..<100).allSatisfy { _ in MaskedLMMasker.drawN(max: 1, random: &capped) == 1 })
    }

    @Test func aTokenizerWithoutTheSpecialTokensIsAClearError() throws {
        let directory = try TemporaryDirectory()
        try Self.corpus(directory)
        try StageRun.pipeline("  - stage: tokenizer\n    vocab_size: 400\n  - stage: tokenize", in: directory)
        let error = try #require(throws: PretextError.self) {
            try Self.run(directory.file("out/03-tokenize"), directory.file("out/04-mlm"))
        }
        #expect(error.code == .invalidConfiguration && error.message.contains("cls_token"))
        let notTokens = try #require(throws: PretextError.self) {
            try Self.run(directory.file("out/01-ingest"), directory.file("out/04-mlm2"))
        }
        #expect(notTokens.message.contains("tokenize"), "\(notTokens.message)")
    }

    @Test func catPrintsAnExampleWithItsMasksAndLabelsVisible() throws {
        let directory = try TemporaryDirectory()
        let input = try Self.tokenized(directory)
        try Self.run(input, directory.file("out/05-mlm"), [("dupe_factor", .scalar("1"))])
        let dataset = try Dataset.open(at: directory.file("out/05-mlm"))
        let printer = try #require(
            try ExampleRecordPrinter(dataset: dataset), "the tokenizer was copied with the examples")
        let (examples, _) = try Self.examples(directory.file("out/05-mlm"))
        let shard = try #require(try dataset.openCatalog(readOnly: true).shards().first)
        let line = try dataset.openShard(shard).withFrame(0) { bytes in
            printer.jsonLine(UnsafeRawBufferPointer(rebasing: bytes[0..<printer.recordBytes]))
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        let tokens = try #require(object["input_ids_tokens"] as? [String])
        let labels = try #require(object["masked_lm_ids_tokens"] as? [String])
        #expect(tokens.count == examples[0].length && tokens.first == "[CLS]" && tokens.last == "[SEP]")
        #expect(tokens.contains("[MASK]") && labels.count == examples[0].positions.count)
        #expect((object["input_ids"] as? [Int])?.count == 128 && object["label"] as? Int == Int(examples[0].label))
    }

    @Test func lengthCountsNgramsAndWholeVocabularyReplacementsFollowTheirOptions() throws {
        let directory = try TemporaryDirectory()
        let input = try Self.tokenized(directory)
        let options: [(String, RawOptionValue)] = [
            ("max_seq_length", .scalar("64")), ("max_predictions_per_seq", .scalar("10")),
            ("masked_lm_prob", .scalar("0.2")), ("short_seq_prob", .scalar("0")), ("max_ngram", .scalar("3")),
            ("whole_word_mask", .scalar("true")), ("random_tokens", .scalar("vocabulary")),
            ("dupe_factor", .scalar("5")),
        ]
        try Self.run(input, directory.file("out/05-mlm"), options)
        let (examples, vocabulary) = try Self.examples(directory.file("out/05-mlm"))
        let mask = try vocabulary.id(of: "[MASK]", option: "")
        var specialReplacements = 0
        for example in examples {
            #expect(example.ids.count == 64 && example.length <= 64)
            let expected = min(10, max(1, Int((Double(example.length) * 0.2).rounded(.toNearestOrEven))))
            #expect(example.positions.count <= expected, "n-grams never pass the count")
            for (position, label) in zip(example.positions, example.labels) {
                let shown = example.ids[position]
                if shown != mask, shown != label, vocabulary.isSpecial[Int(shown)] { specialReplacements += 1 }
            }
        }
        // short_seq_prob 1 draws every target length from 2…61: far fewer full examples.
        try Self.run(
            input, directory.file("out/05-short"),
            options.filter { $0.0 != "short_seq_prob" } + [("short_seq_prob", .scalar("1"))])
        let short = try Self.examples(directory.file("out/05-short")).examples
        let full = examples.filter { $0.length == 64 }.count, fullShort = short.filter { $0.length == 64 }.count
        #expect(full > 2 * fullShort, "\(full) full examples without short targets, \(fullShort) with")
        #expect(specialReplacements > 0, "random_tokens: vocabulary draws special tokens too, as BERT's script")
    }
}
