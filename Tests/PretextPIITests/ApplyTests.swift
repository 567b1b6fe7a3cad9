import PretextPII
import Testing

@Suite("Modes: count, replace, redact")
struct ApplyTests {
    let text = "Mail a@example.com or b@example.org, call +1 555-555-0100, server 8.8.8.8 / 2606:4700::1111."

    @Test func countLeavesTextAlone() {
        let (output, counts) = PIIDetector().apply(.count, to: text)
        #expect(output == text)
        #expect(counts == PIICounts(email: 2, ipv4: 1, ipv6: 1, phone: 1))
        #expect(counts.total == 5 && counts.ip == 2)
    }

    @Test func replaceWithTags() {
        let (output, counts) = PIIDetector().apply(.replace, to: text)
        #expect(output == "Mail <EMAIL> or <EMAIL>, call <PHONE>, server <IP> / <IP>.")
        #expect(counts.total == 5)
    }

    @Test func replaceDatatroveStyleCyclesPerText() {
        let detector = PIIDetector(PIIConfig(placeholders: .datatrove))
        let (output, _) = detector.apply(.replace, to: text)
        #expect(
            output
                == "Mail email@example.com or firstname.lastname@example.org, call <PHONE>, server 22.214.171.124 / 2001:db8::1."
        )
        // The cycle restarts for every text.
        #expect(detector.apply(.replace, to: "x@example.com").text == "email@example.com")
    }

    @Test func redactRemovesOrMasks() {
        #expect(PIIDetector().apply(.redact, to: "a 8.8.8.8 b").text == "a  b")
        let masked = PIIDetector(PIIConfig(redaction: .mask("[REDACTED]")))
        #expect(masked.apply(.redact, to: "a 8.8.8.8 b x@example.com").text == "a [REDACTED] b [REDACTED]")
    }

    @Test func customPlaceholders() {
        let detector = PIIDetector(PIIConfig(placeholders: PIIPlaceholders([.email: ["E1", "E2"]])))
        #expect(
            detector.apply(.replace, to: "a@example.com b@example.com c@example.com 8.8.8.8").text == "E1 E2 E1 <IP>")
        #expect(PIIPlaceholders.tags.replacements(for: .ipv6) == ["<IP>"])
        #expect(PIIPlaceholders.Style(rawValue: "datatrove")?.placeholders == .datatrove)
        #expect(PIIPlaceholders.Style(rawValue: "nope") == nil)
    }

    @Test func chineseTextStaysIntact() {
        let input = "请联系 zhang@example.com 或致电 +86 138 0013 8000。"
        let (output, counts) = PIIDetector().apply(.replace, to: input)
        #expect(output == "请联系 <EMAIL> 或致电 <PHONE>。")
        #expect(counts == PIICounts(email: 1, phone: 1))
    }

    @Test func appendsToExistingOutput() {
        var output = Array("head|".utf8)
        let counts = PIIDetector().apply(.replace, to: Array("x 8.8.8.8".utf8), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "head|x <IP>")
        #expect(counts.ipv4 == 1)
    }

    @Test func typesCanBeSwitchedOff() {
        let detector = PIIDetector(PIIConfig(types: .datatrove))
        let (_, counts) = detector.apply(.count, to: text)
        #expect(counts == PIICounts(email: 2, ipv4: 1))
        #expect(PIIDetector(PIIConfig(types: [])).scan(text).isEmpty)
        #expect(PIITypeSet([.phone, .card]).types == [.phone, .card])
    }

    @Test func countsAddUp() {
        var sum = PIICounts()
        sum += PIICounts(email: 1, phone: 2)
        let total = sum + PIICounts(email: 3, card: 1)
        #expect(total == PIICounts(email: 4, phone: 2, card: 1))
        #expect(total[.email] == 4)
        #expect(total.description == "email=4 ipv4=0 ipv6=0 phone=2 card=1")
    }

    @Test func matchesAreSortedAndDisjoint() {
        let matches = everyIP.scan(text + " 4111 1111 1111 1111 " + text)
        #expect(matches.count == 11)
        for (a, b) in zip(matches, matches.dropFirst()) { #expect(a.range.upperBound <= b.range.lowerBound) }
    }

    @Test func emptyAndTinyInputs() {
        #expect(PIIDetector().scan("").isEmpty)
        #expect(PIIDetector().scan("@").isEmpty)
        #expect(PIIDetector().scan("1").isEmpty)
        #expect(PIIDetector().apply(.replace, to: "").text == "")
    }

    @Test func invalidUTF8PassesThrough() {
        let bytes: [UInt8] = [0xFF, 0x20] + Array("8.8.8.8".utf8) + [0xC3]
        var output: [UInt8] = []
        PIIDetector().apply(.replace, to: bytes, into: &output)
        #expect(output == [0xFF, 0x20] + Array("<IP>".utf8) + [0xC3])
    }
}
