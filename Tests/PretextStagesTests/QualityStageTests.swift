import Foundation
import PretextCore
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextPipeline

/// ingest → language → quality on clean and spammy English and Chinese documents.
@Suite struct QualityStageTests {
    static let cleanEnglish = """
        The town library opened a new reading room this spring. It has tall windows, long oak tables \
        and enough chairs for forty readers. Volunteers spent the winter painting the walls and repairing \
        the old shelves that had been stored in the basement.
        Most visitors come in the morning, when the light is best. Children use the room after school \
        to do their homework, and the librarians say that the quiet has been good for them.
        The council has agreed to keep the room open on Saturdays as well. A small grant will pay for \
        new lamps and a better heating system before the next winter arrives.
        """
    static let spamEnglish = Array(repeating: "BUY CHEAP WATCHES NOW click here best price", count: 30)
        .joined(separator: "\n")
    static let cleanChinese = """
        今年春天，镇上的图书馆开放了一间新的阅览室。房间里有高高的窗户和长长的木桌，可以同时容纳四十位读者。
        志愿者们用了一个冬天的时间粉刷墙壁，并修好了地下室里存放多年的旧书架。
        大多数读者喜欢在上午来这里看书，因为那时的光线最好。放学以后，孩子们也会来这里写作业。
        图书馆的工作人员说，这里的安静环境对孩子们的学习很有帮助，家长们也很满意。
        镇政府已经同意在周六继续开放这个房间。一笔小额资助将用于购买新的台灯，并在冬天到来之前改善取暖设备。
        """
    static let cleanGerman = """
        Die Bibliothek der Stadt hat in diesem Frühjahr einen neuen Lesesaal eröffnet. Er hat hohe \
        Fenster, lange Tische aus Eiche und Platz für vierzig Leserinnen und Leser. Freiwillige haben \
        im Winter die Wände gestrichen und die alten Regale aus dem Keller repariert.
        Die meisten Besucher kommen am Vormittag, wenn das Licht am besten ist. Nach der Schule machen \
        Kinder hier ihre Hausaufgaben, und die Bibliothekarinnen sagen, dass ihnen die Ruhe guttut.
        Der Gemeinderat hat beschlossen, den Saal auch samstags zu öffnen. Ein kleiner Zuschuss bezahlt \
        neue Lampen und eine bessere Heizung, bevor der nächste Winter kommt.
        """
    static let spamChinese = Array(repeating: "特价手表 便宜手表 点击这里 最低价格 马上购买", count: 30)
        .joined(separator: "\n")

