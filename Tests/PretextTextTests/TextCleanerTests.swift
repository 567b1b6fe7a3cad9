import Testing

@testable import PretextText

@Suite struct TextCleanerTests {
    /// A cleaner with every step off except the ones `configure` switches on.
    static func only(_ configure: (inout TextCleaner.Options) -> Void) -> TextCleaner {
        var options = TextCleaner.Options.none
        configure(&options)
        return TextCleaner(options: options)
    }

    @Test func defaultsCleanATypicalDocument() {
        let text = "\u{FEFF}  Title\u{00A0}here  \r\n\r\n\r\n\r\nBody\u{200B} text\u{0007}.\t \n\n\n"
        #expect(TextCleaner().clean(text) == "Title here\n\nBody text.")
    }

    @Test func noneCopiesUnchanged() {
        let text = "\u{FEFF} a\u{00A0}b \r\n\u{0007}\u{200B}\u{2028}\n\n\n\n  "
        #expect(TextCleaner(options: .none).clean(text) == text)
    }

    @Test func removesControlCharacters() {
        let cleaner = Self.only { $0.removeControlCharacters = true }
        #expect(cleaner.clean("a\u{0000}b\u{001B}c\u{007F}d\u{0080}e\u{009F}f\tg\nh") == "abcdef\tg\nh")
        #expect(cleaner.clean("a\rb") == "a\rb")  // CR belongs to line endings
        #expect(cleaner.clean("a\u{000C}b\u{0085}c") == "abc")  // line breaks go when not normalized
    }

    @Test func removesZeroWidthCharacters() {
        let cleaner = Self.only { $0.removeZeroWidthCharacters = true }
        #expect(cleaner.clean("\u{FEFF}zero\u{200B}width\u{2060}join") == "zerowidthjoin")
        #expect(cleaner.clean("a\u{200D}b c\u{200C}d") == "ab cd")  // next to ASCII: noise
        let emoji = "👩\u{200D}💻 and 👨\u{200D}👩\u{200D}👧"
        #expect(cleaner.clean(emoji) == emoji)  // emoji ZWJ sequences survive
        let persian = "می\u{200C}خواهم"
        #expect(cleaner.clean(persian) == persian)  // Persian ZWNJ survives
    }

    @Test func mapsUnicodeSpacesButKeepsIdeographicSpace() {
        let cleaner = Self.only { $0.mapUnicodeSpaces = true }
        #expect(cleaner.clean("a\u{00A0}b\u{2003}c\u{202F}d\u{205F}e\u{1680}f") == "a b c d e f")
        #expect(cleaner.clean("　　第一章　开始") == "　　第一章　开始")
        let ideographic = Self.only { $0.mapIdeographicSpace = true }
        #expect(ideographic.clean("第一章　开始") == "第一章 开始")
    }

    @Test func normalizesLineEndings() {
        let cleaner = Self.only { $0.normalizeLineEndings = true }
        #expect(cleaner.clean("a\r\nb\rc\u{0085}d\u{2028}e\u{2029}f\u{000B}g\u{000C}h\n") == "a\nb\nc\nd\ne\nf\ng\nh\n")
        #expect(cleaner.clean("\r\n\r\n") == "\n\n")
    }

    @Test func collapsesBlankLines() {
        let cleaner = Self.only { $0.maxConsecutiveNewlines = 2 }
        #expect(cleaner.clean("a\n\n\n\n\nb") == "a\n\nb")
        #expect(cleaner.clean("a\n \n\t\n  \nb") == "a\n \nb")  // whitespace-only lines are blank lines
        #expect(cleaner.clean("a\nb\n\nc") == "a\nb\n\nc")
        let one = Self.only { $0.maxConsecutiveNewlines = 1 }
        #expect(one.clean("a\n\n\nb\nc") == "a\nb\nc")
    }

