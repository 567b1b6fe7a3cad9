import PretextCore
import PretextStore

/// Cuts one shard's token stream (documents' ids + EOS) into chunks and writes each chunk's
/// span corruption (`T5SpanStage`).
public struct T5SpanGenerator: ExampleGenerator {
    /// The special ids: EOS, padding, and the first sentinel (the next ones count down).
    struct SpecialIDs {
        var eos: UInt32
        var pad: UInt32
        var firstSentinel: UInt32
    }

    let lengths: T5SpanLengths
    let noiseDensity: Double
    let meanNoiseSpanLength: Double
    let special: SpecialIDs
    let idType: RecordSchema.ScalarType
    let padsLastChunk: Bool
    var random: ExampleRandom

    /// Tokens not yet in a chunk (fewer than a chunk's between calls).
    private var pending: [UInt32] = []
    private var record = RecordBuilder()

    init(
        lengths: T5SpanLengths, noiseDensity: Double, meanNoiseSpanLength: Double, special: SpecialIDs,
        idType: RecordSchema.ScalarType, padsLastChunk: Bool, random: ExampleRandom
    ) {
        self.lengths = lengths
        self.noiseDensity = noiseDensity
        self.meanNoiseSpanLength = meanNoiseSpanLength
        self.special = special
        self.idType = idType
        self.padsLastChunk = padsLastChunk
        self.random = random
    }

    /// Appends the document's ids and EOS, writing every full chunk.
    public mutating func add(_ document: TokenDocument, to output: inout ExampleOutput) throws {
        pending.append(contentsOf: document.ids)
        pending.append(special.eos)
        var start = 0
        while pending.count - start >= lengths.rawLength {
            try write(pending[start..<start + lengths.rawLength], to: &output)
            start += lengths.rawLength
        }
        pending.removeFirst(start)
    }

    /// Writes the partial chunk left (padded) unless `last_chunk` is `drop`; a single token
    /// cannot hold noise and non-noise, so it is dropped.
    public mutating func finish(to output: inout ExampleOutput) throws {
        if padsLastChunk, pending.count >= 2 { try write(pending[...], to: &output) }
        pending.removeAll()
    }

    /// Writes the span corruption of `chunk` as one record.
    private mutating func write(_ chunk: ArraySlice<UInt32>, to output: inout ExampleOutput) throws {
        let mask = T5NoiseMask(
            length: chunk.count, density: noiseDensity, meanSpan: meanNoiseSpanLength, random: &random)
        let (inputs, targets) = Self.corrupt(chunk, mask: mask, special: special)
        record.reset()
        record.append(ids: inputs, as: idType, paddedTo: lengths.inputsLength, with: special.pad)
        record.append(ids: targets, as: idType, paddedTo: lengths.targetsLength, with: special.pad)
        // A chunk no longer than the raw length has inputs and targets no longer than the full
        // ones (both grow with the chunk), which fit uint16 (inputs_length ≤ 65,535).
        record.append(UInt16(inputs.count))
        record.append(UInt16(targets.count))
        try output.write(record)
    }

    /// The inputs (non-noise tokens, a sentinel for each noise span, EOS) and targets (each
    /// sentinel, then its noise span, then EOS) of `chunk` under `mask`.
    static func corrupt(
        _ chunk: ArraySlice<UInt32>, mask: T5NoiseMask, special: SpecialIDs
    ) -> (inputs: [UInt32], targets: [UInt32]) {
        var inputs: [UInt32] = []
        var targets: [UInt32] = []
        var position = chunk.startIndex
        for (index, (kept, noise)) in zip(mask.nonNoise, mask.noise).enumerated() {
            // The sentinels were checked to stay ≥ 0 for a full chunk's spans, the most a chunk has.
            let sentinel = special.firstSentinel - UInt32(index)
            inputs.append(contentsOf: chunk[position..<position + kept])
            inputs.append(sentinel)
            position += kept
            targets.append(sentinel)
            targets.append(contentsOf: chunk[position..<position + noise])
            position += noise
        }
        inputs.append(special.eos)
        targets.append(special.eos)
        return (inputs, targets)
    }
}
