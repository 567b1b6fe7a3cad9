import Foundation
import Testing

@testable import PretextText

/// Every line of the Unicode `NormalizationTest.txt` (Debian `unicode-data`), all four forms,
/// with the invariants the file's header states.
@Suite struct NormalizationConformanceTests {
    static let path = "/usr/share/unicode/NormalizationTest.txt.bz2"

    /// One test line: the five columns as UTF-8 bytes, plus whether it is in Part 1.
    struct Line {
        var columns: [[UInt8]]
        var lineNumber: Int
        var part1: Bool
    }

    /// Decompresses and parses the file with the `bzcat` CLI.
    static func load() throws -> [Line] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/bzcat")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
        var lines: [Line] = []
        var part = ""
        for (index, raw) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .enumerated() {
            if raw.hasPrefix("@") {
                part = String(raw.split(separator: " ").first ?? "")
                continue
            }
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(separator: ";", omittingEmptySubsequences: false)
            guard fields.count >= 5 else { continue }
            let columns = fields.prefix(5).map { field -> [UInt8] in
                var text = ""
                for hex in field.split(separator: " ") {
                    text.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                }
                return Array(text.utf8)
            }
            lines.append(Line(columns: columns, lineNumber: index + 1, part1: part == "@Part1"))
        }
        return lines
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: path)))
    func everyLineAllForms() throws {
        let lines = try Self.load()
        #expect(lines.count > 18_000)
        let nfc = UnicodeNormalizer(form: .nfc)
        let nfd = UnicodeNormalizer(form: .nfd)
        let nfkc = UnicodeNormalizer(form: .nfkc)
        let nfkd = UnicodeNormalizer(form: .nfkd)
        var output: [UInt8] = []
        var failures = 0
        func check(_ normalizer: UnicodeNormalizer, _ source: Int, _ expected: Int, _ line: Line) throws {
            try line.columns[source].withUnsafeBytes { try normalizer.normalize(utf8: $0, into: &output) }
            if output != line.columns[expected] {
                failures += 1
                if failures <= 10 {
                    Issue.record("line \(line.lineNumber): \(normalizer.form)(c\(source + 1)) != c\(expected + 1)")
                }
            }
        }
        for line in lines {
            // NFC: c2 == toNFC(c1) == toNFC(c2) == toNFC(c3); c4 == toNFC(c4) == toNFC(c5)
            for c in 0..<3 { try check(nfc, c, 1, line) }
            for c in 3..<5 { try check(nfc, c, 3, line) }
            // NFD: c3 == toNFD(c1) == toNFD(c2) == toNFD(c3); c5 == toNFD(c4) == toNFD(c5)
            for c in 0..<3 { try check(nfd, c, 2, line) }
            for c in 3..<5 { try check(nfd, c, 4, line) }
            // NFKC: c4 == toNFKC(c1…c5); NFKD: c5 == toNFKD(c1…c5)
            for c in 0..<5 { try check(nfkc, c, 3, line) }
            for c in 0..<5 { try check(nfkd, c, 4, line) }
        }
        #expect(failures == 0)

        // Every code point not in Part 1 is unchanged by all four forms. Checked in batches
        // separated by LF (a starter that never combines), one call per form and batch.
        var listed = Set<UInt32>()
        for line in lines where line.part1 {
            listed.insert(String(decoding: line.columns[0], as: UTF8.self).unicodeScalars.first!.value)
        }
        var batch = ""
        var unchangedChecked = 0
        func flush() throws {
            let bytes = Array(batch.utf8)
            for normalizer in [nfc, nfd, nfkc, nfkd] {
                try bytes.withUnsafeBytes { try normalizer.normalize(utf8: $0, into: &output) }
                #expect(output == bytes, "\(normalizer.form) changed a character outside Part 1")
            }
            batch = ""
        }
        for value in UInt32(0)...0x10FFFF where !listed.contains(value) {
            guard let scalar = Unicode.Scalar(value), value != 0x0A else { continue }
            batch.unicodeScalars.append(scalar)
            batch.unicodeScalars.append("\n")
            unchangedChecked += 1
            if batch.utf8.count > 1 << 16 { try flush() }
        }
        try flush()
        #expect(unchangedChecked > 1_000_000)
    }
}
