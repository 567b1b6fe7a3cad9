import PretextCore

/// A small, fast HTML-to-text extractor for WARC `response` payloads.
///
/// What it does: drops the content of `script`, `style`, `noscript`, `template`, `svg`,
/// `iframe` and `head` (so `title` too), comments, doctypes and processing instructions;
/// turns block elements into line breaks (`p`, `h1`–`h6`: a blank line; `div`, `li`, `tr`,
/// `br`, …: one newline) and table cells into spaces; decodes numeric character references
/// and the common named entities (`HTMLEntities`); collapses runs of whitespace to one
/// space; trims leading and trailing whitespace.
///
/// What it does not do: no CSS (`display:none` text is kept), no boilerplate removal
/// (navigation, menus and footers are kept), no `<pre>` whitespace preservation, no charset
/// sniffing from `<meta>` (the WARC reader decodes the payload to UTF-8 first). datatrove
/// uses trafilatura for this step, which also removes boilerplate; run a quality filter
/// after ingest, or pre-extract with trafilatura and ingest the WET/JSONL result.
///
/// Input must be valid UTF-8; output is valid UTF-8 (markup is only cut at ASCII bytes).
public struct HTMLTextExtractor: Sendable {
    private var pendingBreak = 0
    private var pendingSpace = false
    private var inHead = false

    /// Creates an extractor.
    public init() {}

    /// Appends the text of `html` to `output`.
    /// - Complexity: O(n) in the payload size.
    public mutating func extract(_ html: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        pendingBreak = 0
        pendingSpace = false
        inHead = false
        let outputStart = output.count
        var i = 0
        while i < html.count {
            let b = html[i]
            switch b {
            case UInt8(ascii: "<"):
                i = markup(html, at: i, output: &output, start: outputStart)
            case UInt8(ascii: "&"):
                i = entity(html, at: i, output: &output, start: outputStart)
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                pendingSpace = true
                i += 1
            default:
                emit(b, to: &output, start: outputStart)
                i += 1
            }
        }
    }

    /// The text of an HTML string.
    public static func extractText(_ html: String) -> String {
        var extractor = HTMLTextExtractor()
        var output: [UInt8] = []
        var html = html
        html.withUTF8 { extractor.extract(UnsafeRawBufferPointer($0), into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Text

    private mutating func emit(_ byte: UInt8, to output: inout [UInt8], start: Int) {
        guard !inHead else { return }
        flushPending(&output, start: start)
        output.append(byte)
    }

    private mutating func emitScalar(_ scalar: UInt32, to output: inout [UInt8], start: Int) {
        guard !inHead else { return }
        if scalar == 0xA0 || scalar == 0x20 {
            pendingSpace = true
            return
        }
        flushPending(&output, start: start)
        UTF8Encoding.append(scalar, to: &output)
    }

    /// Writes the pending break or space, but never at the start of the text.
    private mutating func flushPending(_ output: inout [UInt8], start: Int) {
        if output.count > start {
            if pendingBreak > 0 {
                for _ in 0..<pendingBreak { output.append(0x0A) }
            } else if pendingSpace {
                output.append(0x20)
            }
        }
        pendingBreak = 0
        pendingSpace = false
    }

    // MARK: - Entities

    /// Decodes the character reference at `i` (an `&`); an unknown one is kept as text.
    private mutating func entity(_ html: UnsafeRawBufferPointer, at i: Int, output: inout [UInt8], start: Int) -> Int {
        if let (scalar, next) = HTMLEntities.decode(html, at: i) {
            emitScalar(scalar, to: &output, start: start)
            return next
        }
        emit(UInt8(ascii: "&"), to: &output, start: start)
        return i + 1
    }

    // MARK: - Markup

    /// Handles the markup starting at `i` (a `<`); returns the offset after it.
    private mutating func markup(_ html: UnsafeRawBufferPointer, at i: Int, output: inout [UInt8], start: Int) -> Int {
        guard i + 1 < html.count else {
            emit(UInt8(ascii: "<"), to: &output, start: start)
            return i + 1
        }
        let next = html[i + 1]
        if next == UInt8(ascii: "!") {
            if html[(i + 2)...].starts(with: "--".utf8) {
                return HTMLScan.find("-->".utf8, in: html, from: i + 4).map { $0 + 3 } ?? html.count
            }
            return HTMLScan.tagEnd(html, from: i + 2)
        }
        if next == UInt8(ascii: "?") { return HTMLScan.tagEnd(html, from: i + 2) }
        let closing = next == UInt8(ascii: "/")
        let nameStart = closing ? i + 2 : i + 1
        guard nameStart < html.count, HTMLScan.isLetter(html[nameStart]) else {
            emit(UInt8(ascii: "<"), to: &output, start: start)
            return i + 1
        }
        let (name, nameEnd) = HTMLScan.tagName(html, from: nameStart)
        let end = HTMLScan.tagEnd(html, from: nameEnd)
        let selfClosing = end >= 2 && html[end - 2] == UInt8(ascii: "/")
        if closing {
            closeTag(name)
            return end
        }
        return openTag(name, html, after: end, selfClosing: selfClosing)
    }

    private mutating func openTag(
        _ name: String, _ html: UnsafeRawBufferPointer, after end: Int, selfClosing: Bool
    ) -> Int {
        if HTMLScan.skippedElements.contains(name) {
            return selfClosing ? end : HTMLScan.afterClosingTag(name, in: html, from: end)
        }
        switch name {
        case "head": inHead = true
        case "body": inHead = false
        default: addBreak(for: name)
        }
        return end
    }

    private mutating func closeTag(_ name: String) {
        if name == "head" {
            inHead = false
        } else {
            addBreak(for: name)
        }
    }

    private mutating func addBreak(for name: String) {
        if HTMLScan.paragraphElements.contains(name) {
            pendingBreak = 2
        } else if HTMLScan.lineElements.contains(name) {
            pendingBreak = max(pendingBreak, 1)
        } else if name == "td" || name == "th" {
            pendingSpace = true
        }
    }
}
