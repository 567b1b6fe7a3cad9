extension UnigramModel {
    /// Appends the ids of `text` (one part between added tokens, spaces not yet replaced) to
    /// `ids`: its Metaspace words, each looked up in `cache` first, else cut by `split` — what
    /// the full encoding gives, without tokens or offsets. The `tokenize` stage's path.
    func encodeIDs(
        _ text: UnsafeRawBufferPointer, prependScheme: Metaspace.PrependScheme, into ids: inout [UInt32],
        cache: inout PieceCache
    ) {
        var scalars: [UInt32] = []
        Metaspace.forEachWord(text, prependScheme: prependScheme) { word in
            if cache.lookUp(word, into: &ids) { return }
            scalars.removeAll(keepingCapacity: true)
            UTF8Scalars.forEach(in: word) { scalars.append($0) }
            cache.symbols.removeAll(keepingCapacity: true)
            // As the full encoding: a model without an unknown token drops a word it cannot cover.
            for piece in (try? split(scalars)) ?? [] { cache.symbols.append(piece.id) }
            cache.store(word, cache.symbols[...])
            ids.append(contentsOf: cache.symbols)
        }
    }
}
