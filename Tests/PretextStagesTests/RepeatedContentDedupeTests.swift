import Foundation
import PretextCore
import PretextDedupe
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextPipeline
@testable import PretextStages

/// The `lines`, `paragraphs` and `spans` methods of the dedupe stage.
@Suite struct RepeatedContentDedupeTests {
    private static let navigation = "Home | About us | Contact"
    private static let cookies = "We use cookies to improve this site. Accept all cookies."

    // MARK: helpers

    private func ingest(
        _ files: [[(String, String)]], in directory: TemporaryDirectory, shardBytes: Int = 4096, workers: Int = 1,
        largestFirst: Bool = false
    ) throws -> String {
        try StageRun.ingest(
            lines: files.map { try $0.map(StageRun.line) }, in: directory, shardBytes: shardBytes, workers: workers,
            largestFirst: largestFirst)
    }

    @discardableResult
    private func dedupe(
        _ input: String, _ output: String, _ given: [(String, String)],
        settings: RunSettings = RunSettings(workers: 1, progressStyle: .silent),
        execution: StageOptions = ExecutionSettings.defaults
    ) throws -> StepReport {
        try StageRun.stage(
            "dedupe", given.map { ($0.0, .scalar($0.1)) }, input: input, output: output, settings: settings,
            execution: execution)
    }

    /// Execution settings that keep the work area after the step (its files are inspected).
    private static var keepWork: StageOptions {
        var values = ExecutionSettings.defaults.values
        values["keep_work"] = .boolean(true)
        return StageOptions(values)
    }

    private func rejects(_ path: String) throws -> [String: String] { try StageRun.rejects(path) }

    /// The signals of kept documents: id → "units/bytes".
    private func signals(_ path: String) throws -> [String: String] {
        let rows = try Dataset.open(at: path).openCatalog(readOnly: true).query(
            "SELECT id, dup_units_removed, dup_bytes_removed FROM documents")
        return Dictionary(uniqueKeysWithValues: rows.rows.map { ($0[0].description, "\($0[1])/\($0[2])") })
    }

    private func rowIDs(_ path: String) throws -> [String: UInt64] {
        let rows = try Dataset.open(at: path).openCatalog(readOnly: true).query("SELECT id, rowid FROM documents")
        return Dictionary(uniqueKeysWithValues: rows.rows.map { ($0[0].description, UInt64($0[1].int ?? 0)) })
    }

