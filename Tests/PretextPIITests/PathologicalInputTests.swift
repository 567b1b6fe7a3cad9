import PretextPII
import Testing

/// Inputs that would make a backtracking regex quadratic. These tests assert results only;
/// a quadratic scanner would not finish them in any reasonable time.
@Suite("Pathological input")
struct PathologicalInputTests {
    static let size = 10 << 20

    /// `unit` repeated to at least `bytes` bytes (by doubling: a few large copies).
    static func repeated(_ unit: String, bytes: Int = size) -> [UInt8] {
        var out = Array(unit.utf8)
        while out.count < bytes { out += out }
        return out
    }

    @Test(arguments: [
        "1", "1.", "1 ", "1-", "@", "a@", "a.", ":", "1:", "a:", "+1", "(1", ".@", "1.1.1.1.", "a@a.", "::1:",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@",
    ])
    func tenMegabytesOfOneUnit(unit: String) {
        let text = Self.repeated(unit, bytes: 2 << 20)  // quadratic work here would be ~10^12 steps
        let matches = everyIP.scan(text)
        #expect(matches.count < text.count)
    }

    @Test func longDigitRunIsAnIdentifier() {
        #expect(everyIP.scan(Self.repeated("7")).isEmpty)
    }

    @Test func longDottedRunIsNotAnAddress() {
        #expect(everyIP.scan(Self.repeated("1.")).isEmpty)
        #expect(everyIP.scan(Self.repeated("255.")).isEmpty)
    }

    @Test func manyAddressesInOneLine() {
        let text = Self.repeated("x 8.8.8.8 a@example.com +1 555-555-0100 ", bytes: 2 << 20)
        let counts = PIIDetector().counts(text.withUnsafeBytes { $0 })
        let units = text.count / 40
        #expect(counts.ipv4 == units && counts.email == units && counts.phone == units)
    }

    @Test func tenMegabyteSingleLineDocument() {
        var text = Self.repeated("The committee met on 2024-06-12 at 10:30 and voted 7-2; ")
        text += Array(" contact a@example.com".utf8)
        var output: [UInt8] = []
        let counts = PIIDetector().apply(.replace, to: text, into: &output)
        #expect(counts == PIICounts(email: 1))
        #expect(output.count == text.count - "a@example.com".utf8.count + "<EMAIL>".utf8.count)
    }

    @Test func atSignsAndDotsMixed() {
        #expect(everyIP.scan(Self.repeated("a.@.b@c.", bytes: 2 << 20)).isEmpty)
        #expect(everyIP.scan(Self.repeated("a@b.co@", bytes: 2 << 20)).count > 0)
    }
}
