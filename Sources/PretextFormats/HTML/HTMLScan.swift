/// Byte-level scanning helpers for `HTMLTextExtractor`.
enum HTMLScan {
    /// Elements whose whole content is dropped.
    static let skippedElements: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "object"]
    /// Elements that start a new paragraph (a blank line).
    static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "section", "article",
    ]
    /// Elements that start a new line.
    static let lineElements: Set<String> = [
        "br", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "thead", "tbody", "tfoot", "caption",
        "header", "footer", "nav", "aside", "main", "hr", "figure", "figcaption", "address", "form",
        "fieldset", "details", "summary", "hgroup", "legend", "option", "title",
    ]

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

    static func isNameByte(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":")
    }

    /// The lowercased tag name starting at `start` (at most 32 bytes kept) and its end.
    static func tagName(_ html: UnsafeRawBufferPointer, from start: Int) -> (String, Int) {
        var end = start
        while end < html.count, isNameByte(html[end]) { end += 1 }
        let slice = html[start..<min(end, start + 32)]
        return (String(decoding: slice.map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self), end)
    }

    /// The offset after the `>` that ends the tag, honoring quoted attribute values.
    static func tagEnd(_ html: UnsafeRawBufferPointer, from start: Int) -> Int {
        var i = start
        var quote: UInt8 = 0
        while i < html.count {
            let b = html[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                return i + 1
            }
            i += 1
        }
        return html.count
    }

    /// The offset after `</name …>` (case-insensitive) at or after `start`, or the end.
    static func afterClosingTag(_ name: String, in html: UnsafeRawBufferPointer, from start: Int) -> Int {
        let nameBytes = Array(name.utf8)
        var i = start
        while let lt = find([UInt8(ascii: "<"), UInt8(ascii: "/")], in: html, from: i) {
            let nameStart = lt + 2
            let nameEnd = nameStart + nameBytes.count
            if nameEnd <= html.count,
                zip(html[nameStart..<nameEnd], nameBytes).allSatisfy({ ($0 | 0x20) == $1 }),
                nameEnd == html.count || !isNameByte(html[nameEnd])
            {
                return tagEnd(html, from: nameEnd)
            }
            i = lt + 2
        }
        return html.count
    }

    /// The offset of the first occurrence of `needle` at or after `start`.
    static func find<C: Collection>(_ needle: C, in html: UnsafeRawBufferPointer, from start: Int) -> Int?
    where C.Element == UInt8 {
        guard let first = needle.first else { return start }
        var i = start
        while i < html.count {
            guard let hit = html[i...].firstIndex(of: first) else { return nil }
            if html[hit...].starts(with: needle) { return hit }
            i = hit + 1
        }
        return nil
    }
}
