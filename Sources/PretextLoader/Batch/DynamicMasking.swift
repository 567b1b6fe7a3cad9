import PretextCore
import PretextStore

/// RoBERTa's dynamic masking at load time (fairseq `MaskTokensDataset`): every time an example
/// is loaded its masks are drawn afresh from (seed, source, epoch, index), so one tokenized
/// dataset serves many epochs with new masks, and a resumed run draws the same masks again.
///
/// Reads records with a token field (`idsField`, default `input_ids`) and, when present, a
/// length field (`lengthField`, default `length`: the tokens before the padding); writes the same record with the tokens
/// masked and a new field `labels` (`int32`, one per token: the original id where a position
/// was masked, −100 elsewhere — the value PyTorch's cross-entropy ignores). Candidates are the
/// positions before the length whose id is not special; fairseq's count
/// `int(probability × candidates + U[0, 1))` of them is chosen without replacement; each becomes
/// the mask id with probability 0.8, stays with 0.1, or becomes a random id that is not special
/// with 0.1.
public struct DynamicMasking: ExampleTransform {
    /// The mask token's id.
    public let maskID: UInt32
    /// The number of ids of the vocabulary.
    public let vocabularySize: Int
    /// Ids never masked nor drawn as replacements (`[CLS]`, `[SEP]`, `[PAD]`, end-of-text).
    public let specialIDs: Set<UInt32>
    /// The share of candidates masked.
    public let probability: Double
    /// The layout of the records read.
    public let schema: RecordSchema
    /// The token field: its offset, type and count.
    private let ids: (offset: Int, type: RecordSchema.ScalarType, count: Int)
    /// The length field's offset and type, if the records have one.
    private let length: (offset: Int, type: RecordSchema.ScalarType)?

    /// The name of the field of labels written.
    public static let labelsField = "labels"

    /// A masking of `probability` of the tokens of records of `schema` (the dataset's
    /// `record_schema`: `Catalog.recordSchema()`).
    /// - Throws: `.invalidConfiguration` for a probability outside 0...1, no id left to draw, a
    ///   schema without a fixed-size `uint16`, `uint32` or `int32` token field, or one that has
    ///   a `labels` field already.
    public init(
        schema: RecordSchema, maskID: UInt32, vocabularySize: Int, specialIDs: Set<UInt32>, probability: Double = 0.15,
        idsField: String = "input_ids", lengthField: String = "length"
    ) throws {
        guard (0...1).contains(probability) else {
            throw PretextError(.invalidConfiguration, "masking probability \(probability) is not between 0 and 1")
        }
        guard vocabularySize > specialIDs.count + 1 else {
            throw PretextError(.invalidConfiguration, "a vocabulary of \(vocabularySize) ids leaves none to draw")
        }
        let offsets = Dictionary(
            uniqueKeysWithValues: zip(schema.fields.map(\.name), zip(schema.offsets, schema.fields)))
        guard let (offset, field) = offsets[idsField], let count = field.count,
            [.uint16, .uint32, .int32].contains(field.type)
        else {
            throw PretextError(
                .invalidConfiguration,
                "dynamic masking needs a fixed-size uint16, uint32 or int32 field '\(idsField)' in the examples")
        }
        guard offsets[Self.labelsField] == nil else {
            throw PretextError(.invalidConfiguration, "the examples already have a field '\(Self.labelsField)'")
        }
        self.schema = schema
        self.ids = (offset, field.type, count)
        self.length = offsets[lengthField].flatMap { $0.1.count == 1 ? ($0.0, $0.1.type) : nil }
        self.maskID = maskID
        self.vocabularySize = vocabularySize
        self.specialIDs = specialIDs.union([maskID])
        self.probability = probability
    }

    /// The input layout plus `labels int32[count of the token field]`.
    /// - Throws: `.invalidConfiguration` when `input` is not the schema the masking was made for.
    public func outputSchema(for input: RecordSchema) throws -> RecordSchema {
        guard input == schema else {
            throw PretextError(
                .invalidConfiguration, "dynamic masking was made for another record schema than the examples'")
        }
        return try RecordSchema(input.fields + [.init(Self.labelsField, .int32, count: ids.count)])
    }

    public func transform(
        _ record: UnsafeRawBufferPointer, example: ExampleKey, seed: UInt64, into output: UnsafeMutableRawBufferPointer
    ) throws {
        output.copyMemory(from: record)
        var tokens = (0..<ids.count).map { read(record, at: ids.offset + $0 * ids.type.size, ids.type) }
        let valid = length.map { min(tokens.count, Int(read(record, at: $0.offset, $0.type))) } ?? tokens.count
        let candidates = (0..<valid).filter { !specialIDs.contains(tokens[$0]) }
        var random = ExampleRandom(seed: Self.key(seed: seed, example))
        let count = min(candidates.count, Int(probability * Double(candidates.count) + random.unit()))
        var labels = [Int32](repeating: -100, count: tokens.count)
        for position in Self.sample(count, of: candidates, &random) {
            labels[position] = Int32(bitPattern: tokens[position])
            tokens[position] = replacement(for: tokens[position], &random)
        }
        for (index, token) in tokens.enumerated() {
            let at = ids.offset + index * ids.type.size
            if ids.type == .uint16 {
                output.storeBytes(of: UInt16(truncatingIfNeeded: token).littleEndian, toByteOffset: at, as: UInt16.self)
            } else {
                output.storeBytes(of: token.littleEndian, toByteOffset: at, as: UInt32.self)
            }
        }
        for (index, label) in labels.enumerated() {
            output.storeBytes(of: label.littleEndian, toByteOffset: record.count + 4 * index, as: Int32.self)
        }
    }

    /// An unsigned value of at most 32 bits at `offset`.
    private func read(_ record: UnsafeRawBufferPointer, at offset: Int, _ type: RecordSchema.ScalarType) -> UInt32 {
        switch type.size {
        case 1: UInt32(record[offset])
        case 2: UInt32(UInt16(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
        default: UInt32(littleEndian: record.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        }
    }

    /// The random stream of one example: the seed, the source, the epoch and the index, mixed.
    static func key(seed: UInt64, _ example: ExampleKey) -> UInt64 {
        var key = SplitMix64.mix(seed ^ 0x726F_6265_7274_6121)
        for part in [example.source, example.epoch, example.index] {
            key = SplitMix64.mix(key ^ UInt64(bitPattern: Int64(part)))
        }
        return key
    }

    /// `count` of `values` without replacement (a partial Fisher–Yates shuffle).
    static func sample(_ count: Int, of values: [Int], _ random: inout ExampleRandom) -> ArraySlice<Int> {
        var values = values
        for i in 0..<count { values.swapAt(i, i + random.uniform(below: values.count - i)) }
        return values[..<count]
    }

    /// 80 % the mask, 10 % the token itself, 10 % a random id that is not special.
    private func replacement(for id: UInt32, _ random: inout ExampleRandom) -> UInt32 {
        let draw = random.unit()
        if draw < 0.8 { return maskID }
        if draw < 0.9 { return id }
        while true {
            let other = UInt32(random.uniform(below: vocabularySize))
            if !specialIDs.contains(other) { return other }
        }
    }
}
