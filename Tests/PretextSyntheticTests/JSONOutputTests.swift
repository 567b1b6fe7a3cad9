import Foundation
import PretextSynthetic
import Testing

@Suite("JSON output")
struct JSONOutputTests {
    @Test func documentLineRoundTrips() throws {
        var corpus = NearDuplicateCorpus.Configuration(documentCount: 30, seed: 5)
        corpus.chineseShare = 0.5
        let generated = NearDuplicateCorpus(corpus)
        for position in 0..<30 {
            let document = generated.document(at: position)
            var line: [UInt8] = []
            document.appendJSONLine(to: &line)
            #expect(line.last == 0x0A && !line.dropLast().contains(0x0A))
            let decoded = try JSONDecoder().decode([String: String].self, from: Data(line))
            #expect(decoded == ["id": document.id, "text": document.text])
        }
    }

    @Test func escapes() {
        #expect(JSONText.quoted("a\"b\\c\nd\te\u{1}") == #""a\"b\\c\nd\te\u0001""#)
        #expect(JSONText.number(1) == "1")
        #expect(JSONText.number(0.25) == "0.25")
    }

    @Test func truthLineRoundTrips() throws {
        let pair = FamilyPair(
            a: "d0000001", b: "d0000002", family: 3, jaccard: 0.8125, editRate: 0.0213,
            operations: [.edit, .prepend], aEditRate: 0.1, aOperations: [.reorder])
        let decoded = try JSONDecoder().decode(FamilyPair.self, from: Data(pair.jsonLine.utf8))
        #expect(decoded == pair)
        #expect(
            pair.jsonLine.hasPrefix(#"{"a":"d0000001","b":"d0000002","family":3,"jaccard":0.8125,"edit_rate":0.0213,"#))
    }
}
