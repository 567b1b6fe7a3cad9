import Foundation
import Testing

/// The docs' Swift cannot drift from code that compiles: every ```swift block of `docs/` and
/// the README is code of the example target (built with the package), word for word.
@Suite struct DocSnippetTests {
    /// The pages whose Swift blocks are checked: the README and every page under `docs/`.
    static let pages = ["README.md"] + Repository.files(under: "docs", endingIn: ".md")

    /// The example target's source files, each as its lines in snippet form.
    static func exampleSources() throws -> [(path: String, lines: [String])] {
        try Repository.files(under: "Sources/PretextLibraryExample", endingIn: ".swift").map { path in
            (
                path: path,
                lines: try Repository.text(path).split(separator: "\n", omittingEmptySubsequences: false).map(
                    \.snippetForm)
            )
        }
    }

    /// Whether `lines` holds `run` as consecutive lines.
    static func contains(_ lines: [String], run: [String]) -> Bool {
        guard !run.isEmpty, lines.count >= run.count else { return run.isEmpty }
        return (0...(lines.count - run.count)).contains { start in
            zip(lines[start...], run).allSatisfy { $0 == $1 }
        }
    }

    /// Whether one example source holds the block's code as consecutive lines and its imports.
    static func isExampleCode(_ block: SwiftBlock, sources: [(path: String, lines: [String])]) -> Bool {
        let code = block.code.map(\.snippetForm)
        return sources.contains { source in
            contains(source.lines, run: code) && block.imports.allSatisfy { source.lines.contains($0.snippetForm) }
        }
    }

    @Test func everySwiftBlockOfTheDocsIsExampleCode() throws {
        let sources = try Self.exampleSources()
        let blocks = try Self.pages.flatMap { SwiftBlock.blocks(in: try Repository.text($0), page: $0) }
        let missing = blocks.filter { !$0.isManifest && !Self.isExampleCode($0, sources: sources) }
        #expect(missing.isEmpty, "not in Sources/PretextLibraryExample (snippet and code differ): \(missing)")
        // The pages known to hold Swift are all seen, so a broken scan cannot pass by finding none.
        let pagesWithSwift = Set(blocks.map(\.page))
        for page in ["docs/library.md", "docs/loader.md", "docs/stages/quality.md", "docs/stages/pii.md"] {
            #expect(pagesWithSwift.contains(page), "no ```swift block found in \(page)")
        }
    }

    @Test func libraryPageShowsEachPartOfTheExample() throws {
        let blocks = SwiftBlock.blocks(in: try Repository.text("docs/library.md"), page: "docs/library.md")
        let text = blocks.map { $0.lines.joined(separator: "\n") }.joined(separator: "\n")
        for name in ["func ingest(", "func runPipeline(", "func printDocuments(", "func printCatalogSummary("] {
            #expect(text.contains(name), "docs/library.md does not show \(name)")
        }
        #expect(blocks.filter(\.isManifest).count == 1)
    }

    @Test func aBlockThatDiffersFromTheCodeIsFound() throws {
        let sources = try Self.exampleSources()
        let page = "```swift\nlet registry = StageRegistry.standard\nlet options = 1\n```\n"
        let blocks = SwiftBlock.blocks(in: page, page: "test.md")
        #expect(blocks.count == 1)
        #expect(!Self.isExampleCode(blocks[0], sources: sources))
        let spaced = "```swift\nlet registry =   StageRegistry.standard\n```\n"
        #expect(Self.isExampleCode(SwiftBlock.blocks(in: spaced, page: "test.md")[0], sources: sources))
    }
}
