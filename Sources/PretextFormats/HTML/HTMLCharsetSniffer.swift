/// Finds the charset a page declares in its first bytes, before it is decoded.
///
/// Looks, in the first `prescanBytes` bytes, for the first of:
/// - an XML declaration's `encoding` (`<?xml version="1.0" encoding="Shift_JIS"?>`, XHTML), at
///   the very start;
/// - `<meta charset="…">`;
/// - `<meta http-equiv="Content-Type" content="text/html; charset=…">` (attribute order and
///   case do not matter).
///
/// Comments are skipped, other tags are stepped over whole (quoted `>` included). This follows
/// the HTML standard's prescan in what it finds; it reads 4,096 bytes instead of 1,024,
/// because crawled pages often put scripts and styles before their `<meta>`. It works on
/// bytes, so it reads the declaration of any ASCII-compatible charset.
enum HTMLCharsetSniffer {
    /// How many leading bytes are searched.
    static let prescanBytes = 4096

    /// The declared charset label, as written (not yet checked against known charsets), or
    /// `nil` when there is none.
    static func declaredCharset(_ page: UnsafeRawBufferPointer) -> String? {
        let html = UnsafeRawBufferPointer(rebasing: page.prefix(prescanBytes))
        if html.starts(with: "<?xml".utf8), let encoding = xmlEncoding(html) { return encoding }
        var i = 0
        while let lt = html[i...].firstIndex(of: UInt8(ascii: "<")) {
            if html[lt...].starts(with: "<!--".utf8) {
                guard let close = HTMLScan.find("-->".utf8, in: html, from: lt + 4) else { return nil }
                i = close + 3
                continue
            }
            let (name, nameEnd) = HTMLScan.tagName(html, from: lt + 1)
            if name == "meta" {
                let (attributes, end) = self.attributes(html, from: nameEnd)
                if let label = charset(in: attributes) { return label }
                i = end
            } else {
                i = name.isEmpty && !isTagStart(html, lt + 1) ? lt + 1 : HTMLScan.tagEnd(html, from: nameEnd)
            }
        }
        return nil
    }

    /// Whether a `<` at `offset - 1` opens an end tag, a declaration or a processing
    /// instruction (`</`, `<!`, `<?`), which are stepped over whole.
    private static func isTagStart(_ html: UnsafeRawBufferPointer, _ offset: Int) -> Bool {
        guard offset < html.count else { return false }
        return html[offset] == UInt8(ascii: "/") || html[offset] == UInt8(ascii: "!")
            || html[offset] == UInt8(ascii: "?")
    }

    /// The charset a `<meta>` element's attributes declare.
    private static func charset(in attributes: [(name: String, value: String)]) -> String? {
        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        if let charset = value("charset"), !charset.isEmpty { return charset }
        guard value("http-equiv")?.lowercased() == "content-type", let content = value("content") else { return nil }
        return charsetParameter(content)
    }

    /// The value after `charset=` in a `content` attribute (`text/html; charset=gbk`), quoted or
    /// up to `;` or a blank.
    static func charsetParameter(_ content: String) -> String? {
        let bytes = Array(content.utf8)
        guard let at = HTMLCharsetSniffer.find(Array("charset".utf8), inLowercased: bytes) else { return nil }
        var i = at + 7
        while i < bytes.count, TextBytes.isASCIIWhitespace(bytes[i]) { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { return nil }
        i += 1
        while i < bytes.count, TextBytes.isASCIIWhitespace(bytes[i]) { i += 1 }
        guard i < bytes.count else { return nil }
        let quote = bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") ? bytes[i] : nil
        if quote != nil { i += 1 }
        var end = i
        while end < bytes.count {
            let b = bytes[end]
            if let quote, b == quote { break }
            if quote == nil, b == UInt8(ascii: ";") || TextBytes.isASCIIWhitespace(b) { break }
            end += 1
        }
        let label = String(decoding: bytes[i..<end], as: UTF8.self)
        return label.isEmpty ? nil : label
    }

    /// The `encoding` of an XML declaration at the start of `html`.
    private static func xmlEncoding(_ html: UnsafeRawBufferPointer) -> String? {
        guard let close = HTMLScan.find("?>".utf8, in: html, from: 5) else { return nil }
        let (attributes, _) = self.attributes(UnsafeRawBufferPointer(rebasing: html[..<close]), from: 5)
        return attributes.first { $0.name == "encoding" }.map(\.value).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The attributes of a tag from `start` (after its name) to its `>`, names lowercased,
    /// and the offset after the `>` (or the end).
    static func attributes(_ html: UnsafeRawBufferPointer, from start: Int) -> ([(name: String, value: String)], Int) {
        var attributes: [(name: String, value: String)] = []
        var i = start
        func skipBlanks() { while i < html.count, TextBytes.isASCIIWhitespace(html[i]) || html[i] == 0x2F { i += 1 } }
        while true {
            skipBlanks()
            guard i < html.count, html[i] != UInt8(ascii: ">") else { return (attributes, min(i + 1, html.count)) }
            let nameStart = i
            while i < html.count, !isNameEnd(html[i]) { i += 1 }
            let name = String(
                decoding: html[nameStart..<i].map { HTMLScan.isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            while i < html.count, TextBytes.isASCIIWhitespace(html[i]) { i += 1 }
            var value = ""
            if i < html.count, html[i] == UInt8(ascii: "=") {
                i += 1
                while i < html.count, TextBytes.isASCIIWhitespace(html[i]) { i += 1 }
                value = attributeValue(html, &i)
            }
            if !name.isEmpty { attributes.append((name, value)) }
        }
    }

    /// Whether `b` ends an attribute name.
    private static func isNameEnd(_ b: UInt8) -> Bool {
        TextBytes.isASCIIWhitespace(b) || b == UInt8(ascii: "=") || b == UInt8(ascii: ">") || b == 0x2F
    }

    /// A quoted or unquoted attribute value starting at `i`; moves `i` past it.
    private static func attributeValue(_ html: UnsafeRawBufferPointer, _ i: inout Int) -> String {
        guard i < html.count else { return "" }
        let quote = html[i]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = i + 1
            let end = html[start...].firstIndex(of: quote) ?? html.count
            i = min(end + 1, html.count)
            return String(decoding: html[start..<end], as: UTF8.self)
        }
        let start = i
        while i < html.count, !TextBytes.isASCIIWhitespace(html[i]), html[i] != UInt8(ascii: ">") { i += 1 }
        return String(decoding: html[start..<i], as: UTF8.self)
    }

    /// The offset of `needle` (lowercase ASCII) in `bytes` compared case-insensitively.
    private static func find(_ needle: [UInt8], inLowercased bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count)
        where zip(bytes[start...], needle).allSatisfy({ ($0.0 | 0x20) == $0.1 }) {
            return start
        }
        return nil
    }
}