    private func dataset(_ directory: TemporaryDirectory, rules: [String] = [], annotate: Bool = false) throws -> String
    {
        let texts = [
            "en-clean": Self.cleanEnglish, "en-spam": Self.spamEnglish, "zh-clean": Self.cleanChinese,
            "zh-spam": Self.spamChinese, "de-clean": Self.cleanGerman,
        ]
        var lines = ""
        for (id, text) in texts.sorted(by: { $0.key < $1.key }) {
            let data = try JSONSerialization.data(withJSONObject: ["id": id, "text": text])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        try directory.write("in/a.jsonl", lines)
        let quoted = rules.map { "\"\($0)\"" }.joined(separator: ", ")
        try StageRun.pipeline(
            """
              - stage: language
              - stage: quality
                annotate_only: \(annotate)
                rules: [\(quoted)]
            """, in: directory)
        return directory.path + "/out/03-quality"
    }

    private func query(_ path: String, _ sql: String) throws -> [[String]] {
        try Dataset.open(at: path).openCatalog(readOnly: true).query(sql).rows.map { $0.map(\.description) }
    }

    @Test func keepsCleanTextAndDropsSpamInBothLanguages() throws {
        let directory = try TemporaryDirectory()
        let output = try dataset(directory)
        // The German article is kept: English stop words are not required of other languages.
        #expect(
            try query(output, "SELECT id, lang FROM documents ORDER BY id") == [
                ["de-clean", "de"], ["en-clean", "en"], ["zh-clean", "zh"],
            ])
        let drops = try query(output, "SELECT document, reason FROM drops ORDER BY document")
        #expect(drops.map { $0[0] } == ["en-spam", "zh-spam"])
        #expect(
            drops.allSatisfy { $0[1].hasPrefix("gopher_") || $0[1].hasPrefix("c4_") || $0[1].hasPrefix("fineweb_") })
        let detail = try query(output, "SELECT detail FROM drops WHERE document = 'zh-spam'")
        #expect(detail.first?.first?.contains("gopher_word_count=") == true)
        let signals = try query(
            output, "SELECT gopher_word_count > 50, fineweb_line_punct_ratio FROM documents WHERE id = 'zh-clean'")
        #expect(signals.first?.first == "1")
    }

    @Test func annotateOnlyKeepsEverythingWithSignals() throws {
        let directory = try TemporaryDirectory()
        let output = try dataset(directory, annotate: true)
        let ids = try query(output, "SELECT id FROM documents ORDER BY id")
        #expect(ids.count == 5, "\(ids)")
        #expect(try query(output, "SELECT count(*) FROM drops") == [["0"]])
        let spam = try query(output, "SELECT gopher_dup_line_frac FROM documents WHERE id = 'en-spam'")
        #expect(Double(spam.first?.first ?? "") ?? 0 > 0.9)
    }

    @Test func thresholdsCanBeSetPerLanguage() throws {
        let directory = try TemporaryDirectory()
        // A minimum of 100,000 words for Chinese only: the clean Chinese article is now too short,
        // the clean English one is still kept.
        let output = try dataset(directory, rules: ["zh:gopher_min_doc_words=100000"])
        #expect(try query(output, "SELECT id FROM documents ORDER BY id") == [["de-clean"], ["en-clean"]])
        let reason = try query(output, "SELECT reason FROM drops WHERE document = 'zh-clean'")
        #expect(reason == [["gopher_short_doc"]])
    }

    @Test func aThresholdOffForEveryLanguage() throws {
        let directory = try TemporaryDirectory()
        let strict = try dataset(directory, rules: ["gopher_min_doc_words=100000"])
        #expect(try query(strict, "SELECT count(*) FROM documents") == [["0"]])
        let other = try TemporaryDirectory()
        let relaxed = try dataset(other, rules: ["gopher_min_doc_words=100000", "gopher_min_doc_words=off"])
        #expect(
            try query(relaxed, "SELECT id FROM documents ORDER BY id") == [["de-clean"], ["en-clean"], ["zh-clean"]])
    }

    @Test func hindiSentencesEndWithTheDanda() throws {
        let hindi = """
            शहर के पुस्तकालय ने इस वसंत में एक नया पठन कक्ष खोला है। इसमें ऊँची खिड़कियाँ, लंबी मेज़ें और चालीस \
            पाठकों के लिए कुर्सियाँ हैं। स्वयंसेवकों ने सर्दियों में दीवारों को रंगा और पुरानी अलमारियों की मरम्मत की।
            ज़्यादातर लोग सुबह आते हैं, जब रोशनी सबसे अच्छी होती है। स्कूल के बाद बच्चे यहाँ अपना गृहकार्य करते हैं।
            नगर परिषद ने शनिवार को भी कक्ष खुला रखने का फ़ैसला किया है। एक छोटे अनुदान से नए लैंप और बेहतर \
            हीटर खरीदे जाएँगे, और अगली सर्दी से पहले पूरे भवन की मरम्मत भी की जाएगी।
            """
        var worker = try QualityStage(options: StageOptions()).makeWorker()
        var document = Document(id: "hi", text: hindi, source: "test")
        var row = DocumentRow(id: "hi", lang: "hi")
        #expect(try worker.process(&document, row: &row) == .keep)
        #expect(row.signals.contains { $0.name == "c4_kept_line_count" && $0.value == .real(3) })
    }

    @Test func badRuleSettingsAreErrors() throws {
        for rules in [["gopher_min_words=3"], ["gopher_min_doc_words=many"], ["nonsense"]] {
            let options = try StageOptions(
                specs: QualityStage.descriptor.options, given: [("rules", .sequence(rules), nil)], context: "t")
            #expect(throws: PretextError.self) { try QualityStage(options: options) }
        }
        let families = try StageOptions(
            specs: QualityStage.descriptor.options, given: [("families", .sequence(["gopher", "c4"]), nil)],
            context: "t")
        #expect(throws: PretextError.self) { try QualityStage(options: families) }
    }

    /// Without a language step the rules are chosen by CLD2 inline (issue 15): the German article
    /// is not held to English stop words, and `quality_lang` says which rules applied.
    @Test func documentsWithoutALanguageHaveItDetectedToChooseTheRules() throws {
        let directory = try TemporaryDirectory()
        var lines = ""
        for (id, text) in [
            ("de-clean", Self.cleanGerman), ("en-clean", Self.cleanEnglish), ("zh-spam", Self.spamChinese),
        ] {
            lines += try StageRun.line(id: id, text: text) + "\n"
        }
        try directory.write("in/a.jsonl", lines)
        try StageRun.pipeline("  - stage: quality", in: directory)
        let output = directory.path + "/out/02-quality"
        #expect(
            try query(output, "SELECT id, lang, quality_lang FROM documents ORDER BY id") == [
                ["de-clean", "NULL", "de"], ["en-clean", "NULL", "en"],
            ])
        #expect(try query(output, "SELECT document FROM drops") == [["zh-spam"]])
        let other = try TemporaryDirectory()
        let withLanguage = try dataset(other)
        let columns = try query(withLanguage, "SELECT name FROM pragma_table_info('documents')").map { $0[0] }
        #expect(!columns.contains("quality_lang"), "documents with a lang need no detection")
    }
}
