import Testing

@testable import PretextCore

@Suite struct OptionTests {
    private enum Mode: String, CaseIterable, OptionChoice {
        case a, b
    }

    private static let size = OptionKey<Int>("size", min: 1, default: 10, "a size")
    private static let ratio = OptionKey<Double>("ratio", min: 0, max: 1, default: 0.5, "a ratio")
    private static let flag = OptionKey<Bool>("flag", default: false, "a flag")
    private static let langs = OptionKey<[String]>("langs", default: [], "languages")
    private static let name = OptionKey<String>.required("name", "required")
    private let specs = ([size, ratio, flag, langs, name] as [any OptionDeclaration]).map(\.spec)

    @Test func convertsAndFillsDefaults() throws {
        let options = try StageOptions(
            specs: specs,
            given: [
                ("size", .scalar("2MiB"), nil), ("langs", .scalar("en, zh"), nil), ("name", .scalar("x"), nil),
                ("flag", .scalar("yes"), nil),
            ],
            context: "test")
        #expect(options[Self.size] == 2 << 20)
        #expect(options[Self.langs] == ["en", "zh"])
        #expect(options[Self.flag] == true)
        #expect(options[Self.ratio] == 0.5)
        #expect(options[Self.name] == "x")
        #expect(options.values["ratio"] == OptionValue.number(0.5), "the default is filled in")
    }

    @Test func keysDeclareTheirSpecsOnce() {
        #expect(Self.size.spec.kind == .integer(min: 1, max: nil) && Self.size.spec.defaultValue == .integer(10))
        #expect(Self.ratio.spec.kind == .number(min: 0, max: 1) && Self.ratio.spec.defaultValue == .number(0.5))
        #expect(Self.langs.spec.kind == .list && Self.flag.spec.kind == .boolean)
        #expect(Self.name.spec.defaultValue == nil, "a required option has no default")
        let mode = OptionKey<Mode>("mode", default: .b, "mode")
        #expect(mode.spec.kind == .choice(["a", "b"]) && mode.spec.defaultValue == .string("b"))
        let width = OptionKey<Int>("width", default: 1, "b only").only(when: mode, is: [.b])
        #expect(width.spec.condition?.option == "mode" && width.spec.condition?.values == ["b"])
    }

    @Test func uncheckedOptionsReadTheKeysDefaults() {
        let options = StageOptions(["size": .integer(3), "ratio": .integer(1)])
        #expect(options[Self.size] == 3)
        #expect(options[Self.ratio] == 1.0, "integers widen to numbers")
        #expect(options[Self.flag] == false && options[Self.langs] == [] && options[Self.name] == "")
        #expect(options[OptionKey<Mode>("mode", default: .b, "mode")] == .b)
        #expect(StageOptions(["mode": .string("a")])[OptionKey<Mode>("mode", default: .b, "mode")] == .a)
    }

    @Test func missingRequiredOptionIsAnError() {
        #expect(throws: PretextError.self) { try StageOptions(specs: specs, given: [], context: "test") }
    }

    @Test func anOptionOfAnotherChoiceIsRefusedWithItsLine() throws {
        let mode = OptionKey<Mode>("mode", default: .a, "mode")
        let width = OptionKey<Int>("width", default: 1, "b only").only(when: mode, is: [.b])
        let specs = [mode.spec, width.spec]
        let fine = try StageOptions(
            specs: specs, given: [("mode", .scalar("b"), 3), ("width", .scalar("4"), 4)], context: "p.yaml")
        #expect(fine[width] == 4 && fine[mode] == .b)
        #expect(try StageOptions(specs: specs, given: [], context: "t")[width] == 1, "defaults are fine")
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
