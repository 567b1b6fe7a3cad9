import Foundation

/// Loads the golden files under fixtures/golden (made by scripts/golden/make-quality-golden.py).
enum Golden {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func lines(_ name: String) throws -> [[String: Any]] {
        let url = root.appendingPathComponent("fixtures/golden").appendingPathComponent(name)
        let data = try String(contentsOf: url, encoding: .utf8)
        return try data.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// Ids listed in fixtures/golden/quality-en-known-differences.txt (one `filter id` per line).
    static func allowlist() throws -> Set<String> {
        let url = root.appendingPathComponent("fixtures/golden/quality-en-known-differences.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(
            text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }.map {
                    String($0.split(separator: " #")[0]).trimmingCharacters(in: .whitespaces)
                })
    }
}
