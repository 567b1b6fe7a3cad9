import PretextStore

/// Writes one masked-LM example into its record (`MaskedLMStage`'s layout).
struct MaskedLMLayout: Sendable {
    let length: Int
    let predictions: Int
    let idType: RecordSchema.ScalarType
    let cls: UInt32
    let sep: UInt32
    let pad: UInt32

    /// `[CLS] A [SEP] B [SEP]` and the segment ids.
    func sequence(_ pair: SentencePairs.Pair) -> (tokens: [UInt32], segments: [UInt8]) {
        let tokens = [cls] + pair.a + [sep] + pair.b + [sep]
        let segments = [UInt8](repeating: 0, count: pair.a.count + 2) + [UInt8](repeating: 1, count: pair.b.count + 1)
        return (tokens, segments)
    }

    /// The record of a masked sequence.
    func record(
        tokens: [UInt32], segments: [UInt8], predictions found: [MaskedLMMasker.Prediction], label: Bool,
        into record: inout RecordBuilder
    ) {
        record.reset()
        record.append(ids: tokens, as: idType, paddedTo: length, with: pad)
        for index in 0..<length { record.append(index < segments.count ? segments[index] : 0) }
        record.append(UInt16(tokens.count))
        for index in 0..<predictions { record.append(UInt16(index < found.count ? found[index].position : 0)) }
        record.append(ids: found.map(\.label), as: idType, paddedTo: predictions, with: 0)
        record.append(UInt16(found.count))
        record.append(UInt8(label ? 1 : 0))
    }
}