    @Test func trimsTrailingWhitespaceAndDocument() {
        let lines = Self.only { $0.trimTrailingWhitespace = true }
        #expect(lines.clean("a  \nb\t\n  c  ") == "a\nb\n  c")
        let document = Self.only { $0.trimDocument = true }
        #expect(document.clean(" \n\t a b \n\n ") == "a b")
        #expect(document.clean(" \n ") == "")
        #expect(TextCleaner().clean("\u{00A0}\u{200B}\n") == "")
    }

    @Test func repairsMojibake() {
        let cleaner = Self.only { $0.repairMojibake = true }
        #expect(cleaner.clean("cafÃ©") == "café")
        #expect(cleaner.clean("itâ€™s â€œquotedâ€\u{009D}") == "it’s “quoted”")
        #expect(cleaner.clean("naÃ¯ve rÃ©sumÃ© Ã\u{A0} la") == "naïve résumé à la")
        // A limit: "à" is C3 A0, and the NO-BREAK SPACE A0 often became a plain space.
        #expect(cleaner.clean("Ã  la") == "Ã  la")
        #expect(cleaner.clean("æ—¥æœ¬èªž") == "日本語")
        #expect(cleaner.clean("Ã©Ã©") == "éé")
    }

    @Test func mojibakeRepairLeavesRealTextAlone() {
        let cleaner = Self.only { $0.repairMojibake = true }
        for text in [
            "café résumé naïve", "Ça va? À bientôt!", "Größe über Maß", "£10 © 2024 — “quoted”", "日本語 и русский",
            "Ã", "Ã and ©",
        ] {
            #expect(cleaner.clean(text) == text)
        }
    }

    @Test func mojibakeIsOffByDefault() {
        #expect(TextCleaner().clean("cafÃ©") == "cafÃ©")
    }

    @Test func illFormedBytesPassThrough() {
        let bytes: [UInt8] = [0x61, 0xFF, 0xC2, 0x62, 0xE2, 0x80, 0xE3, 0x80]
        var output: [UInt8] = []
        bytes.withUnsafeBytes { TextCleaner().clean(utf8: $0, into: &output) }
        #expect(output == bytes)
    }

    /// Properties over seeded random mixes of the characters the cleaner treats specially.
    @Test(arguments: [3, 17, 2024] as [UInt64])
    func idempotentAndNeverLonger(seed: UInt64) {
        let alphabet: [String] = [
            "a", "b", " ", "\t", "\n", "\r", "\r\n", "\u{0}", "\u{7}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}",
            "\u{2002}",
            "\u{200B}", "\u{200C}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{2060}", "\u{3000}", "\u{FEFF}", "é", "中",
            "👩", "Ã", "©", "â€", "™", "\u{B}", "\u{C}",
        ]
        var state = seed
        var all = TextCleaner.Options()
        all.repairMojibake = true
        for cleaner in [TextCleaner(), TextCleaner(options: all)] {
            for _ in 0..<300 {
                var text = ""
                for _ in 0..<(Int(state % 40)) {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407  // PCG step
                    text += alphabet[Int((state >> 33) % UInt64(alphabet.count))]
                }
                let once = cleaner.clean(text)
                #expect(once.utf8.count <= text.utf8.count)
                if !cleaner.options.repairMojibake {  // repair may expose new mojibake
                    #expect(cleaner.clean(once) == once, "not idempotent")
                }
                #expect(!once.hasPrefix(" ") && !once.hasSuffix(" ") && !once.contains("\n\n\n"))
                #expect(!once.contains("\r") && !once.contains("\u{200B}") && !once.contains("\u{A0}"))
            }
        }
    }

    @Test func reusesTheOutputBuffer() {
        var output: [UInt8] = []
        let cleaner = TextCleaner()
        for text in ["a long first document  \n\n\n", "short", ""] {
            Array(text.utf8).withUnsafeBytes { cleaner.clean(utf8: $0, into: &output) }
            #expect(output == Array(cleaner.clean(text).utf8))
        }
    }
}
