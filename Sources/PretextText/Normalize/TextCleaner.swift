/// Byte-level cleanup of document text: control and zero-width characters, odd spaces, line
/// endings, blank-line runs, trailing and surrounding whitespace, and (opt-in) mojibake.
///
/// One linear pass over the UTF-8 bytes (two with `repairMojibake`), writing into a buffer
/// the caller reuses. The output is never longer than the input. Ill-formed UTF-8 is copied
/// through unchanged (ingest rejects it before this stage).
///
/// Reference behaviour: the whitespace and control handling of datatrove's and dolma's text
/// normalizers (`str.strip()`, line-ending unification), with CJK-aware defaults: U+3000 is
/// kept. Every step is described on `Options` and in `docs/text.md`.
///
/// A cleaner is a value with no state: share it freely across threads.
public struct TextCleaner: Sendable {
    /// What the cleaner does.
    public var options: Options

    /// Creates a cleaner with `options` (the documented defaults when omitted).
    public init(options: Options = Options()) { self.options = options }

    /// Cleans the UTF-8 bytes in `utf8` into `output`, replacing its contents.
    ///
    /// Reuse one `output` array across documents: its capacity is kept.
    /// - Complexity: O(n) in the length of `utf8`.
    public func clean(utf8: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        if output.count < utf8.count {
            output.append(contentsOf: repeatElement(0, count: utf8.count - output.count))
        }
        let written: Int
        if options.repairMojibake {
            var repaired = [UInt8](repeating: 0, count: utf8.count)
            let length = repaired.withUnsafeMutableBytes { MojibakeRepair.repair(utf8, into: $0) }
            written = repaired.withUnsafeBytes { all in
                output.withUnsafeMutableBytes { run(UnsafeRawBufferPointer(rebasing: all[..<length]), into: $0) }
            }
        } else {
            written = output.withUnsafeMutableBytes { run(utf8, into: $0) }
        }
        output.removeLast(output.count - written)
    }

