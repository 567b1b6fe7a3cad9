import Foundation
import Testing

/// A fenced block of a page under `docs/`, for tests that hold the docs to real output.
enum DocsBlock {
    /// The text of the first fenced block (between ``` lines) after the line containing
    /// `marker` in `page` (relative to the repository root), with a final newline.
    static func after(_ marker: String, in page: String) throws -> String {
        let text = try String(contentsOfFile: CLI.root + "/" + page, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.contains(marker) }, "\(page): no line with \(marker)")
        let open = try #require(lines[start...].firstIndex { $0.hasPrefix("```") })
        let close = try #require(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
        return lines[(open + 1)..<close].map { $0 + "\n" }.joined()
    }

    /// Checks that `output`, with the scratch folder `scratch` written as `shown`, is the
    /// block after `marker` in `page`.
    static func expectShows(
        _ output: String, replacing scratch: String, with shown: String, after marker: String, in page: String
    ) throws {
        let documented = try after(marker, in: page)
        let real = output.replacingOccurrences(of: scratch, with: shown)
        #expect(real == documented, "\(page) shows:\n\(documented)\nA real run prints:\n\(real)")
    }
}
