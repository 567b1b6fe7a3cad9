import Testing

@testable import PretextCore

/// `JSONObjectWriter` against a plain model of the same rule: random objects with repeated
/// keys (some written as `\u` escapes), nested, of up to 40 keys (so both the pairwise and the
/// hash-set search for duplicates run), and their expected form built from the model.
@Suite struct JSONObjectWriterTests {
    /// A JSON value of the model; an object keeps each key's raw token and decoded name.
    private indirect enum Value {
        case number(Int)
        case string(String)
        case array([Value])
        case object([(token: String, name: String, value: Value)])
    }

    private struct Generator {
        var random: SplitMix64
        static let names = ["a", "b", "k", "id", "x", "é", "meta", "zz"]

        mutating func int(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

        mutating func value(depth: Int) -> Value {
            switch depth > 2 ? int(2) : int(4) {
            case 0: return .number(int(1000) - 500)
            case 1: return .string("s\(int(50))")
            case 2: return .array((0..<int(4)).map { _ in value(depth: depth + 1) })
            default: return object(depth: depth)
            }
        }

        mutating func object(depth: Int) -> Value {
            let count = int(8) == 0 ? 17 + int(24) : int(8)
            return .object(
                (0..<count).map { _ in
                    let name = Self.names[int(Self.names.count)]
                    let token = name == "k" && int(2) == 0 ? #""\u006b""# : "\"\(name)\""
                    return (token, name, value(depth: depth + 1))
                })
        }

        /// The input form: spaces around some punctuation.
        mutating func text(_ value: Value) -> String {
            let space = int(3) == 0 ? " " : ""
            switch value {
            case .number(let n): return "\(n)"
            case .string(let s): return "\"\(s)\""
            case .array(let items): return "[" + space + items.map { text($0) }.joined(separator: space + ",") + "]"
            case .object(let members):
                return "{" + members.map { "\($0.token)" + space + ":" + text($0.value) }.joined(separator: ", ") + "}"
            }
        }
    }

    /// The expected output: compact, each key once at its first place with its last value.
    private func expected(_ value: Value) -> String {
        switch value {
        case .number(let n): return "\(n)"
        case .string(let s): return "\"\(s)\""
        case .array(let items): return "[" + items.map(expected).joined(separator: ",") + "]"
        case .object(let members):
            var seen: Set<String> = []
            let kept = members.filter { seen.insert($0.name).inserted }.map { first in
                first.token + ":" + expected(members.last { $0.name == first.name }!.value)
            }
            return "{" + kept.joined(separator: ",") + "}"
        }
    }

    /// Writes the members of `line`'s top-level object, or splices those of its `wrapped` member.
    private func write(_ line: String, splicing: Bool) throws -> String {
        var scanner = JSONScanner()
        var writer = JSONObjectWriter()
        var output: [UInt8] = []
        let result = Array(line.utf8).withUnsafeBytes { json in
            Result { () throws(JSONSyntaxError) in
                try scanner.scanObject(json)
                let object = writer.beginObject(&output)
                for member in scanner.members {
                    if splicing {
                        try writer.appendMembers(ofObject: member.value, json: json, to: &output)
                    } else {
                        try writer.appendMember(member, of: scanner, json: json, to: &output)
                    }
                }
                writer.endObject(object, &output)
            }
        }
        try result.get()
        return String(decoding: output, as: UTF8.self)
    }

    @Test func matchesThePlainModel() throws {
        var generator = Generator(random: SplitMix64(seed: 12))
        for _ in 0..<300 {
            let object = generator.object(depth: 1)
            let want = expected(object)
            let line = generator.text(object)
            #expect(try write(line, splicing: false) == want, "\(line)")
            #expect(try write("{\"wrapped\": \(line)}", splicing: true) == want, "\(line)")
        }
    }

    @Test func keepsTheFirstPlaceAndTheLastValue() throws {
        #expect(try write(#"{"a":1,"b":2,"a":3}"#, splicing: false) == #"{"a":3,"b":2}"#)
        #expect(try write(#"{"a":{"x":1,"x":[{"y":1,"y":2}]}}"#, splicing: false) == #"{"a":{"x":[{"y":2}]}}"#)
        #expect(try write(#"{"m":{"a":1},"n":{"a":2}}"#, splicing: true) == #"{"a":2}"#)
        #expect(try write(#"{}"#, splicing: false) == "{}")
    }
}