    /// The records of the totals phase of the single work area under `output`.
    private func totals(_ output: String) throws -> [RepeatedUnitCount] {
        let hashes = try FileManager.default.contentsOfDirectory(atPath: output + "/work")
        let work = WorkArea(root: output + "/work/" + (try #require(hashes.first)))
        return try work.files(phase: "totals", worldSize: 1).flatMap {
            try WorkFileReader<RepeatedUnitCount>(directory: work.directory(of: "totals"), info: $0, phase: "totals")
                .readAll()
        }
    }

    private func hash(_ normalized: String) -> UInt64 {
        var text = normalized
        return text.withUTF8 { RepeatedUnitCount.hash(of: UnsafeRawBufferPointer($0)) }
    }

    /// The UTF-8 offset of the first `part` in `text`.
    private func offset(of part: String, in text: String) -> UInt64 {
        let bytes = Array(text.utf8)
        let needle = Array(part.utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
        return UInt64(start ?? -1)
    }

    /// `count` documents of `lines` unique sentences of `words` words, one per line, with
    /// boilerplate lines mixed in: the navigation line on every document, the cookie notice on
    /// every third.
    private func boilerplateCorpus(count: Int, seed: UInt64, lines: Int = 4, words: Int = 8) -> [(String, String)] {
        var text = MadeUpText(seed: seed)
        return (0..<count).map { index in
            var lines = [Self.navigation] + (0..<lines).map { _ in text.sentence(words) }
            if index % 3 == 0 { lines.insert(Self.cookies, at: 2) }
            return ("d\(index)", lines.joined(separator: "\n") + "\n")
        }
    }

    // MARK: tests

    @Test func totalsHoldExactCountsAndFirstOccurrencesOfUnitsOverTheThreshold() throws {
        let directory = try TemporaryDirectory()
        var corpus = boilerplateCorpus(count: 12, seed: 1)
        var text = MadeUpText(seed: 2)
        let echo = text.sentence()
        corpus.append(
            ("triple", [echo, "  Home |  About us   | Contact ", echo, text.sentence(), echo].joined(separator: "\n")))
        corpus.append(("twice", "Share this page.\n" + text.sentence() + "\nShare this page."))
        let input = try ingest([corpus], in: directory)
        let output = directory.path + "/lines"
        try dedupe(
            input, output, [("method", "lines"), ("max_repeats", "2"), ("keep_first", "false"), ("min_words", "3")],
            execution: Self.keepWork)

        let ids = try rowIDs(input)
        // One input file (the first source), so the input order is 1 << 40 | line.
        let line = { (id: String) in UInt64(1 << 40 | (corpus.firstIndex { $0.0 == id }! + 1)) }
        let expected = [
            RepeatedUnitCount(
                hash: hash(Self.navigation), count: 13, order: line("d0"), document: ids["d0"]!, position: 0),
            RepeatedUnitCount(
                hash: hash(Self.cookies), count: 4, order: line("d0"), document: ids["d0"]!,
                position: offset(of: Self.cookies, in: corpus[0].1)),
            RepeatedUnitCount(hash: hash(echo), count: 3, order: line("triple"), document: ids["triple"]!, position: 0),
        ]
        #expect(try totals(output).sorted() == expected.sorted())

        let texts = try DocumentFetch.texts(output)
        #expect(texts["twice"]?.components(separatedBy: "Share this page.").count == 3)
        let triple = try #require(texts["triple"])
        #expect(!triple.contains("Home") && !triple.contains(echo) && triple.split(separator: "\n").count == 1)
        #expect(texts.values.allSatisfy { !$0.contains("Home |") && !$0.contains("cookies") })
    }

    @Test func boilerplateLinesLeaveEveryDocumentButTheFirstByteForByte() throws {
        let directory = try TemporaryDirectory()
        let corpus = boilerplateCorpus(count: 30, seed: 3)
        // Two input files: corpus order is the input catalog's order (file, then line).
        let input = try ingest([Array(corpus[0..<15]), Array(corpus[15...])], in: directory)
        let output = directory.path + "/lines"
        let report = try dedupe(input, output, [("method", "lines"), ("min_words", "10")])
        #expect(report.kept == 30 && report.rejected == 0)

        let texts = try DocumentFetch.texts(output)
        let signals = try signals(output)
        for (id, original) in corpus {
            var expected = original
            if id != "d0" {
                expected = expected.replacingOccurrences(of: Self.navigation + "\n", with: "")
                expected = expected.replacingOccurrences(of: Self.cookies + "\n", with: "")
            }
            #expect(texts[id] == expected, "\(id)")
            let removed = original.utf8.count - expected.utf8.count
            let units = id == "d0" ? 0 : (Int(id.dropFirst())! % 3 == 0 ? 2 : 1)
            #expect(signals[id] == "\(units)/\(removed)", "\(id)")
        }
        #expect(try DatasetVerifier.verify(Dataset.open(at: output)).problems.isEmpty)
    }

    @Test func keepFirstKeepsTheEarliestOccurrenceEvenInsideOneDocument() throws {
        let directory = try TemporaryDirectory()
        var text = MadeUpText(seed: 4)
        let shared = text.sentence()
        let (a, b, c) = (text.sentence(), text.sentence(), text.sentence())
        let input = try ingest(
            [
                [("first", [a, shared, b, shared].joined(separator: "\n"))],
                [("second", [shared, c].joined(separator: "\n"))],
            ],
            in: directory)
        let keep = directory.path + "/keep"
        try dedupe(input, keep, [("method", "lines"), ("min_words", "1")])
        #expect(try DocumentFetch.texts(keep) == ["first": [a, shared, b, ""].joined(separator: "\n"), "second": c])

        let all = directory.path + "/all"
        try dedupe(input, all, [("method", "lines"), ("keep_first", "false"), ("min_words", "1")])
        #expect(try DocumentFetch.texts(all) == ["first": [a, b, ""].joined(separator: "\n"), "second": c])
    }

    @Test func theFirstOccurrenceIsInInputOrderWhateverTheIngestWorldSize() throws {
        let directory = try TemporaryDirectory()
        var text = MadeUpText(seed: 12)
        let shared = text.sentence()
        // The larger second file goes to ingest rank 0, so its documents get the lower rowids.
        let later = (0..<30).map { ("later\($0)", [text.sentence(), shared].joined(separator: "\n")) }
        let input = try ingest(
            [[("earliest", [shared, text.sentence()].joined(separator: "\n"))], later], in: directory, workers: 2,
            largestFirst: true)
        let ids = try rowIDs(input)
        #expect(ids["later0"]! < ids["earliest"]!, "the test needs storage order to differ from input order")
        let output = directory.path + "/order"
        try dedupe(input, output, [("method", "lines"), ("min_words", "1")])
        let signals = try signals(output)
        #expect(signals["earliest"] == "0/0")
        #expect(later.allSatisfy { signals[$0.0]?.hasPrefix("1/") == true })
    }

    @Test func paragraphsGoWithTheBlankLinesAfterThem() throws {
        let directory = try TemporaryDirectory()
        var text = MadeUpText(seed: 5)
        let notice = text.sentence() + "\n" + text.sentence()
        let (p1, p2, p3) = (text.sentence(20), text.sentence(20), text.sentence(20))
        let input = try ingest(
            [
                [
                    ("a", p1 + "\n\n" + notice + "\n\n" + p2),
                    ("b", "\n" + p3 + "\n\n\n" + notice.replacingOccurrences(of: "\n", with: "\n  ")),
                ]
            ],
            in: directory)
        let output = directory.path + "/paragraphs"
        try dedupe(input, output, [("method", "paragraphs"), ("min_words", "15")])
        #expect(
            try DocumentFetch.texts(output) == ["a": p1 + "\n\n" + notice + "\n\n" + p2, "b": "\n" + p3 + "\n\n\n"])

        let spare = directory.path + "/spare"
        try dedupe(input, spare, [("method", "paragraphs"), ("keep_first", "false"), ("min_words", "15")])
        #expect(try DocumentFetch.texts(spare) == ["a": p1 + "\n\n" + p2, "b": "\n" + p3 + "\n\n\n"])
    }

    @Test func spansOfThreeSentencesAreRemovedAfterTheirFirstOccurrence() throws {
        let directory = try TemporaryDirectory()
        var text = MadeUpText(seed: 6)
        let s = (0..<8).map { _ in text.sentence(6) }
        let input = try ingest(
            [
                [
                    ("source", [s[0], s[1], s[2], s[3]].joined(separator: " ")),
                    ("copy", [s[4], s[0], s[1], s[2], s[5]].joined(separator: " ")),
                    ("reflowed", [s[6], s[1] + "\n" + s[2], s[3], s[7]].joined(separator: "  ")),
                    ("two", [s[5], s[0], s[1], s[7]].joined(separator: " ")),
                ]
            ], in: directory)
        let output = directory.path + "/spans"
        try dedupe(input, output, [("method", "spans"), ("min_words", "5")])
        let texts = try DocumentFetch.texts(output)
        #expect(texts["source"] == [s[0], s[1], s[2], s[3]].joined(separator: " "))
        #expect(texts["copy"] == [s[4], s[5]].joined(separator: " "))
        // s1 s2 s3 is a repeated span whatever the whitespace between its sentences.
        #expect(texts["reflowed"] == [s[6], s[7]].joined(separator: "  "))
        // Only two sentences in a row are shared: no span repeats.
        #expect(texts["two"] == [s[5], s[0], s[1], s[7]].joined(separator: " "))
        #expect(try signals(output)["copy"] == "3/\(([s[0], s[1], s[2]].joined(separator: " ") + " ").utf8.count)")
    }

    @Test func theNormalizeStepsAndAMinimumLengthDecideWhatCountsAsTheSameUnit() throws {
        let directory = try TemporaryDirectory()
        var text = MadeUpText(seed: 11)
        let (a, b) = (text.sentence(), text.sentence())
        let input = try ingest(
            [
                [
                    ("x", ["Posted on 12 May 2021 by Admin", "}", a].joined(separator: "\n")),
                    ("y", ["POSTED ON 3 MAY 2024, BY ADMIN!", "}", b].joined(separator: "\n")),
                ]
            ], in: directory)
        let plain = directory.path + "/plain"
        try dedupe(input, plain, [("method", "lines"), ("min_words", "1")])
        #expect(try signals(plain) == ["x": "0/0", "y": "1/2"])

        let normalized = directory.path + "/normalized"
        try dedupe(
            input, normalized,
            [("method", "lines"), ("min_words", "1"), ("unit_normalization", "normalize"), ("min_unit_chars", "2")])
        let texts = try DocumentFetch.texts(normalized)
        #expect(texts["y"] == "}\n" + b)
        #expect(texts["x"] == ["Posted on 12 May 2021 by Admin", "}", a].joined(separator: "\n"))
    }

    @Test func chineseSpansBreakAtIdeographicFullStops() throws {
        let directory = try TemporaryDirectory()
        let shared = "我们的网站使用小型文本文件。继续浏览即表示同意。更多信息请阅读说明。"
        let first = "今天的天气很好，我们去公园散步。" + shared + "晚上大家一起吃饭，聊了很久。"
        let second = "这本书讲述了一个古老的故事。" + shared + "作者花了十年时间写完这本书。"
        let input = try ingest([[("first", first), ("second", second)]], in: directory)
        let output = directory.path + "/zh"
        try dedupe(input, output, [("method", "spans"), ("min_words", "5")])
        let texts = try DocumentFetch.texts(output)
        #expect(texts["first"] == first)
        #expect(texts["second"] == "这本书讲述了一个古老的故事。作者花了十年时间写完这本书。")
    }

    @Test func bloomCountingRemovesWhatExactCountingRemoves() throws {
        let directory = try TemporaryDirectory()
        var corpus = boilerplateCorpus(count: 40, seed: 7)
        corpus.append(("short", Self.navigation + "\n" + Self.cookies + "\nToo short."))
        let input = try ingest([corpus], in: directory)
        let common = [("method", "lines"), ("keep_first", "false"), ("min_words", "10"), ("max_repeats", "3")]
        let exact = directory.path + "/exact"
        try dedupe(input, exact, common)
        let bloom = directory.path + "/bloom"
        try dedupe(input, bloom, common + [("counting", "bloom"), ("bloom_items", "1000"), ("bloom_fp", "0.001")])
        #expect(try DocumentFetch.texts(bloom) == DocumentFetch.texts(exact))
        #expect(try rejects(bloom) == rejects(exact))
        // Saturating sums do not depend on how the corpus is split over ranks.
        let threads = directory.path + "/bloom-threads"
        try dedupe(
            input, threads, common + [("counting", "bloom"), ("bloom_items", "1000"), ("bloom_fp", "0.001")],
            settings: RunSettings(workers: 3, progressStyle: .silent))
        #expect(try DocumentFetch.texts(threads) == DocumentFetch.texts(exact))
        #expect(try signals(threads) == signals(exact))
        #expect(try rejects(exact).keys.sorted() == ["short"])
        #expect(throws: PretextError.self) {
            try dedupe(input, directory.path + "/first", [("method", "lines"), ("counting", "bloom")])
        }
    }

    @Test func aDocumentLeftTooShortGoesToRejectsWithWhatWasRemoved() throws {
        let directory = try TemporaryDirectory()
        var corpus = boilerplateCorpus(count: 6, seed: 8)
        let thin = [Self.navigation, "Only four words here.", Self.cookies].joined(separator: "\n")
        let removed = Self.navigation.utf8.count + 1 + Self.cookies.utf8.count
        corpus.append(("thin", thin))
        corpus.append(("empty", Self.navigation + "\n\n" + Self.cookies + "\n"))
        let input = try ingest([corpus], in: directory)
        let output = directory.path + "/short"
        let report = try dedupe(input, output, [("method", "lines"), ("min_words", "8")])
        #expect(report.kept == 6 && report.rejected == 2)
        let dropped = try rejects(output)
        #expect(
            dropped["thin"]
                == "repeated_content: removed 2 of 3 lines (\(removed) of \(thin.utf8.count) bytes) repeated more than "
                + "1× in the corpus; 4 words left, min_words 8")
        #expect(dropped["empty"]?.hasPrefix("repeated_content: removed 2 of 2 lines") == true)
        #expect(try rejectedText(output).contains("Only four words here."))
    }