    /// Returns `text` cleaned.
    /// - Complexity: O(n) in the length of `text`.
    public func clean(_ text: String) -> String {
        var input = text
        var output: [UInt8] = []
        input.withUTF8 { clean(utf8: UnsafeRawBufferPointer($0), into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether byte `b` is always copied as text: printable ASCII other than space, and every
    /// non-ASCII byte except the lead bytes of characters the cleaner may change (0xC2: C1
    /// controls, NEL, NBSP; 0xE1: U+1680; 0xE2: U+2000–U+206F; 0xE3: U+3000; 0xEF: U+FEFF).
    @inline(__always)
    private static func isPlainText(_ b: UInt8) -> Bool {
        if b < 0x80 { return b &- 0x21 < 0x5E }  // wrapping: bytes below 0x21 become large
        return b != 0xC2 && b &- 0xE1 >= 3 && b != 0xEF
    }

    /// The cleaning pass; `output` holds at least `input.count` bytes. Returns the bytes written.
    private func run(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        var writer = CleanWriter(output: output, options: options)
        let count = input.count
        var i = 0
        while i < count {
            let b = input[i]  // i < count
            if Self.isPlainText(b) {
                // The common case, copied in a run.
                var j = i &+ 1  // i < count, so no overflow
                while j < count, Self.isPlainText(input[j]) { j &+= 1 }
                writer.content(input, i..<j)
                i = j
            } else if b < 0x80 {
                i = asciiSpecial(b, input, at: i, &writer)
            } else {
                i = nonASCII(b, input, at: i, &writer)
            }
        }
        return writer.finish()
    }

    /// Handles space and ASCII control characters; returns the next index.
    @inline(__always)
    private func asciiSpecial(_ b: UInt8, _ input: UnsafeRawBufferPointer, at i: Int, _ w: inout CleanWriter) -> Int {
        switch b {
        case 0x20, 0x09:
            w.space(b)
        case 0x0A:
            w.newline()
        case 0x0D:
            guard options.normalizeLineEndings else {
                w.content(input, i..<i + 1)
                return i + 1
            }
            w.newline()
            if i + 1 < input.count, input[i + 1] == 0x0A { return i + 2 }  // CRLF is one break
        case 0x0B, 0x0C:
            if options.normalizeLineEndings {
                w.newline()
            } else if !options.removeControlCharacters {
                w.content(input, i..<i + 1)
            }
        default:  // other C0 controls and DEL
            if !options.removeControlCharacters { w.content(input, i..<i + 1) }
        }
        return i + 1
    }

    /// Handles a non-ASCII byte; returns the next index.
    @inline(__always)
    private func nonASCII(_ b: UInt8, _ input: UnsafeRawBufferPointer, at i: Int, _ w: inout CleanWriter) -> Int {
        let count = input.count
        switch b {
        case 0xC2 where i + 1 < count:
            let b1 = input[i + 1]
            if b1 == 0x85 {  // NEL
                if options.normalizeLineEndings {
                    w.newline()
                } else if !options.removeControlCharacters {
                    w.content(input, i..<i + 2)
                }
                return i + 2
            }
            if b1 >= 0x80, b1 <= 0x9F {  // C1 controls
                if !options.removeControlCharacters { w.content(input, i..<i + 2) }
                return i + 2
            }
            if b1 == 0xA0, options.mapUnicodeSpaces {  // NO-BREAK SPACE
                w.space(0x20)
                return i + 2
            }
        case 0xE1 where i + 2 < count && input[i + 1] == 0x9A && input[i + 2] == 0x80:
            if options.mapUnicodeSpaces {  // OGHAM SPACE MARK
                w.space(0x20)
                return i + 3
            }
        case 0xE2 where i + 2 < count:
            return generalPunctuation(input, at: i, &w)
        case 0xE3 where i + 2 < count && input[i + 1] == 0x80 && input[i + 2] == 0x80:
            if options.mapIdeographicSpace {  // IDEOGRAPHIC SPACE
                w.space(0x20)
                return i + 3
            }
        case 0xEF where i + 2 < count && input[i + 1] == 0xBB && input[i + 2] == 0xBF:
            if options.removeZeroWidthCharacters { return i + 3 }  // ZWNBSP / byte-order mark
        default:
            break
        }
        // Any other byte is text. Continuation bytes follow as text too, one at a time.
        w.content(input, i..<i + 1)
        return i + 1
    }

    /// Handles a character from U+2000–U+2FFF (lead byte 0xE2, two more bytes present).
    @inline(__always)
    private func generalPunctuation(_ input: UnsafeRawBufferPointer, at i: Int, _ w: inout CleanWriter) -> Int {
        let b1 = input[i + 1]  // the caller checked i + 2 < count
        let b2 = input[i + 2]
        if b1 == 0x80 {
            switch b2 {
            case 0x80...0x8A, 0xAF:  // U+2000–U+200A, NARROW NO-BREAK SPACE
                if options.mapUnicodeSpaces {
                    w.space(0x20)
                    return i + 3
                }
            case 0x8B:  // ZERO WIDTH SPACE
                if options.removeZeroWidthCharacters { return i + 3 }
            case 0x8C, 0x8D:  // ZWNJ, ZWJ: kept between two non-ASCII characters
                if options.removeZeroWidthCharacters {
                    let nextIsNonASCII = i + 3 < input.count && input[i + 3] >= 0x80
                    if !(w.lastIsNonASCII && nextIsNonASCII) { return i + 3 }
                }
            case 0xA8, 0xA9:  // LINE SEPARATOR, PARAGRAPH SEPARATOR
                if options.normalizeLineEndings {
                    w.newline()
                    return i + 3
                }
            default:
                break
            }
        } else if b1 == 0x81 {
            if b2 == 0x9F, options.mapUnicodeSpaces {  // MEDIUM MATHEMATICAL SPACE
                w.space(0x20)
                return i + 3
            }
            if b2 == 0xA0, options.removeZeroWidthCharacters { return i + 3 }  // WORD JOINER
        }
        w.content(input, i..<i + 3)
        return i + 3
    }
}

/// The output side of `TextCleaner`: trims and collapses as it writes.
///
/// Invariant: `lineStart <= contentEnd <= position` and `lastContentEnd <= position`;
/// `position` never passes the number of input bytes consumed, so the output buffer (as
/// large as the input) cannot overflow.
struct CleanWriter {
    let output: UnsafeMutableRawBufferPointer
    let maxNewlines: Int
    let trimTrailing: Bool
    let trimDocument: Bool
    /// Where the next byte goes.
    var position = 0
    /// Where the current line starts.
    var lineStart = 0
    /// Just past the last text byte on the current line.
    var contentEnd = 0
    /// Just past the last text byte of the document so far.
    var lastContentEnd = 0
    /// Line feeds written since the last text.
    var newlineRun = 0
    /// Whether any text has been written.
    var seenContent = false

    init(output: UnsafeMutableRawBufferPointer, options: TextCleaner.Options) {
        self.output = output
        self.maxNewlines = max(0, options.maxConsecutiveNewlines)
        self.trimTrailing = options.trimTrailingWhitespace
        self.trimDocument = options.trimDocument
    }

    /// Whether the last byte written belongs to a non-ASCII character.
    var lastIsNonASCII: Bool { position > 0 && output[position - 1] >= 0x80 }

    /// Copies text bytes.
    @inline(__always)
    mutating func content(_ input: UnsafeRawBufferPointer, _ range: Range<Int>) {
        // position <= range.lowerBound (see the invariant), so the copy fits.
        for k in range {
            output[position] = input[k]
            position &+= 1  // bounded by output.count
        }
        contentEnd = position
        lastContentEnd = position
        newlineRun = 0
        seenContent = true
    }

    /// Writes a space or tab (dropped before the first text when trimming the document).
    @inline(__always)
    mutating func space(_ byte: UInt8) {
        if trimDocument && !seenContent { return }
        output[position] = byte
        position &+= 1
    }

    /// Ends a line.
    @inline(__always)
    mutating func newline() {
        if trimDocument && !seenContent { return }
        if trimTrailing { position = contentEnd }
        if maxNewlines > 0 && newlineRun >= maxNewlines {
            position = lineStart  // a blank line past the limit: drop it and its whitespace
            return
        }
        output[position] = 0x0A
        position &+= 1
        newlineRun &+= 1
        lineStart = position
        contentEnd = position
    }

    /// Finishes the document; returns its length.
    mutating func finish() -> Int {
        if trimDocument { return seenContent ? lastContentEnd : 0 }
        if trimTrailing { return contentEnd }
        return position
    }
}
