import Testing

@testable import PretextText

@Suite struct LanguageDetectorTests {
    /// Sentences written for these tests, two or three per language.
    static let samples: [(code: String, script: String, text: String)] = [
        (
            "en", "Latin",
            "The library opens at nine in the morning and closes late on Thursdays. "
                + "Children can borrow up to ten books at a time. Please return them within three weeks."
        ),
        (
            "zh", "Han",
            "我爱北京天安门。今天天气很好，我们一起去公园散步吧。研究人员表示，这项新技术将在明年投入使用。"
        ),
        (
            "zh-Hant", "Han",
            "我們今天下午在圖書館見面。這個城市的交通非常方便，大家都喜歡搭捷運。他說這本書寫得很好，值得一讀。"
        ),
        (
            "ja", "Hiragana",
            "私は東京に住んでいます。毎朝コーヒーを飲んでから、電車で会社に行きます。週末はよく友達と映画を見ます。"
        ),
        (
            "ko", "Hangul",
            "저는 서울에 살고 있습니다. 매일 아침 커피를 마시고 지하철로 회사에 갑니다. 주말에는 친구들과 영화를 봅니다."
        ),
        (
            "de", "Latin",
            "Die Bibliothek öffnet um neun Uhr morgens und schließt donnerstags spät. "
                + "Kinder dürfen bis zu zehn Bücher gleichzeitig ausleihen. Bitte bringen Sie sie innerhalb von drei Wochen zurück."
        ),
        (
            "fr", "Latin",
            "La bibliothèque ouvre à neuf heures du matin et ferme tard le jeudi. "
                + "Les enfants peuvent emprunter jusqu'à dix livres à la fois. Merci de les rendre dans les trois semaines."
        ),
        (
            "es", "Latin",
            "La biblioteca abre a las nueve de la mañana y cierra tarde los jueves. "
                + "Los niños pueden llevarse hasta diez libros a la vez. Por favor, devuélvalos en un plazo de tres semanas."
        ),
        (
            "ru", "Cyrillic",
            "Библиотека открывается в девять часов утра и закрывается поздно по четвергам. "
                + "Дети могут взять до десяти книг одновременно. Пожалуйста, верните их в течение трёх недель."
        ),
        (
            "ar", "Arabic",
            "تفتح المكتبة في الساعة التاسعة صباحا وتغلق متأخرة يوم الخميس. "
                + "يمكن للأطفال استعارة عشرة كتب في المرة الواحدة. يرجى إعادتها خلال ثلاثة أسابيع."
        ),
        (
            "hi", "Devanagari",
            "पुस्तकालय सुबह नौ बजे खुलता है और गुरुवार को देर से बंद होता है। "
                + "बच्चे एक बार में दस किताबें उधार ले सकते हैं। कृपया उन्हें तीन सप्ताह के भीतर लौटा दें।"
        ),
    ]

    @Test(arguments: samples.indices)
    func detectsLanguageAndScript(index: Int) {
        let sample = Self.samples[index]
        let result = LanguageDetector().detect(sample.text)
        #expect(result.code == sample.code, "\(sample.code): got \(result)")
        #expect(result.script == sample.script, "\(sample.code): got \(result.script)")
        #expect(result.isReliable)
        #expect(result.score > 0.9 && result.score <= 1.0)
        #expect(result.candidates.first?.code == sample.code)
    }

    @Test func emptyTextIsUnknown() {
        let result = LanguageDetector().detect("")
        #expect(result.code == "un")
        #expect(result.score == 0)
        #expect(!result.isReliable)
        #expect(result.script == "Unknown")
    }

    @Test func textWithoutLettersIsUnknown() {
        let result = LanguageDetector().detect("12345 67890 !!! ??? --- 3.14159")
        #expect(result.code == "un")
        #expect(result.script == "Unknown")
    }

    @Test func mixedTextReportsBothLanguages() {
        let english = Self.samples[0].text
        let russian = Self.samples[8].text
        // CLD2 weighs by bytes (Cyrillic takes two a letter) and skips repeated text, so the
        // English part is longer and not repeated.
        let moreEnglish =
            "Our town council decided last week to build a new bridge across the river near the old mill. "
            + "Work should begin in spring, and the mayor hopes traffic will be much lighter by next winter."
        let result = LanguageDetector().detect([english, russian, moreEnglish].joined(separator: " "))
        #expect(result.code == "en", "\(result)")
        #expect(result.summaryCode == "ru")  // CLD2 demotes English sharing a page
        #expect(result.score < 0.9)
        let codes = result.candidates.map(\.code)
        #expect(codes.contains("ru"))
        let total = result.candidates.reduce(0) { $0 + $1.score }
        #expect(total <= 1.0 + 1e-9)
    }

    @Test func invalidUTF8StopsTheScanWithoutCrashing() {
        var bytes = Array(Self.samples[0].text.utf8)
        bytes.insert(0xFF, at: 20)
        let result = bytes.withUnsafeBytes { LanguageDetector().detect(utf8: $0) }
        #expect(["en", "un"].contains(result.code))
    }

    @Test func isSafeToShareAcrossTasks() async {
        let detector = LanguageDetector()
        let codes = await withTaskGroup(of: String.self) { group in
            for k in 0..<32 {
                let sample = Self.samples[k % Self.samples.count]
                group.addTask { detector.detect(sample.text).code == sample.code ? "ok" : sample.code }
            }
            var results: [String] = []
            for await code in group { results.append(code) }
            return results
        }
        #expect(codes.allSatisfy { $0 == "ok" })
    }

    @Test func dominantScriptShare() throws {
        let result = try #require(UnicodeScripts.dominant(in: "abc АБВГД"))
        #expect(result.name == "Cyrillic")
        #expect(abs(result.share - 5.0 / 8.0) < 1e-9)
        #expect(UnicodeScripts.dominant(in: "123 ... ！") == nil)
    }
}
