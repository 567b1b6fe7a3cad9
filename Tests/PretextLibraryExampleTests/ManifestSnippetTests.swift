import Foundation
import PretextTestSupport
import Testing

/// The `Package.swift` of docs/library.md is a manifest SwiftPM accepts, depending on the
/// products this package exports.
@Suite struct ManifestSnippetTests {
    /// The manifest block of docs/library.md.
    static func manifest() throws -> String {
        let blocks = SwiftBlock.blocks(in: try Repository.text("docs/library.md"), page: "docs/library.md")
        let manifest = try #require(blocks.first { $0.isManifest })
        return manifest.lines.joined(separator: "\n") + "\n"
    }

    /// The names in `text` matching `pattern`'s first group.
    static func names(_ pattern: String, in text: String) throws -> Set<String> {
        let expression = try NSRegularExpression(pattern: pattern)
        let matches = expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
        return Set(matches.compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
    }

    @Test func theProductsItNamesAreLibrariesOfThePackage() throws {
        let libraries = try Self.names(#"\.library\(name: "([^"]+)""#, in: try Repository.text("Package.swift"))
        let used = try Self.names(#"\.product\(name: "([^"]+)", package: "pretext"\)"#, in: try Self.manifest())
        #expect(used == ["Pretext"])
        #expect(used.isSubset(of: libraries), "Package.swift exports \(libraries.sorted())")
    }

    /// Beside a link `pretext` to this checkout (as the page's `../pretext`), SwiftPM reads the
    /// manifest: `swift package dump-package` compiles it and prints it as JSON.
    @Test func swiftPMReadsItBesideACheckout() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createSymbolicLink(
            atPath: directory.file("pretext"), withDestinationPath: Repository.root)
        try directory.write("app/Package.swift", try Self.manifest())
        try directory.write("app/Sources/CorpusTool/main.swift", "import Pretext\n")
        let output = try ExternalTool.run(
            "swift", ["package", "--package-path", directory.file("app"), "dump-package"])
        #expect(output.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.bytes)) as? [String: Any])
        #expect(json["name"] as? String == "CorpusTool")
        let dependencies = try #require(json["dependencies"] as? [[String: Any]])
        let local = dependencies.first?["fileSystem"] as? [[String: Any]]
        #expect(dependencies.count == 1)
        #expect(local?.first?["identity"] as? String == "pretext")
    }
}
