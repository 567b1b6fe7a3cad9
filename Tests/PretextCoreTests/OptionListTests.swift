import Testing

@testable import PretextCore

/// List options written as one piece of text (`--set languages=[en, zh]`) and lists whose
/// items are limited to known values.
@Suite struct OptionListTests {
    private static let langs = OptionKey<[String]>("langs", default: [], "languages")
    private static let codes = OptionKey<[String]>("codes", default: [], "codes").items(["en", "zh"], called: "a code")

    private func list(_ text: String, key: OptionKey<[String]> = langs, line: Int? = nil) throws -> [String] {
        try StageOptions(specs: [key.spec], given: [(key.spec.name, .scalar(text), line)], context: "t")[key]
    }

    @Test(arguments: [
        ("en", ["en"]), ("en, zh", ["en", "zh"]), ("[en]", ["en"]), ("[en, zh]", ["en", "zh"]),
        ("[ en ,zh ]", ["en", "zh"]), ("[]", []), ("", []), (" [en] ", ["en"]),
        ("[\"en\", 'zh-Hant']", ["en", "zh-Hant"]), ("[\"a, b\", c]", ["a, b", "c"]), ("['']", [""]),
    ])
    func readsCommaAndFlowLists(text: String, expected: [String]) throws {
        #expect(try list(text) == expected)
    }

    @Test(arguments: ["[en", "en]", "[[en]]", "[\"en]", "[\"en\" x]", "[a\"b\"]"])
    func refusesBrokenFlowLists(text: String) {
        #expect(throws: PretextError.self) { try list(text) }
    }

    @Test func itemsOutsideTheAllowedValuesAreErrorsListingThem() throws {
        #expect(try list("[zh, en]", key: Self.codes) == ["zh", "en"])
        let error = try #require(throws: PretextError.self) { try list("[en, xx]", key: Self.codes, line: 4) }
        #expect(error.message == "t: option 'codes': 'xx' is not a code; valid: en, zh" && error.line == 4)
        let sequence = try #require(throws: PretextError.self) {
            try StageOptions(specs: [Self.codes.spec], given: [("codes", .sequence(["[en]"]), 9)], context: "t")
        }
        #expect(sequence.message.contains("'[en]' is not a code") && sequence.line == 9)
    }

    @Test func theYAMLFormIsTheCanonicalFormOfAList() throws {
        let options = try StageOptions(
            specs: [Self.langs.spec], given: [("langs", .scalar("[en,zh]"), nil)], context: "t")
        #expect(options.canonicalDescription == "langs=[en,zh]")
        #expect(try list(options.values["langs"]!.description) == ["en", "zh"], "the canonical form reads back")
    }
}
