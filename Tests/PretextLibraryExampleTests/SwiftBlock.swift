/// A ```swift block of a Markdown page, and where it is.
struct SwiftBlock: CustomStringConvertible {
    /// The page, relative to the repository root.
    var page: String
    /// The 1-based line of the opening fence.
    var line: Int
    /// The block's lines, without the fences.
    var lines: [String]

    var description: String { "\(page):\(line)" }

    /// Whether the block is a package manifest (`// swift-tools-version`), not module code.
    var isManifest: Bool { lines.first?.hasPrefix("// swift-tools-version") ?? false }

    /// The block's leading `import` lines (module code puts them at the top of its file).
    var imports: [String] { Array(lines.prefix { $0.hasPrefix("import ") }) }

    /// The block's lines after its imports and the blank lines that follow them.
    var code: [String] { Array(lines.dropFirst(imports.count).drop { $0.isEmpty }) }

    /// Every ```swift block of the Markdown `text` of `page`.
    static func blocks(in text: String, page: String) -> [SwiftBlock] {
        var blocks: [SwiftBlock] = []
        var open: SwiftBlock?
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if var block = open {
                if line.drop(while: { $0 == " " }).hasPrefix("```") {
                    blocks.append(block)
                    open = nil
                } else {
                    block.lines.append(String(line))
                    open = block
                }
            } else if line.drop(while: { $0 == " " }) == "```swift" {
                open = SwiftBlock(page: page, line: offset + 1, lines: [])
            }
        }
        return blocks
    }
}

extension StringProtocol {
    /// The line without its indentation, each run of spaces inside it as one space: the form
    /// in which a snippet and its code are compared (swift-format indents the code and puts
    /// two spaces before a trailing comment, where a page may align its comments).
    var snippetForm: String {
        var result = ""
        var lastWasSpace = false
        for character in self.drop(while: { $0 == " " }) {
            if character == " " && lastWasSpace { continue }
            lastWasSpace = character == " "
            result.append(character)
        }
        return result
    }
}
