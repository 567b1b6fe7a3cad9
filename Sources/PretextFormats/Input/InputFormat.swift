/// The record format of an input file.
public enum InputFormat: String, Sendable, Equatable, CaseIterable {
    /// One JSON object per line (`.jsonl`, `.ndjson`, `.json`).
    case jsonl
    /// Plain UTF-8 text (`.txt`, `.md`): one document per file or per blank-line block.
    case text
    /// WARC 1.0/1.1 (`.warc`): `response` records with HTML or plain-text payloads.
    case warc
    /// WET (`.wet`, `.warc.wet`): WARC `conversion` records holding extracted text.
    case wet

    /// The format named by a file name (compression suffix already removed, or not), or
    /// `nil` when the extension is not a known one.
    ///
    /// `.jsonl/.ndjson/.json` → jsonl; `.txt/.md` → text; `.warc` → warc; `.wet` → wet;
    /// each optionally followed by `.gz`, `.zst` or `.zstd`.
    public static func fromFileName(_ name: String) -> InputFormat? {
        var parts = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        if Compression.fromExtension(String(parts[parts.count - 1])) != .none { parts.removeLast() }
        guard parts.count >= 2 else { return nil }
        switch parts[parts.count - 1] {
        case "jsonl", "ndjson", "json": return .jsonl
        case "txt", "md": return .text
        case "warc": return .warc
        case "wet": return .wet
        default: return nil
        }
    }
}
