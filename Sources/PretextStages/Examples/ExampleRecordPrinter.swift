import PretextCore
import PretextStore
import PretextTokenizer

/// Prints fixed-size example records as JSON lines for `pretext cat`: the layouts of
/// `causal_lm` and `t5_spans` as decoded text (`ExampleRecordText`), every other layout field by
/// field — each as a number or an array of numbers, and each field of token ids also as its
/// tokens (`FIELD_tokens`, `[MASK]`s visible), cut at the record's `length` (or `FIELD_length`)
/// field when it has one.
public struct ExampleRecordPrinter: Sendable {
    /// The fields holding token ids, by name.
    public static let tokenFields: Set<String> = [
        "input_ids", "masked_lm_ids", "inputs", "targets", "labels", "anchor_ids", "positive_ids", "negative_ids",
    ]

    let schema: RecordSchema
    let vocabulary: [String]
    /// The text decoder of the `causal_lm` and `t5_spans` layouts.
    let text: ExampleRecordText?

    /// A printer for the examples of `dataset`, or `nil` when it holds no fixed-size records.
    public init?(dataset: Dataset) throws {
        guard let schema = try dataset.openCatalog(readOnly: true).recordSchema(), schema.recordBytes != nil else {
            return nil
        }
        self.schema = schema
        let file = try? TokenizerFile.locate("", dataset: dataset.root)
        vocabulary = try file.map { Self.tokens(of: try TokenizerFile.read($0)) } ?? []
        text = try ExampleRecordText(dataset: dataset)
    }

    /// The token strings by id, added tokens included.
    static func tokens(of tokenizer: Tokenizer) -> [String] {
        var tokens = tokenizer.vocabulary
        for added in tokenizer.addedTokens {
            let id = Int(added.id)
            if id >= tokens.count { tokens += Array(repeating: "", count: id - tokens.count + 1) }
            tokens[id] = added.content
        }
        return tokens
    }

    /// The record size.
    public var recordBytes: Int { schema.recordBytes ?? 0 }

    /// Calls `body` with every record of the dataset's example shards, in storage order, up to
    /// `limit` records.
    public func forEachRecord(
        of dataset: Dataset, limit: Int? = nil, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try ExampleRecordText.forEachRecord(of: dataset, recordBytes: recordBytes, limit: limit, body)
    }

    /// One record as a JSON line ending in `\n` (floats as numbers, non-finite ones as `null`).
    public func jsonLine(_ record: UnsafeRawBufferPointer) -> [UInt8] {
        if let text { return text.jsonLine(record) }
        var values: [String: [Int64]] = [:]
        for (field, offset) in zip(schema.fields, schema.offsets) {
            values[field.name] = (0..<(field.count ?? 0)).map {
                Self.value(record, offset + $0 * field.type.size, field.type)
            }
        }
        var line: [UInt8] = Array("{".utf8)
        for (index, field) in schema.fields.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            let numbers = values[field.name] ?? []
            JSONStringEncoder.appendQuoted(field.name, to: &line)
            line.append(UInt8(ascii: ":"))
            let texts =
                field.type == .float32 || field.type == .float64
                ? numbers.map { Self.float($0, field.type) } : numbers.map(String.init)
            line += Array((texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ",") + "]").utf8)
            if Self.tokenFields.contains(field.name), !vocabulary.isEmpty {
                let count = Self.validCount(field.name, numbers.count, values)
                line += Array(",".utf8)
                JSONStringEncoder.appendQuoted(field.name + "_tokens", to: &line)
                line += Array(":[".utf8)
                for (position, id) in numbers.prefix(count).enumerated() {
                    if position > 0 { line.append(UInt8(ascii: ",")) }
                    JSONStringEncoder.appendQuoted(
                        id >= 0 && id < vocabulary.count ? vocabulary[Int(id)] : "<\(id)>", to: &line)
                }
                line.append(UInt8(ascii: "]"))
            }
        }
        line += Array("}\n".utf8)
        return line
    }

    /// How many values of a token field are real: its own `FIELD_length` (`X_length` for
    /// `X_ids`), `length` for
    /// `input_ids`, `masked_lm_count` for `masked_lm_ids`, else all.
    static func validCount(_ name: String, _ count: Int, _ values: [String: [Int64]]) -> Int {
        let side = name.hasSuffix("_ids") ? String(name.dropLast(4)) + "_length" : ""
        let counter = [
            name + "_length", side, name == "input_ids" ? "length" : "",
            name == "masked_lm_ids" ? "masked_lm_count" : "",
        ]
        .first { values[$0]?.count == 1 }
        return counter.flatMap { values[$0]?.first }.map { min(count, max(0, Int($0))) } ?? count
    }

    /// The integer value of `type` at `offset` (floats as their bit pattern).
    static func value(_ record: UnsafeRawBufferPointer, _ offset: Int, _ type: RecordSchema.ScalarType) -> Int64 {
        switch type {
        case .uint8: Int64(record[offset])
        case .int8: Int64(Int8(bitPattern: record[offset]))
        case .uint16: Int64(UInt16(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
        case .int16: Int64(Int16(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: Int16.self)))
        case .uint32: Int64(UInt32(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        case .int32: Int64(Int32(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
        case .uint64, .int64, .float64:
            Int64(bitPattern: UInt64(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        case .float32: Int64(UInt32(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        }
    }

    /// A float field's value (read as its bit pattern) as JSON text.
    private static func float(_ bits: Int64, _ type: RecordSchema.ScalarType) -> String {
        let value =
            type == .float32
            ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))) : Double(bitPattern: UInt64(bitPattern: bits))
        return value.isFinite ? "\(value)" : "null"
    }
}
