import PretextCore
import PretextStore
import PretextTokenizer
import _PretextFileSystem

/// Reads the token records of a dataset the `tokenize` stage wrote: each record's ids, and its
/// text decoded with the tokenizer the dataset holds (`tokenizer/tokenizer.json`).
public struct TokenRecords: Sendable {
    /// The width of the ids.
    public let idType: RecordSchema.ScalarType
    /// The dataset's tokenizer.
    public let tokenizer: Tokenizer

    /// The token records of `dataset`, or `nil` when it holds none (a document dataset, or
    /// records of another layout).
    ///
    /// - Throws: `PretextError` when it does hold token records but its tokenizer cannot be read.
    public init?(dataset: Dataset) throws {
        guard let schema = try dataset.openCatalog(readOnly: true).recordSchema(), schema.fields.count == 1,
            let field = schema.fields.first, field.name == "ids", field.count == nil,
            field.type == .uint16 || field.type == .uint32
        else { return nil }
        idType = field.type
        tokenizer = try TokenizerFile.read(TokenizerFile.locate("", dataset: dataset.root))
    }

    /// The ids of one record.
    public func ids(_ record: UnsafeRawBufferPointer) -> [UInt32] {
        if idType == .uint16 {
            return stride(from: 0, to: record.count - 1, by: 2).map {
                UInt32(UInt16(littleEndian: record.loadUnaligned(fromByteOffset: $0, as: UInt16.self)))
            }
        }
        return stride(from: 0, to: record.count - 3, by: 4).map {
            UInt32(littleEndian: record.loadUnaligned(fromByteOffset: $0, as: UInt32.self))
        }
    }

    /// One record as a JSON line: `{"id": …, "tokens": n, "text": …}` (the text decoded, special
    /// tokens included), ending in `\n`.
    public func jsonLine(_ record: UnsafeRawBufferPointer, id: String) -> [UInt8] {
        let ids = ids(record)
        var line: [UInt8] = Array("{\"id\":".utf8)
        JSONStringEncoder.appendQuoted(id, to: &line)
        line += Array(",\"tokens\":\(ids.count),\"text\":".utf8)
        JSONStringEncoder.appendQuoted(tokenizer.decode(ids, skipSpecialTokens: false), to: &line)
        line += Array("}\n".utf8)
        return line
    }
}
