/// The contents of a `safetensors` file: named `F32` tensors and string metadata.
///
/// The format (huggingface/safetensors): an 8-byte little-endian header length `n`, `n` bytes of
/// a JSON object, then the tensors' data. The object maps each tensor name to
/// `{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}` (byte offsets into the data
/// after the header) and holds string metadata under `"__metadata__"`. Hugging Face
/// `from_pretrained` requires `"format": "pt"` there; the writer always sets it.
///
/// Written by `write(to:)` (`SafetensorsFile+Write.swift`), read by `init(contentsOf:)`
/// (`SafetensorsFile+Read.swift`). Tensors are kept sorted by name, which is also their order
/// in the header and the data.
public struct SafetensorsFile: Sendable {
    /// The metadata key and value that Hugging Face transformers requires.
    public static let formatKey = "format"
    /// See `formatKey`.
    public static let formatValue = "pt"
    /// The header key of the metadata object.
    static let metadataKey = "__metadata__"

    /// The tensors, sorted by name.
    public private(set) var tensors: [SafetensorsTensor]
    /// The string metadata (`__metadata__`), `"format": "pt"` included.
    public var metadata: [String: String]
    /// The file the contents were read from, named in errors; `nil` when built in memory.
    public var path: String?

    /// A file of `tensors` and `metadata` (`"format": "pt"` is added).
    public init(tensors: [SafetensorsTensor], metadata: [String: String] = [:]) {
        self.tensors = tensors.sorted { $0.name < $1.name }
        self.metadata = metadata
        self.metadata[Self.formatKey] = Self.formatValue
    }

    /// Contents read from `path`, metadata as found (no `"format"` added).
    init(read tensors: [SafetensorsTensor], metadata: [String: String], path: String) {
        self.tensors = tensors.sorted { $0.name < $1.name }
        self.metadata = metadata
        self.path = path
    }

    /// The tensor called `name`, if there is one.
    /// - Complexity: O(n) in the number of tensors.
    public subscript(name: String) -> SafetensorsTensor? {
        tensors.first { $0.name == name }
    }
}
