import PretextAudit
import PretextCore
import PretextTestSupport
import Testing

/// Every malformed lexicon line is an error naming the file and the line, with a message
/// that says what to fix.
@Suite struct LexiconErrorTests {
    /// One bad file: its name, its text, the line the error must name, and words the
    /// message must contain.
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let text: String
        let line: Int
        let message: String
        var testDescription: String { "\(file): \(message)" }
    }

    static let identity = "woman\tgender\tfemale\nman\tgender\tmale\n"

    static let cases: [Case] = [
        Case(
            file: "identity.tsv", text: "woman\tgender\tfemale\nmonk\tfaith\tbuddhist\n", line: 2,
            message: "unknown category 'faith'; valid categories: gender, religion"),
        Case(
            file: "identity.tsv", text: "woman\tgender\tfemale\n\nman gender male\n", line: 3,
            message: "expected 3 tab-separated columns (term, category, group), found 1"),
        Case(file: "identity.tsv", text: "woman\tgender\tfemale\textra\n", line: 1, message: "found 4"),
        Case(file: "identity.tsv", text: "# c\n \tgender\tfemale\n", line: 2, message: "the term column is empty"),
        Case(file: "identity.tsv", text: "woman\tgender\t\n", line: 1, message: "the group column is empty"),
        Case(
            file: "identity.tsv", text: "woman\tgender\tfemale\nman\tgender\tmale\nWOMAN\tgender\tfemale\n",
            line: 3, message: "duplicate term 'woman': already on line 1"),
        Case(
            file: "identity.tsv", text: "cafe\u{301}\tgender\tfemale\ncaf\u{E9}\tgender\tmale\n", line: 2,
            message: "already on line 1"),
        Case(
            file: "identity.tsv", text: "down's syndrome\tdisability\tx\ndown\u{2019}s syndrome\tdisability\tx\n",
            line: 2, message: "duplicate term 'down's syndrome': already on line 1"),
        Case(file: "identity.tsv", text: "woman\tgender\tFemale\n", line: 1, message: "is not a lowercase slug"),
        Case(
            file: "pronouns.tsv", text: "he\tmale\nshe\n", line: 2,
            message: "expected 2 tab-separated columns (term, group), found 1"),
        Case(file: "pronouns.tsv", text: "he\tmale\nHe\tmale\n", line: 2, message: "duplicate term 'he'"),
        Case(
            file: "occupations.tsv", text: "nurses\tnurse\npolice officers\tpolice officer\n", line: 2,
            message: "the occupation 'police officer' is not a lowercase slug"),
        Case(
            file: "descriptors.tsv", text: "kind\tkind\n\n\nkind\tnice\n", line: 4,
            message: "duplicate term 'kind': already on line 1"),
        Case(
            file: "offensive.tsv", text: "crap\tmild\nshit\tsevere\n", line: 2,
            message: "unknown severity 'severe'; valid severities: mild, strong"),
        Case(
            file: "pairs.tsv", text: "gender\tfemale\tmale\nsex\tfemale\tmale\n", line: 2,
            message: "unknown category 'sex'"),
        Case(
            file: "pairs.tsv", text: "gender\tfemale\twomen\n", line: 1,
            message: "group 'women' has no terms in category gender of identity.tsv; known groups: female, male"),
        Case(file: "pairs.tsv", text: "age\tyoung\told\n", line: 1, message: "known groups: none"),
        Case(file: "pairs.tsv", text: "gender\tmale\tmale\n", line: 1, message: "two different groups"),
        Case(
            file: "pairs.tsv", text: "gender\tfemale\tmale\ngender\tmale\tfemale\n", line: 2,
            message: "duplicate pair 'gender: female / male': already on line 1"),
    ]

    @Test(arguments: cases)
    func namesTheFileAndLine(_ bad: Case) throws {
        let folder = try TemporaryDirectory()
        if bad.file != "identity.tsv" { try folder.write("xx/identity.tsv", Self.identity) }
        let path = try folder.write("xx/" + bad.file, bad.text)
        let error = try #require(throws: PretextError.self) {
            try Lexicon.load(directory: folder.path, language: "xx")
        }
        #expect(error.code == .invalidConfiguration)
        #expect(error.path == path)
        #expect(error.line == bad.line)
        #expect(error.message.contains(bad.message), "\(error.message)")
    }
}
