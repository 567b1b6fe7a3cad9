import PretextCore
import Testing

@testable import PretextAudit

/// The matcher against a naive oracle on random ASCII text, and linear time on large input.
@Suite struct TermMatcherPropertyTests {
    /// Every occurrence of every term whose neighbours are not ASCII letters or digits,
    /// case-insensitively, ordered as the matcher orders them.
    static func oracle(_ terms: [String], _ text: [UInt8]) -> [TermMatch] {
        let lower = text.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        func isWord(_ index: Int) -> Bool {
            guard index >= 0, index < lower.count else { return false }
            let byte = lower[index]
            return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        }
        var result: [TermMatch] = []
        for (index, term) in terms.enumerated() where !term.isEmpty && terms.firstIndex(of: term) == index {
            let bytes = Array(term.utf8)
            for start in 0...max(0, lower.count - bytes.count) where start + bytes.count <= lower.count {
                guard Array(lower[start..<start + bytes.count]) == bytes else { continue }
                if !isWord(start - 1), !isWord(start + bytes.count) {
                    result.append(TermMatch(term: Int32(index), range: start..<start + bytes.count))
                }
            }
        }
        return result.sorted {
            ($0.range.upperBound, -$0.range.count) < ($1.range.upperBound, -$1.range.count)
        }
    }

    @Test(arguments: 0..<40) func agreesWithANaiveSearch(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let alphabet = Array("abAB .-'1".utf8)
        func word(_ length: Int) -> String {
            String(decoding: (0..<length).map { _ in alphabet[Int(random.next() % 4)] }, as: UTF8.self).lowercased()
        }
        let terms = (0..<12).map { _ in
            Int(random.next() % 3) == 0 ? word(1) + " " + word(2) : word(1 + Int(random.next() % 4))
        }
        let text = (0..<400).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        let matcher = try TermMatcher(terms: terms)
        var matches: [TermMatch] = []
        text.withUnsafeBytes { matcher.matches(in: $0, into: &matches, boundaries: try! WordBoundaries()) }
        #expect(matches == Self.oracle(terms, text))
    }

    @Test func tenMegabytesOnOneLineRunInLinearTime() throws {
        let boundaries = try WordBoundaries()
        // Every byte ends a raw occurrence inside one long word; then every other byte ends
        // two whole-word matches.
        let terms = ["aa", "a a", "a a a"]
        let matcher = try TermMatcher(terms: terms)
        var matches: [TermMatch] = []
        let word = [UInt8](repeating: UInt8(ascii: "a"), count: 10_000_000)
        word.withUnsafeBytes { matcher.matches(in: $0, into: &matches, boundaries: boundaries) }
        #expect(matches.isEmpty)
        let spaced = Array(String(repeating: "a ", count: 5_000_000).utf8)
        spaced.withUnsafeBytes { matcher.matches(in: $0, into: &matches, boundaries: boundaries) }
        #expect(matches.count == 2 * 5_000_000 - 3)
    }

    @Test func aLongChineseRunIsSegmentedOnce() throws {
        let boundaries = try WordBoundaries()
        let matcher = try TermMatcher(terms: ["护士", "医生"])
        let text = Array(String(repeating: "女医生和男护士", count: 100_000).utf8)  // 2.1 MB, no punctuation
        var matches: [TermMatch] = []
        text.withUnsafeBytes { matcher.matches(in: $0, into: &matches, boundaries: boundaries) }
        #expect(boundaries.segmentedRuns == 1)
        #expect(matches.count >= 100_000)
    }
}
