import PretextCore
import PretextStages
import PretextStore

// The smallest real stages of each kind, written as a new stage would be: one file with its
// options, its worker and its doc comment, one registry line (`StageRegistry.adding` here,
// `StageRegistry.standard` in the library), its doc page and its test (ExampleStageTests).

/// A document stage: upper-cases ASCII letters, or only counts them with `count_only`
/// (then the input's shards are linked, not rewritten).
struct ShoutStage: DocumentStage {
    static let descriptor = StageDescriptor(
        name: "shout", summary: "upper-case ASCII letters (an example document stage)", options: [countOnly],
        input: .dataset)

    /// `count_only`: only record `lowercase_letters`.
    static let countOnly = OptionKey<Bool>("count_only", default: false, "only count lower-case letters")

    private let countOnly: Bool

    init(options: StageOptions) throws { countOnly = options[Self.countOnly] }

    var keepsDocumentsUnchanged: Bool { countOnly }

    func makeWorker() throws -> Worker { Worker(countOnly: countOnly) }

    struct Worker: DocumentWorker {
        let countOnly: Bool

        mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
            let letters = UInt8(ascii: "a")...UInt8(ascii: "z")
            row.setSignal("lowercase_letters", .integer(Int64(document.text.utf8.filter(letters.contains).count)))
            if !countOnly {
                document.text = String(
                    decoding: document.text.utf8.map { letters.contains($0) ? $0 - 32 : $0 }, as: UTF8.self)
            }
            return .keep
        }
    }
}

/// A record stage: cuts each document's Unicode scalars into blocks of `block` code points,
/// one record per block (`length`: the scalars used, then `scalars`, zero-padded), the shape
/// of causal-LM packing; documents needing more than `max_blocks` blocks are dropped.
struct ScalarBlocksStage: RecordStage {
    static let descriptor = StageDescriptor(
        name: "scalar_blocks", summary: "Unicode scalars in fixed blocks (an example record stage)",
        options: [block, maxBlocks], input: .dataset, output: .examples)

    /// `block`: scalars per record.
    static let block = OptionKey<Int>("block", min: 1, max: 4096, default: 8, "scalars per record")
    /// `max_blocks`: the most records per document (0: no limit).
    static let maxBlocks = OptionKey<Int>(
        "max_blocks", min: 0, default: 0, "drop documents needing more records (0: no limit)")

    private let schema: RecordSchema
    private let block: Int
    private let maxBlocks: Int

    init(options: StageOptions) throws {
        block = options[Self.block]
        maxBlocks = options[Self.maxBlocks]
        schema = try RecordSchema([.init("length", .uint32), .init("scalars", .uint32, count: block)])
    }

    func recordSchema(input: Dataset) throws -> RecordSchema { schema }

    func makeWorker(input: Dataset) throws -> Worker { Worker(block: block, maxBlocks: maxBlocks) }

    struct Worker: RecordWorker {
        let block: Int
        let maxBlocks: Int
        private var record = RecordBuilder()

        init(block: Int, maxBlocks: Int) {
            self.block = block
            self.maxBlocks = maxBlocks
        }

        mutating func process(
            _ document: Document, row: inout DocumentRow, into records: inout RecordOutput
        ) throws
            -> DocumentVerdict
        {
            let scalars = Array(document.text.unicodeScalars)
            let blocks = (scalars.count + block - 1) / block
            if maxBlocks > 0, blocks > maxBlocks {
                return .drop(reason: "too_many_blocks", detail: "\(blocks) blocks, max_blocks \(maxBlocks)")
            }
            for start in stride(from: 0, to: scalars.count, by: block) {
                let piece = scalars[start..<min(start + block, scalars.count)]
                record.reset()
                record.append(UInt32(piece.count))
                for scalar in piece { record.append(scalar.value) }
                record.append(repeating: UInt32(0), count: block - piece.count)
                try records.append(record)
            }
            return .keep
        }
    }
}
