import PretextCore

/// The little-endian layout of the binary records of an `examples` dataset: named fields of a
/// scalar type, one after another without padding, each holding a fixed number of values — or,
/// for the last field only, as many as the record has room for (token ids of one document).
///
/// Stored in the catalog (`dataset_meta`, key `record_schema`) as one JSON object whose keys are
/// the field names in layout order and whose values say type and count:
/// `{"input_ids":"int32[128]","segment_ids":"uint8[128]","label":"int32[1]"}`, or `{"ids":"uint16[]"}`
/// for variable-length records. Fixed-size records have `recordBytes` bytes each, so record `i`
/// of a shard sits at a computable place; variable-length records are located by their catalog
/// rows (one per document). `docs/formats.md`, "Example records".
public struct RecordSchema: Sendable, Hashable {
    /// A scalar type of a field.
    public enum ScalarType: String, Sendable, CaseIterable {
        case uint8, int8, uint16, int16, uint32, int32, uint64, int64, float32, float64

        /// Bytes per value.
        public var size: Int {
            switch self {
            case .uint8, .int8: 1
            case .uint16, .int16: 2
            case .uint32, .int32, .float32: 4
            case .uint64, .int64, .float64: 8
            }
        }
    }

    /// One field: `count` values of `type`, or (`count` `nil`) the rest of the record.
    public struct Field: Sendable, Hashable {
        /// The field name (letters, digits, `_`).
        public var name: String
        /// The type of its values.
        public var type: ScalarType
        /// How many values it holds (at least 1); `nil`: as many as the record holds.
        public var count: Int?

        /// Declares a field.
        public init(_ name: String, _ type: ScalarType, count: Int? = 1) {
            self.name = name
            self.type = type
            self.count = count
        }

        /// Bytes the field takes in a record (0 for a variable-length field).
        public var bytes: Int { type.size * (count ?? 0) }
    }

    /// The `dataset_meta` key the schema is stored under.
    public static let metaKey = "record_schema"

    /// The fields in layout order.
    public let fields: [Field]

    /// A schema of `fields`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for no fields, a name that is not an
    ///   identifier or appears twice, a count below 1, or a variable-length field that is not
    ///   the last.
    public init(_ fields: [Field]) throws {
        guard !fields.isEmpty else {
            throw PretextError(.invalidConfiguration, "a record schema needs at least one field")
        }
        var seen: Set<String> = []
        for field in fields {
            guard Catalog.isIdentifier(field.name), seen.insert(field.name).inserted else {
                throw PretextError(
                    .invalidConfiguration, "record field '\(field.name)' is not a unique name of letters, digits and _")
            }
            guard (field.count ?? 1) >= 1 else {
                throw PretextError(.invalidConfiguration, "record field '\(field.name)' must hold at least one value")
            }
            guard field.count != nil || field == fields.last else {
                throw PretextError(.invalidConfiguration, "only the last record field can be of variable length")
            }
        }
        self.fields = fields
    }

    /// Bytes per record, or `nil` when the last field is of variable length.
    public var recordBytes: Int? {
        fields.last?.count == nil ? nil : fields.reduce(0) { $0 + $1.bytes }
    }

    /// Bytes of the fixed fields (all but a variable-length last field).
    public var fixedBytes: Int { fields.reduce(0) { $0 + $1.bytes } }

    /// The byte offset of each field in a record, in layout order.
    public var offsets: [Int] {
        var offset = 0
        return fields.map { field in
            defer { offset += field.bytes }
            return offset
        }
    }

    /// The schema as stored in the catalog.
    public var json: String {
        "{"
            + fields.map { "\"\($0.name)\":\"\($0.type.rawValue)[\($0.count.map(String.init) ?? "")]\"" }
            .joined(separator: ",") + "}"
    }

    /// Reads a schema stored by `json`.
    ///
    /// - Throws: `PretextError(.corrupt)` when the text is not a schema.
    public init(json text: String) throws {
        var scanner = JSONScanner()
        var fields: [Field] = []
        let bytes = Array(text.utf8)
        do {
            try bytes.withUnsafeBytes { raw in
                try scanner.scanObject(raw)
                for member in scanner.members {
                    guard member.kind == .string else { throw Self.corrupt(text) }
                    let value = try JSONStringDecoder.decodeString(
                        token: UnsafeRawBufferPointer(rebasing: raw[member.value]))
                    fields.append(try Self.field(scanner.keyString(member), value, in: text))
                }
            }
            try self.init(fields)
        } catch let error as PretextError where error.code == .corrupt {
            throw error
        } catch {
            throw Self.corrupt(text)
        }
    }

    /// A field from its name and `TYPE[COUNT]`.
    private static func field(_ name: String, _ value: String, in text: String) throws -> Field {
        guard let open = value.firstIndex(of: "["), value.hasSuffix("]"),
            let type = ScalarType(rawValue: String(value[..<open]))
        else { throw corrupt(text) }
        let digits = value[value.index(after: open)..<value.index(before: value.endIndex)]
        if digits.isEmpty { return Field(name, type, count: nil) }
        guard let count = Int(digits) else { throw corrupt(text) }
        return Field(name, type, count: count)
    }

    private static func corrupt(_ text: String) -> PretextError {
        PretextError(.corrupt, "the catalog's record_schema is not a schema: \(text.prefix(200))")
    }
}
