import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

/// Issue 12, case 9: for a key that occurs twice, the last one wins (Python's `json`,
/// JavaScript's `JSON.parse`), at the top level and in `meta` at every depth.
@Suite struct JSONLDuplicateKeyTests {
    private func document(_ line: String) throws -> IngestedDocument {
        let dir = try TemporaryDirectory()
        let path = try dir.write("d.jsonl", line + "\n")
        return try #require(try events(path, .jsonl).first?.document)
    }

    @Test func theLastTextIdAndFieldWin() throws {
        let doc = try document(#"{"text":"first","id":"a","lang":"en","text":"second","id":"b","lang":"fr"}"#)
        #expect(doc.textString == "second")
        #expect(doc.id == "b")
        #expect(doc.metaString == #"{"lang":"fr"}"#)
    }

    @Test(arguments: [
        // In `meta`, at every depth; the value of the last, at the place of the first.
        (#"{"text":"t","meta":{"k":1,"n":{"x":1,"y":2,"x":3},"k":2}}"#, #"{"k":2,"n":{"x":3,"y":2}}"#),
        // Keys compare decoded; arrays of objects too.
        (#"{"text":"t","a":[{"k":1,"\u006b":2},{"k":3}]}"#, #"{"a":[{"k":2},{"k":3}]}"#),
        // Between the spliced `meta` and the top level, the later wins.
        (#"{"text":"t","src":"top","meta":{"src":"meta"}}"#, #"{"src":"meta"}"#),
        (#"{"text":"t","meta":{"src":"meta"},"src":"top"}"#, #"{"src":"top"}"#),
        (#"{"text":"t","metadata":{"a":1},"meta":{"a":2}}"#, #"{"a":2}"#),
        // Only the last `meta` counts, object or not.
        (#"{"text":"t","meta":{"a":1},"meta":{"b":2}}"#, #"{"b":2}"#),
        (#"{"text":"t","meta":{"a":1},"meta":"flat"}"#, #"{"meta":"flat"}"#),
        // An id that is not used stays in meta once.
        (#"{"text":"t","id":"used?","id":true}"#, #"{"id":true}"#),
        // Without duplicates, nested values are written compactly.
        (#"{"text":"t","o":{ "a" : [ 1 , {"b" : null} ] },"s":"x"}"#, #"{"o":{"a":[1,{"b":null}]},"s":"x"}"#),
    ])
    func metaHasNoDuplicateKeys(line: String, meta: String) throws {
        #expect(try document(line).metaString == meta)
    }

    @Test func manyKeysAreDeduplicatedLikeFewKeys() throws {
        // 40 keys take the hash-set path, 10 the pairwise one; both keep the last value.
        for count in [10, 40] {
            let members = (0..<count).map { #""k\#($0 % 7)":\#($0)"# }.joined(separator: ",")
            let doc = try document(#"{"text":"t","meta":{"# + members + "}}")
            let expected = (0..<7).map { key in
                #""k\#(key)":\#((0..<count).last { $0 % 7 == key }!)"#
            }
            #expect(doc.metaString == "{" + expected.joined(separator: ",") + "}")
        }
    }

    /// Reads `path` with `JSONLReader`, building every `meta` with `JSONObjectWriter` when
    /// `alwaysWritesMeta`, else copying flat records raw (the fast path).
    private func documents(_ path: String, alwaysWritesMeta: Bool) throws -> [IngestedDocument] {
        var reader = JSONLReader(options: IngestOptions(), path: path)
        reader.alwaysWritesMeta = alwaysWritesMeta
        var emitter = InputEmitter(path: path, rawCap: 0)
        var documents: [IngestedDocument] = []
        try reader.run(LineReader(source: try FileByteSource(path: path)), &emitter) { event in
            if case .document(let document) = event { documents.append(document) }
        }
        return documents
    }

    @Test func theRawCopyAndTheWriterGiveTheSameMeta() throws {
        var random = SplitMix64(seed: 9)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let names = ["id", "url", "date", "meta", "metadata", "sco\\u0072e", "a b", "é", "lang", "n"]
        let values = [
            "1", "-2.5e-3", "true", "null", #""x""#, #""q\"uote\n\u00e9""#, #""😀""#, "{}", #"{"k":1,"k":2}"#, "[1, {}]",
        ]
        var lines: [String] = []
        for index in 0..<400 {
            var members = [#""text":"t\#(index)""#]
            for name in names where random.next() % 3 == 0 {
                members.append("\"\(name)\"" + pick([":", " : "]) + pick(values))
            }
            if random.next() % 8 == 0 { members.append(#""lang":"again""#) }  // a duplicate: the writer's path
            lines.append("{" + members.shuffled(using: &random).joined(separator: pick([",", ", "])) + "}")
        }
        let dir = try TemporaryDirectory()
        let path = try dir.write("mixed.jsonl", lines.joined(separator: "\n") + "\n")
        let fast = try documents(path, alwaysWritesMeta: false)
        let plain = try documents(path, alwaysWritesMeta: true)
        #expect(fast.count == 400)
        #expect(fast.map(\.id) == plain.map(\.id))
        #expect(fast.map(\.metaString) == plain.map(\.metaString))
    }
}
