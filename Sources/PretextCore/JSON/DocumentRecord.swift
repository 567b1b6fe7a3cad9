/// The document-record line codec: `{"id":…,"text":…,"source":…,"meta":{…}}\n`.
///
/// This is the line format of document shards (see `docs/formats.md`): one JSON object per
/// line, keys in this order, no whitespace, canonical string escaping (`JSONStringEncoder`),
/// `meta` a raw JSON object (`{}` when empty). Encoding appends to a caller-owned buffer so a
/// writer reuses one allocation for a whole shard frame.
public enum DocumentRecord {
    /// How the text field is given to the encoder.
    public enum TextField {
        /// Valid UTF-8 text, escaped on the way out (runs of safe bytes are copied in one go).
        case utf8(UnsafeRawBufferPointer)
        /// A JSON string token, quotes included, with no backslash: already canonical, so it
        /// is copied verbatim (the fast path for JSONL input whose text has no escapes).
        case canonicalToken(UnsafeRawBufferPointer)
    }

    private static let idPrefix: StaticString = "{\"id\":"
    private static let textPrefix: StaticString = ",\"text\":"
    private static let sourcePrefix: StaticString = ",\"source\":"
    private static let metaPrefix: StaticString = ",\"meta\":"

    /// Appends one record line, newline included, to `output`.
    /// - Parameters:
    ///   - id: the document id (valid UTF-8).
    ///   - text: the text, as UTF-8 or as a canonical token.
    ///   - source: where the document came from (valid UTF-8).
    ///   - metaJSON: a raw JSON object, trusted (not re-validated); empty means `{}`.
    /// - Complexity: O(n) in the record size, about a `memcpy` for text without escapes.
    public static func append(
        id: UnsafeRawBufferPointer, text: TextField, source: UnsafeRawBufferPointer,
        metaJSON: UnsafeRawBufferPointer, to output: inout [UInt8]
    ) {
        output.reserveCapacity(output.count + id.count + source.count + metaJSON.count + 48 + textSize(text))
        appendStatic(idPrefix, to: &output)
        JSONStringEncoder.appendQuoted(id, to: &output)
        appendStatic(textPrefix, to: &output)
        switch text {
        case .utf8(let bytes): JSONStringEncoder.appendQuoted(bytes, to: &output)
        case .canonicalToken(let token): output.append(contentsOf: token)
        }
        appendStatic(sourcePrefix, to: &output)
        JSONStringEncoder.appendQuoted(source, to: &output)
        appendStatic(metaPrefix, to: &output)
        if metaJSON.isEmpty {
            output.append(UInt8(ascii: "{"))
            output.append(UInt8(ascii: "}"))
        } else {
            output.append(contentsOf: metaJSON)
        }
        output.append(UInt8(ascii: "}"))
        output.append(UInt8(ascii: "\n"))
    }

    /// Appends the record line for `document` to `output`.
    public static func append(_ document: Document, to output: inout [UInt8]) {
        var id = document.id
        var text = document.text
        var source = document.source
        var meta = document.metaJSON
        id.withUTF8 { idBytes in
            text.withUTF8 { textBytes in
                source.withUTF8 { sourceBytes in
                    meta.withUTF8 { metaBytes in
                        append(
                            id: UnsafeRawBufferPointer(idBytes), text: .utf8(UnsafeRawBufferPointer(textBytes)),
                            source: UnsafeRawBufferPointer(sourceBytes), metaJSON: UnsafeRawBufferPointer(metaBytes),
                            to: &output)
                    }
                }
            }
        }
    }

    /// The record line for `document`, newline included.
    public static func encode(_ document: Document) -> [UInt8] {
        var output: [UInt8] = []
        append(document, to: &output)
        return output
    }

    private static func textSize(_ text: TextField) -> Int {
        switch text {
        case .utf8(let bytes): return bytes.count
        case .canonicalToken(let token): return token.count
        }
    }

    private static func appendStatic(_ s: StaticString, to output: inout [UInt8]) {
        // Safe: a StaticString literal's utf8Start points at utf8CodeUnitCount bytes.
        output.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
}
