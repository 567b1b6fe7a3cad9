extension SyntheticDocument {
    /// The document as a line of a `part-*.jsonl` file, `{"id":…,"text":…}`, appended to
    /// `bytes` with its newline. Nothing else is written: the family is the answer.
    public func appendJSONLine(to bytes: inout [UInt8]) {
        bytes.append(contentsOf: "{\"id\":".utf8)
        JSONText.appendQuoted(id, to: &bytes)
        bytes.append(contentsOf: ",\"text\":".utf8)
        JSONText.appendQuoted(text, to: &bytes)
        bytes.append(contentsOf: "}\n".utf8)
    }
}
