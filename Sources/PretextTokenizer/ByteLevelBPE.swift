/// Byte-level BPE encoding (GPT-2, RoBERTa, Llama 3): pre-tokenization by a `SplitPattern`, each
/// piece's bytes as the byte alphabet's tokens, then BPE merges. HF tokenizers' `ByteLevel`
/// pre-tokenizer (`add_prefix_space` and `use_regex` as configured), or a `Split` before it,
/// with the `BPE` model.
struct ByteLevelBPE: Sendable {
    let model: BPEModel
    /// Put a space before a text that does not start with one (RoBERTa: on; GPT-2: off).
    let addPrefixSpace: Bool
    /// The pattern that splits the text (`nil`: the whole text is one piece).
    let pattern: SplitPattern?
    /// The id of each byte's alphabet token (`nil` where the vocabulary lacks it).
    private let byteIDs: [UInt32?]

    init(model: BPEModel, addPrefixSpace: Bool, pattern: SplitPattern?) {
        self.model = model
        self.addPrefixSpace = addPrefixSpace
        self.pattern = pattern
        byteIDs = ByteLevel.characters.map { model.id(of: String($0)) }
    }

    /// Encodes `text` into `encoding`; offsets are in Unicode scalars from `scalarBase`.
    func encode(_ text: String, scalarBase: Int = 0, into encoding: inout Encoding) {
        var source = text
        var shift = 0
        if addPrefixSpace, !text.hasPrefix(" ") {
            source = " " + text
            shift = 1
        }
        source.withUTF8 { raw in
            let bytes = UnsafeRawBufferPointer(raw)
            let scalarIndex = Self.scalarIndexes(bytes)
            let base = scalarBase - shift
            guard let pattern else {
                if !bytes.isEmpty {
                    encodePiece(bytes, 0..<bytes.count, scalarIndex: scalarIndex, base: base, into: &encoding)
                }
                return
            }
            pattern.forEachPiece(bytes) { piece in
                encodePiece(bytes, piece, scalarIndex: scalarIndex, base: base, into: &encoding)
            }
        }
    }

    /// The scalar index of each byte of `bytes` (the scalar it belongs to), plus the count at the end.
    static func scalarIndexes(_ bytes: UnsafeRawBufferPointer) -> [Int32] {
        var indexes = [Int32](repeating: 0, count: bytes.count + 1)
        var scalar: Int32 = -1
        for (offset, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { scalar += 1 }
            indexes[offset] = scalar
        }
        indexes[bytes.count] = scalar + 1
        return indexes
    }

    private func encodePiece(
        _ bytes: UnsafeRawBufferPointer, _ piece: Range<Int>, scalarIndex: [Int32], base: Int,
        into encoding: inout Encoding
    ) {
        var symbols: [UInt32] = []
        var spans: [Range<Int>] = []
        symbols.reserveCapacity(piece.count)
        for offset in piece {
            guard let id = byteIDs[Int(bytes[offset])] else { continue }
            symbols.append(id)
            spans.append(offset..<offset + 1)
        }
        model.merge(&symbols, spans: &spans)
        for (id, span) in zip(symbols, spans) {
            let start = Int(scalarIndex[span.lowerBound])
            let end = Int(scalarIndex[span.upperBound - 1]) + 1
            encoding.append(
                id: id, token: model.vocabulary[Int(id)], offset: max(0, start + base)..<max(0, end + base))
        }
    }

    /// Appends the ids of `text` to `ids`, looking pieces up in `cache` first: the encoder of
    /// the tokenize stage, without tokens or offsets.
    func encodeIDs(_ text: UnsafeRawBufferPointer, into ids: inout [UInt32], cache: inout PieceCache) {
        guard let pattern else {
            if !text.isEmpty { encodePiece(text, into: &ids, cache: &cache) }
            return
        }
        pattern.forEachPiece(text) { piece in
            encodePiece(UnsafeRawBufferPointer(rebasing: text[piece]), into: &ids, cache: &cache)
        }
    }

    private func encodePiece(_ bytes: UnsafeRawBufferPointer, into ids: inout [UInt32], cache: inout PieceCache) {
        if cache.lookUp(bytes, into: &ids) { return }
        cache.symbols.removeAll(keepingCapacity: true)
        for byte in bytes {
            // A byte missing from the vocabulary (a tokenizer file without it) is left out.
            if let id = byteIDs[Int(byte)] { cache.symbols.append(id) }
        }
        model.merge(&cache.symbols, ranks: &cache.ranks)
        cache.store(bytes, cache.symbols[...])
        ids.append(contentsOf: cache.symbols)
    }

    /// The text of `ids`: their tokens' bytes, decoded as UTF-8 (invalid sequences become U+FFFD,
    /// as HF's ByteLevel decoder does).
    func decode(_ ids: [UInt32]) -> String {
        var bytes: [UInt8] = []
        for id in ids where Int(id) < model.vocabulary.count {
            bytes += ByteLevel.decode(model.vocabulary[Int(id)]) ?? Array(model.vocabulary[Int(id)].utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
