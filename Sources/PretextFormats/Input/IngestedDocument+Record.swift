import PretextCore

extension IngestedDocument {
    /// Appends this document's record line (`{"id","text","source","meta"}` and `\n`) to
    /// `output`, for a document shard.
    /// - Parameter source: the `source` field (usually the input path).
    public func appendRecord(source: String, to output: inout [UInt8]) {
        var id = id
        var source = source
        id.withUTF8 { idBytes in
            source.withUTF8 { sourceBytes in
                text.withUnsafeBytes { textBytes in
                    metaJSON.withUnsafeBytes { metaBytes in
                        DocumentRecord.append(
                            id: UnsafeRawBufferPointer(idBytes), text: .utf8(textBytes),
                            source: UnsafeRawBufferPointer(sourceBytes), metaJSON: metaBytes, to: &output)
                    }
                }
            }
        }
    }

    /// This document as a core `Document` with the given source.
    public func document(source: String) -> Document {
        Document(id: id, text: textString, source: source, metaJSON: metaString)
    }
}
