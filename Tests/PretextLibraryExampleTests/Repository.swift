import Foundation
import PretextTestSupport

/// The repository's files as the tests read them: the docs, the example's sources, the built
/// example.
enum Repository {
    /// The repository root, from this file's location.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/PretextLibraryExampleTests/Repository.swift
        return parts.joined(separator: "/")
    }()

    /// The example target's source directory.
    static let exampleSources = root + "/Sources/PretextLibraryExample"

    /// The `PretextLibraryExample` executable built beside this test bundle (`swift test`
    /// builds every target of the package).
    static let exampleBinary = BuiltExecutable.path(named: "PretextLibraryExample")

    /// The text of the file at `path` (relative to the root).
    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    /// The paths (relative to the root) of the files under `directory` whose names end in
    /// `suffix`, sorted.
    static func files(under directory: String, endingIn suffix: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: root + "/" + directory)
        let names = (enumerator?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(suffix) }.map { directory + "/" + $0 }.sorted()
    }
}
