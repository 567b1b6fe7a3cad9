/// Builds well-formed (XML-compatible) HTML: every element closed, every text escaped. The
/// audit report and the trainer's report are written with it.
public struct HTMLWriter {
    /// The markup so far.
    public private(set) var text = ""

    /// An empty document.
    public init() {}

    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ value: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Appends raw markup (already well-formed).
    public mutating func raw(_ markup: String) { text += markup }

    /// Appends escaped text.
    public mutating func text(_ value: String) { text += Self.escape(value) }

    /// Appends `<tag attributes>…</tag>` around what `body` writes.
    public mutating func element(
        _ tag: String, _ attributes: [(String, String)] = [], _ body: (inout HTMLWriter) -> Void
    ) {
        text += "<" + tag
        for (name, value) in attributes { text += " \(name)=\"\(Self.escape(value))\"" }
        text += ">"
        body(&self)
        text += "</\(tag)>"
    }

    /// Appends `<tag>escaped text</tag>`.
    public mutating func element(_ tag: String, _ attributes: [(String, String)] = [], text value: String) {
        element(tag, attributes) { $0.text(value) }
    }

    /// Appends a table with a header row and text cells.
    public mutating func table(_ header: [String], _ rows: [[String]], highlight: (Int) -> Bool = { _ in false }) {
        element("table") { html in
            html.element("tr") { row in for cell in header { row.element("th", text: cell) } }
            for (index, cells) in rows.enumerated() {
                html.element("tr", highlight(index) ? [("class", "flag")] : []) { row in
                    for cell in cells { row.element("td", text: cell) }
                }
            }
        }
    }
}
