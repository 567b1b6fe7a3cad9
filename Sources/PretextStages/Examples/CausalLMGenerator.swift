import PretextStore

/// Packs one shard's documents into causal-LM blocks (`CausalLMStage`): ids then EOS per
/// document, a block written whenever `blockSize` tokens are held.
public struct CausalLMGenerator: ExampleGenerator {
    let blockSize: Int
    let eos: UInt32
    let pad: UInt32
    let idType: RecordSchema.ScalarType
    let padsLastBlock: Bool

    /// The tokens of the block being filled, and their positions.
    private var ids: [UInt32] = []
    private var positions: [UInt16] = []
    private var record = RecordBuilder()

    init(blockSize: Int, eos: UInt32, pad: UInt32, idType: RecordSchema.ScalarType, padsLastBlock: Bool) {
        self.blockSize = blockSize
        self.eos = eos
        self.pad = pad
        self.idType = idType
        self.padsLastBlock = padsLastBlock
        ids.reserveCapacity(blockSize)
        positions.reserveCapacity(blockSize)
    }

    /// Appends the document's ids and EOS, writing each block it fills.
    public mutating func add(_ document: TokenDocument, to output: inout ExampleOutput) throws {
        var position = 0
        for id in document.ids { try push(id, position: &position, to: &output) }
        try push(eos, position: &position, to: &output)
    }

    /// Writes the partial block left (padded), unless `last_block` is `drop`.
    public mutating func finish(to output: inout ExampleOutput) throws {
        if padsLastBlock, !ids.isEmpty { try writeBlock(to: &output) }
    }

    /// Adds one token at `position` (0 again when it opens a block), writing a full block.
    private mutating func push(_ id: UInt32, position: inout Int, to output: inout ExampleOutput) throws {
        if ids.isEmpty { position = 0 }
        ids.append(id)
        // position < blockSize ≤ 65,535: it restarts at every block's start.
        positions.append(UInt16(position))
        position += 1
        if ids.count == blockSize { try writeBlock(to: &output) }
    }

    /// Writes the held tokens as one record, padded to the block size, and empties the block.
    private mutating func writeBlock(to output: inout ExampleOutput) throws {
        record.reset()
        record.append(ids: ids, as: idType, paddedTo: blockSize, with: pad)
        for position in positions { record.append(position) }
        record.append(repeating: UInt16(0), count: blockSize - positions.count)
        record.append(UInt16(ids.count))
        try output.write(record)
        ids.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
    }
}
