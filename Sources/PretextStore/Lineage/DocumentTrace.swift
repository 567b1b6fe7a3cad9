/// One document followed through the steps of a run (`pretext trace OUTPUT ID`): per step,
/// whether it was kept (its text unchanged or changed, the catalog columns the step set) or
/// dropped (reason, detail, its reject record), and where its record is.
///
/// Built by `DocumentTracer`; `text` renders it for people, `Codable` for programs.
public struct DocumentTrace: Sendable, Equatable, Codable {
    /// What became of the document in one step.
    public enum Status: String, Sendable, Codable {
        /// The step's dataset holds it.
        case kept
        /// The step dropped it: a row of the step's `drops` names it.
        case dropped
        /// Neither: it was dropped before, or had not come in yet.
        case absent
        /// The step wrote examples without a row per document (`causal_lm`, `t5_spans`, `mlm`,
        /// `contrastive`): its documents cannot be followed into them.
        case untraceable
    }

    /// How a kept document's text compares with the step before.
    public enum TextState: String, Sendable, Codable {
        /// No step before holds it (the first step, or a single dataset traced alone).
        case first
        /// The same text as the step before.
        case unchanged
        /// Another text than the step before.
        case changed
        /// Kept as a binary record (the tokenize stage's token ids), no longer as text.
        case record
    }

    /// Where a record is: the shard (relative to its dataset) and its place in the shard.
    public struct Place: Sendable, Equatable, Codable {
        /// The shard's path, relative to the dataset root (`shards/…`, `rejects/…`).
        public var shard: String
        /// The frame index.
        public var frame: Int
        /// The byte offset in the decompressed frame.
        public var offset: Int
        /// The record's length, separator included.
        public var length: Int
    }

    /// A catalog column the step set or changed for the document.
    public struct Signal: Sendable, Equatable, Codable {
        /// The column.
        public var name: String
        /// Its value in this step.
        public var value: Value
        /// Its value in the step before, when it had one and it differs.
        public var before: Value?
    }

    /// A column value: JSON null, a number or a string; a blob is shown by its size.
    public enum Value: Sendable, Equatable, Codable, CustomStringConvertible {
        /// SQL NULL.
        case null
        /// An integer.
        case integer(Int64)
        /// A real number.
        case real(Double)
        /// Text.
        case text(String)
        /// A blob of this many bytes (`sentence_bounds`).
        case blob(bytes: Int)

        /// Encodes as JSON null, a number, a string, or `{"blob_bytes": N}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .integer(let value): try container.encode(value)
            case .real(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .blob(let bytes): try container.encode(["blob_bytes": bytes])
            }
        }

        /// Decodes what `encode(to:)` writes.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Int64.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .real(value)
            } else if let value = try? container.decode(String.self) {
                self = .text(value)
            } else {
                self = .blob(bytes: try container.decode([String: Int].self)["blob_bytes"] ?? 0)
            }
        }

        /// The value for people: `NULL`, the number, the text, `<N bytes>`.
        public var description: String {
            switch self {
            case .null: "NULL"
            case .integer(let value): String(value)
            case .real(let value): String(value)
            case .text(let value): value
            case .blob(let bytes): "<\(bytes) bytes>"
            }
        }
    }

    /// Why and where a step dropped the document (a row of its `drops`).
    public struct Drop: Sendable, Equatable, Codable {
        /// The stage that dropped it.
        public var stage: String
        /// The reason (a `RejectReason` name or a rule name).
        public var reason: String
        /// The measured value or explanation; never corpus text.
        public var detail: String?
        /// The rejected record in the step's `rejects/`, when kept.
        public var reject: Place?
        /// Where it came from: the input file, or the shard the step read.
        public var input: String?
        /// The 1-based input line, for line-based inputs.
        public var inputLine: Int?
        /// The byte offset in the input.
        public var inputOffset: Int?

        enum CodingKeys: String, CodingKey {
            case stage, reason, detail, reject, input
            case inputLine = "input_line"
            case inputOffset = "input_offset"
        }
    }

    /// The document in one step.
    public struct Step: Sendable, Equatable, Codable {
        /// The step number, when the dataset's folder is named `NN-stage`.
        public var index: Int?
        /// The stage, when the folder is named `NN-stage`.
        public var stage: String?
        /// The dataset folder.
        public var dataset: String
        /// What became of the document.
        public var status: Status
        /// A kept document's text against the step before.
        public var text: TextState?
        /// A kept document's record.
        public var record: Place?
        /// Columns this step set for the document that the step before had not (NULL or no
        /// such column), with their values.
        public var added: [Signal]
        /// Columns with another value than in the step before.
        public var changed: [Signal]
        /// Why the step dropped it.
        public var drop: Drop?
    }

    /// What was traced: a pipeline's output folder or one dataset.
    public var path: String
    /// The document id.
    public var id: String
    /// The document in each step, in step order.
    public var steps: [Step]
}
