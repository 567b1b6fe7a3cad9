import PretextStore

extension RecordBuilder {
    /// Appends a token id as `type` (`uint16` or `uint32`, the token records' width).
    mutating func append(id: UInt32, as type: RecordSchema.ScalarType) {
        // The token records' width holds every id of the vocabulary (the tokenize stage chose
        // it); sentinel ids are checked against it by the T5 stage.
        if type == .uint16 { append(UInt16(truncatingIfNeeded: id)) } else { append(id) }
    }

    /// Appends `ids` as `type`, then `pad` up to `count` values.
    mutating func append(
        ids: some Collection<UInt32>, as type: RecordSchema.ScalarType, paddedTo count: Int, with pad: UInt32
    ) {
        for id in ids { append(id: id, as: type) }
        for _ in 0..<max(0, count - ids.count) { append(id: pad, as: type) }
    }
}