    /// The decompressed text of every rejects shard of `output`.
    private func rejectedText(_ output: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: output + "/rejects").filter {
            $0.hasSuffix(".zst")
        }
        return try names.map { name in
            let reader = try ShardReader(path: output + "/rejects/" + name)
            return try (0..<reader.frameCount).map { String(decoding: try reader.frame($0), as: UTF8.self) }.joined()
        }.joined()
    }

    @Test func worldSizeFourAndATinyMemoryBudgetGiveTheSameResult() throws {
        let directory = try TemporaryDirectory()
        // 12 000 distinct lines: more than a 1 MB budget holds (about 9 000 hashes).
        var corpus = boilerplateCorpus(count: 1500, seed: 9, lines: 8, words: 3)
        corpus.append(("thin", Self.navigation + "\nFive words are not enough."))
        let input = try ingest([corpus], in: directory, shardBytes: 64 << 10)
        let options = [("method", "lines"), ("min_words", "12")]
        let single = directory.path + "/single"
        try dedupe(input, single, options)
        let expected = (try DocumentFetch.texts(single), try rejects(single), try signals(single))
        #expect(expected.1.keys.sorted() == ["thin"])

        let spilled = directory.path + "/spilled"
        try dedupe(input, spilled, options + [("memory_mb", "1")], execution: Self.keepWork)
        let runs = try FileManager.default.subpathsOfDirectory(atPath: spilled + "/work").filter {
            $0.contains("/counts/") && $0.hasSuffix("-00001.bin")
        }
        #expect(!runs.isEmpty, "a 1 MB budget spills more than one run")

        let four = directory.path + "/four"
        var merged = false
        for _ in 0..<4 where !merged {
            for rank in [2, 0, 3, 1] {
                let settings = RunSettings(rank: rank, worldSize: 4, progressStyle: .silent)
                merged = try dedupe(input, four, options, settings: settings).merged || merged
            }
        }
        #expect(merged)
        let threads = directory.path + "/threads"
        try dedupe(
            input, threads, options + [("memory_mb", "1")], settings: RunSettings(workers: 4, progressStyle: .silent))
        for output in [spilled, four, threads] {
            #expect(try DocumentFetch.texts(output) == expected.0, "\(output)")
            #expect(try rejects(output) == expected.1, "\(output)")
            #expect(try signals(output) == expected.2, "\(output)")
        }
        #expect(try DatasetVerifier.verify(Dataset.open(at: four)).problems.isEmpty)
    }

    @Test func aDamagedCountsFileStopsTheTotalsPhaseWithAClearError() throws {
        let directory = try TemporaryDirectory()
        let input = try ingest([boilerplateCorpus(count: 200, seed: 10)], in: directory)
        let output = directory.path + "/damaged"
        let options = [("method", "lines"), ("min_words", "5")]
        let settings = { (rank: Int) in RunSettings(rank: rank, worldSize: 2, progressStyle: .silent) }
        #expect(
            try dedupe(input, output, options, settings: settings(0)).waitingFor?.contains("phase 'counts'") == true)
        #expect(
            try dedupe(input, output, options, settings: settings(1)).waitingFor?.contains("phase 'totals'") == true)
        let work = output + "/work"
        let files = try FileManager.default.subpathsOfDirectory(atPath: work).filter {
            $0.contains("counts/counts-r1-") && $0.hasSuffix(".bin")
        }
        #expect(!files.isEmpty)
        for file in files {
            let url = URL(fileURLWithPath: work + "/" + file)
            var bytes = try [UInt8](Data(contentsOf: url))
            bytes[bytes.count - 5] ^= 0x10
            try Data(bytes).write(to: url)
        }
        do {
            try dedupe(input, output, options, settings: settings(0))
            Issue.record("a damaged counts file was used")
        } catch let error as PretextError {
            #expect(error.code == .corrupt)
            #expect(error.message.contains("phase 'counts' is damaged"))
            #expect(error.path?.contains("/counts/counts-r1-") == true)
        }
    }
}

/// The splitter's ASCII fast path against the simplifier it stands in for.
@Suite struct RepeatedUnitNormalizationTests {
    @Test func collapsingASCIIWhitespaceMatchesTheSimplifier() throws {
        var simplifier = DedupeTextSimplifier(normalization: try DedupeNormalization(names: ["whitespace"]))
        var simplified = SimplifiedText()
        var fast: [UInt8] = []
        let alphabet: [UInt8] = Array(" \t\n\r\u{0B}\u{0C}\u{1C}\u{1F}ab.,!".utf8)
        var state: UInt64 = 12345
        for length in 0..<400 {
            let bytes = (0..<(length % 40)).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return alphabet[Int(state >> 33) % alphabet.count]
            }
            try bytes.withUnsafeBytes { raw in
                try simplifier.simplify(utf8: raw, into: &simplified)
                #expect(RepeatedUnitSplitter.collapseASCII(raw, into: &fast))
            }
            #expect(fast == simplified.text, "\(bytes)")
        }
        #expect(!Array("café".utf8).withUnsafeBytes { RepeatedUnitSplitter.collapseASCII($0, into: &fast) })
    }
}
