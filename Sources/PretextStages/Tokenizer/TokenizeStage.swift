import PretextCore
import PretextStore
import PretextText
import PretextTokenizer
import _PretextFileSystem

/// Encodes every document into token ids with a trained tokenizer and writes **token shards**:
/// one binary record per document (`examples` shards, `*.bin.zst`) holding its ids as
/// little-endian `uint16` when the vocabulary has at most 65,536 ids, `uint32` otherwise
/// (record schema `{"ids":"uint16[]"}`), catalogued with the document's row, its `tokens`
/// column set to the number of ids (and, when the input has sentence bounds,
/// `token_sentence_bounds`: the sentences in token positions, for the example generators). A
/// document without any token (nothing left after the
/// tokenizer's normalization) is dropped as `no_tokens`. The tokenizer is copied into the
/// output's `tokenizer/`, so `pretext cat` decodes the records. `docs/stages/tokenizer.md`.
public struct TokenizeStage: RecordStage, StageFinishing {
    public static let descriptor = StageDescriptor(
        name: "tokenize",
        summary: "encode documents into token-id records (uint16/uint32) with a trained tokenizer",
        options: [tokenizer, ids], input: .dataset, output: .examples)

    /// `tokenizer`: where the tokenizer is.
    public static let tokenizer = OptionKey<String>(
        "tokenizer", default: "",
        "tokenizer.json, or a directory or dataset holding one (empty: the input dataset's tokenizer/)")

    /// `ids`: the width of the ids written.
    public static let ids = OptionKey<IDWidth>(
        "ids", default: .auto,
        "id width: auto (uint16 when the vocabulary has at most 65,536 ids, else uint32), uint16 or uint32")

    /// The widths of the ids a token record holds.
    public enum IDWidth: String, Sendable, CaseIterable, OptionChoice {
        /// The narrowest that holds every id of the vocabulary.
        case auto
        /// 16-bit ids (nanoGPT's `.bin` files); the vocabulary must have at most 65,536 ids.
        case uint16
        /// 32-bit ids.
        case uint32
    }

    /// The tokenizer's location as given (empty: the input's).
    private let location: String
    /// The id width asked for.
    private let width: IDWidth

    /// Creates the stage from checked options.
    public init(options: StageOptions) throws {
        location = options[Self.tokenizer]
        width = options[Self.ids]
    }

    /// The document shards of the input dataset; checks first that the tokenizer loads.
    public func plan(_ input: StageInput) throws -> [ShardUnit] {
        let units = try ShardUnit.plan(input, stage: Self.descriptor.name)
        if case .dataset(let path) = input { _ = try tokenizer(datasetRoot: path) }
        return units
    }

    /// `ids` of the id width the tokenizer needs.
    public func recordSchema(input: Dataset) throws -> RecordSchema {
        try RecordSchema([.init("ids", try tokenizer(datasetRoot: input.root).idType, count: nil)])
    }

    /// A worker with the tokenizer.
    public func makeWorker(input: Dataset) throws -> Worker {
        let (tokenizer, idType) = try tokenizer(datasetRoot: input.root)
        return Worker(tokenizer: tokenizer, idType: idType)
    }

    /// Copies the tokenizer into the output dataset, so its records can be decoded.
    public func finishStep(dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int) throws -> [String] {
        guard case .dataset(let path) = input else { return [] }
        let directory = dataset.path(TokenizerStage.directory)
        try FileSystem.createDirectory(directory)
        let file = FileSystem.join(directory, "tokenizer.json")
        try TokenizerFile.write(try tokenizer(datasetRoot: path).tokenizer, to: file)
        return ["token records decode with \(file)"]
    }

    /// The tokenizer for the input dataset at `datasetRoot`, and the width of its ids.
    private func tokenizer(datasetRoot: String) throws -> (tokenizer: Tokenizer, idType: RecordSchema.ScalarType) {
        let path = try TokenizerFile.locate(location, dataset: datasetRoot)
        let tokenizer = try TokenizerFile.read(path)
        return (tokenizer, try idType(tokenizer, path: path))
    }

    /// The width asked for; `auto`: `uint16` for at most 65,536 ids, else `uint32`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the tokenizer file when its
    ///   vocabulary has more ids than the width holds.
    func idType(_ tokenizer: Tokenizer, path: String) throws -> RecordSchema.ScalarType {
        let size = tokenizer.vocabularySize
        let type: RecordSchema.ScalarType
        switch width {
        case .auto: type = size <= 1 << 16 ? .uint16 : .uint32
        case .uint16: type = .uint16
        case .uint32: type = .uint32
        }
        let limit = type == .uint16 ? 1 << 16 : 1 << 32
        guard size <= limit else {
            throw PretextError(
                .invalidConfiguration,
                "ids: a vocabulary of \(size) ids does not fit \(type.rawValue) token ids (at most \(limit))",
                path: path)
        }
        return type
    }

    /// Encodes one document at a time.
    public struct Worker: RecordWorker {
        private var encoder: TokenEncoder
        private let tokenizer: Tokenizer
        let idType: RecordSchema.ScalarType
        private var record = RecordBuilder()

        init(tokenizer: Tokenizer, idType: RecordSchema.ScalarType) {
            encoder = TokenEncoder(tokenizer)
            self.tokenizer = tokenizer
            self.idType = idType
        }

        /// The document's ids as one record; its row's `tokens` is their number, and when the
        /// row has sentence bounds, `token_sentence_bounds` holds them in token positions
        /// (`TokenSentences`).
        public mutating func process(
            _ document: Document, row: inout DocumentRow, into records: inout RecordOutput
        ) throws -> DocumentVerdict {
            let ids = try encode(document.text, row: &row)
            guard !ids.isEmpty else {
                return .drop(reason: "no_tokens", detail: "the tokenizer's normalization left no token")
            }
            record.reset()
            if idType == .uint16 {
                // The vocabulary has at most 65,536 ids (`idType`), so every id fits.
                for id in ids { record.append(UInt16(truncatingIfNeeded: id)) }
            } else {
                for id in ids { record.append(id) }
            }
            try records.append(record)
            row.tokens = ids.count
            return .keep
        }

        /// The ids of `text`; with the row's sentence bounds, through the encoding with offsets,
        /// which also places the sentences among the tokens.
        private mutating func encode(_ text: String, row: inout DocumentRow) throws -> [UInt32] {
            guard let bounds = row.sentenceBounds, !bounds.isEmpty else { return encoder.ids(of: text) }
            let encoding = tokenizer.encode(text)
            let sentences = TokenSentences.ranges(
                sentences: try SentenceBounds.decode(bounds), text: text, offsets: encoding.offsets)
            row.setSignal(TokenDocument.sentenceBoundsColumn, .blob(try SentenceBounds.encode(sentences)))
            return encoding.ids
        }
    }
}
