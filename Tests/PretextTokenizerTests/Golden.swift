import Foundation

/// The golden files made by HF tokenizers (`fixtures/golden/tokenizers/`, made by
/// `scripts/golden/make-tokenizer-golden.py`).
enum Golden {
    static let directory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/PretextTokenizerTests/Golden.swift
        return parts.joined(separator: "/") + "/fixtures/golden/tokenizers"
    }()

    static func path(_ name: String) -> String { directory + "/" + name }

    /// The training texts.
    static let corpus: [String] = lines("corpus.jsonl").map { $0["text"] as! String }

    /// The lines of a JSONL golden file as objects.
    static func lines(_ name: String) -> [[String: Any]] {
        // try!/as!: the golden files are committed with the tests; a broken one is a test failure.
        let text = try! String(contentsOfFile: path(name), encoding: .utf8)
        return text.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// A golden `tokenizer.json` as an object.
    static func tokenizer(_ name: String) -> [String: Any] {
        let data = try! Data(contentsOf: URL(fileURLWithPath: path(name)))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// The model's vocabulary of a golden tokenizer, by id.
    static func vocabulary(_ name: String) -> [String] {
        let model = tokenizer(name)["model"] as! [String: Any]
        let vocab = model["vocab"] as! [String: Int]
        var tokens = [String](repeating: "", count: vocab.count)
        for (token, id) in vocab { tokens[id] = token }
        return tokens
    }

    /// The merges of a golden BPE tokenizer, as "left right".
    static func merges(_ name: String) -> [String] {
        let model = tokenizer(name)["model"] as! [String: Any]
        return (model["merges"] as! [[String]]).map { $0.joined(separator: " ") }
    }
}
