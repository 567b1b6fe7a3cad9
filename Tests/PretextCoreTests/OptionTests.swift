import Testing

@testable import PretextCore

@Suite struct OptionTests {
    private let specs = [
        OptionSpec("size", .integer(min: 1), default: .integer(10), "a size"),
        OptionSpec("ratio", .number(min: 0, max: 1), default: .number(0.5), "a ratio"),
        OptionSpec("flag", .boolean, default: .boolean(false), "a flag"),
        OptionSpec("langs", .list, default: .list([]), "languages"),
        OptionSpec("name", .string, default: nil, "required"),
    ]

    @Test func convertsAndFillsDefaults() throws {
        let options = try StageOptions(
            specs: specs,
            given: [
                ("size", .scalar("2MiB"), nil), ("langs", .scalar("en, zh"), nil), ("name", .scalar("x"), nil),
                ("flag", .scalar("yes"), nil),
            ],
            context: "test")
        #expect(options.integer("size") == 2 << 20)
        #expect(options.list("langs") == ["en", "zh"])
        #expect(options.boolean("flag") == true)
        #expect(options.number("ratio") == 0.5)
        #expect(options.string("name") == "x")
    }

    @Test func missingRequiredOptionIsAnError() {
        #expect(throws: PretextError.self) { try StageOptions(specs: specs, given: [], context: "test") }
    }

    @Test func anOptionOfAnotherChoiceIsRefusedWithItsLine() throws {
        let specs = [
            OptionSpec("mode", .choice(["a", "b"]), default: .string("a"), "mode"),
            OptionSpec("width", .integer(), default: .integer(1), "b only").only(when: "mode", is: ["b"]),
        ]
        let fine = try StageOptions(
            specs: specs, given: [("mode", .scalar("b"), 3), ("width", .scalar("4"), 4)], context: "p.yaml")
        #expect(fine.integer("width") == 4)
        #expect(try StageOptions(specs: specs, given: [], context: "t").integer("width") == 1, "defaults are fine")
        let error = try #require(throws: PretextError.self) {
            try StageOptions(specs: specs, given: [("width", .scalar("4"), 7)], context: "p.yaml, stage 2")
        }
        #expect(
            error.line == 7 && error.message == "p.yaml, stage 2: option 'width' applies only when mode is b, not a")
    }

    @Test func canonicalDescriptionIsSortedAndStable() throws {
        let one = try StageOptions(
            specs: specs, given: [("name", .scalar("x"), nil), ("size", .scalar("3"), nil)], context: "t")
        let two = try StageOptions(
            specs: specs, given: [("size", .scalar("3"), nil), ("name", .scalar("x"), nil)], context: "t")
        #expect(one.canonicalDescription == two.canonicalDescription)
        #expect(one.canonicalDescription.hasPrefix("flag=false langs=[] name=x"))
    }

    @Test(arguments: ["1.5", "abc", "", "9223372036854775807GiB"])
    func rejectsBadIntegers(text: String) {
        #expect(throws: PretextError.self) {
            try StageOptions(
                specs: specs, given: [("name", .scalar("x"), nil), ("size", .scalar(text), 7)], context: "t")
        }
    }
}
