import PretextCore
import PretextStore
import PretextTokenizer

/// The records of the `causal_lm` and `t5_spans` stages as JSON lines of decoded text, for
/// `pretext cat`: `{"length": n, "text": …}` for a block (its real tokens, EOS shown) and
/// `{"inputs": …, "targets": …}` for a T5 example (sentinels shown as `<extra_id_N>`); padding
/// is left out.
public struct ExampleRecordText: Sendable {
    /// The two layouts decoded.
    private enum Layout: Sendable {
        case causalLM
        case t5Spans(firstSentinel: UInt32?)
    }

    private let layout: Layout
    private let schema: RecordSchema
    private let tokenizer: Tokenizer
    /// Bytes per record.
    public let recordBytes: Int

    /// The decoder of `dataset`'s examples, or `nil` when its records are of neither layout or
    /// it holds no tokenizer.
    public init?(dataset: Dataset) throws {
        let catalog = try dataset.openCatalog(readOnly: true)
        guard let schema = try catalog.recordSchema(), let size = schema.recordBytes,
            let path = try? TokenizerFile.locate("", dataset: dataset.root)
        else { return nil }
        switch schema.fields.map(\.name) {
        case ["input_ids", "positions", "length"]: layout = .causalLM
        case ["inputs", "targets", "inputs_length", "targets_length"]:
            layout = .t5Spans(firstSentinel: try catalog.meta(T5SpanStage.sentinelMetaKey).flatMap { UInt32($0) })
        default: return nil
        }
        self.schema = schema
        recordBytes = size
        tokenizer = try TokenizerFile.read(path)
    }

    /// Calls `body` with every record of the dataset's example shards, in storage order, up to
    /// `limit` records.
    public func forEachRecord(
        of dataset: Dataset, limit: Int? = nil, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        try Self.forEachRecord(of: dataset, recordBytes: recordBytes, limit: limit, body)
    }

    /// Calls `body` with every fixed-size record (`recordBytes` each) of the dataset's example
    /// shards, in storage order, up to `limit` records; shards are opened against their rows
    /// (`Dataset.openShard`).
    static func forEachRecord(
        of dataset: Dataset, recordBytes: Int, limit: Int?, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var left = limit ?? Int.max
        for shard in try dataset.openCatalog(readOnly: true).shards() where shard.kind == .examples && left > 0 {
            let reader = try dataset.openShard(shard)
            for frame in 0..<reader.frameCount where left > 0 {
                try reader.withFrame(frame) { bytes in
                    for start in stride(from: 0, to: bytes.count - recordBytes + 1, by: recordBytes) where left > 0 {
                        try body(UnsafeRawBufferPointer(rebasing: bytes[start..<start + recordBytes]))
                        left -= 1
                    }
                }
            }
        }
    }

    /// One record as a JSON line ending in `\n`.
    public func jsonLine(_ record: UnsafeRawBufferPointer) -> [UInt8] {
        switch layout {
        case .causalLM:
            let ids = values("input_ids", record).prefix(Int(values("length", record)[0]))
            return line([
                ("length", nil, ids.count), ("text", tokenizer.decode(Array(ids), skipSpecialTokens: false), 0),
            ])
        case .t5Spans(let firstSentinel):
            let inputs = values("inputs", record).prefix(Int(values("inputs_length", record)[0]))
            let targets = values("targets", record).prefix(Int(values("targets_length", record)[0]))
            return line([
                ("inputs", text(inputs, firstSentinel: firstSentinel), 0),
                ("targets", text(targets, firstSentinel: firstSentinel), 0),
            ])
        }
    }

    /// The text of `ids`, each sentinel (the next one expected: `firstSentinel`, then one
    /// below, …) shown as `<extra_id_N>`.
    private func text(_ ids: ArraySlice<UInt32>, firstSentinel: UInt32?) -> String {
        guard let firstSentinel else { return tokenizer.decode(Array(ids), skipSpecialTokens: false) }
        var text = ""
        var piece: [UInt32] = []
        var sentinels: UInt32 = 0
        for id in ids {
            if sentinels <= firstSentinel, id == firstSentinel - sentinels {
                text += tokenizer.decode(piece, skipSpecialTokens: false) + "<extra_id_\(sentinels)>"
                piece.removeAll()
                sentinels += 1
            } else {
                piece.append(id)
            }
        }
        return text + tokenizer.decode(piece, skipSpecialTokens: false)
    }

    /// The values of field `name` (an integer field of at most 32 bits).
    private func values(_ name: String, _ record: UnsafeRawBufferPointer) -> [UInt32] {
        guard let index = schema.fields.firstIndex(where: { $0.name == name }) else { return [] }
        let field = schema.fields[index]
        let start = schema.offsets[index]
        return (0..<(field.count ?? 0)).map { value in
            UInt32(truncatingIfNeeded: ExampleRecordPrinter.value(record, start + value * field.type.size, field.type))
        }
    }

    /// A JSON object of string members (or, with a `nil` text, the integer given).
    private func line(_ members: [(name: String, text: String?, number: Int)]) -> [UInt8] {
        var line: [UInt8] = Array("{".utf8)
        for (index, member) in members.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            JSONStringEncoder.appendQuoted(member.name, to: &line)
            line.append(UInt8(ascii: ":"))
            if let text = member.text {
                JSONStringEncoder.appendQuoted(text, to: &line)
            } else {
                line += Array(String(member.number).utf8)
            }
        }
        return line + Array("}\n".utf8)
    }
}
