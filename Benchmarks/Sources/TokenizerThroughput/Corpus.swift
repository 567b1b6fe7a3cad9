import Foundation
import Pretext

/// The texts of JSONL files, in memory, with the language of each.
struct Corpus {
    /// The "text" field of every line, in file and line order.
    var texts: [String] = []
    /// Each text's language: its "lang" field, or (with `langFromScript`) "zh" or "en" by its
    /// letters, or nil.
    var languages: [String?] = []

    /// The fields of a line the tool reads; any others are ignored.
    private struct Line: Decodable {
        var text: String
        var lang: String?
    }

    /// Reads every non-empty line of `paths` (plain JSONL); exits on an unreadable file or line.
    ///
    /// - Parameter langFromScript: classify a text without a "lang" field by `scriptLanguage`.
    static func read(_ paths: [String], langFromScript: Bool) -> Corpus {
        var corpus = Corpus()
        let decoder = JSONDecoder()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
            for (number, line) in data.split(separator: 0x0A).enumerated() {
                // Blank lines (and a CR of CRLF files) are skipped, as the peers skip them.
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                let record: Line
                do {
                    record = try decoder.decode(Line.self, from: line)
                } catch {
                    fail("\(path): line \(number + 1) has no string \"text\" field: \(error)")
                }
                corpus.texts.append(record.text)
                corpus.languages.append(record.lang ?? (langFromScript ? scriptLanguage(record.text) : nil))
            }
        }
        return corpus
    }

    /// The UTF-8 bytes of all texts.
    var bytes: Int { texts.reduce(0) { $0 + $1.utf8.count } }

    /// "zh" when most letters of `text` are Han, "en" when most are Latin, else nil (ICU's
    /// script of each letter, characters of category L*).
    static func scriptLanguage(_ text: String) -> String? {
        guard let (script, share) = UnicodeScripts.dominant(in: text), share > 0.5 else { return nil }
        switch script {
        case "Han": return "zh"
        case "Latin": return "en"
        default: return nil
        }
    }
}
