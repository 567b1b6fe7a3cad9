extension Array where Element == Parameter {
    /// The parameters with repeated instances removed, first occurrence kept: a tied weight
    /// (the MLM decoder and the word embeddings) is updated, clipped and saved once, as torch's
    /// `Module.parameters()` yields it once.
    public var distinctInstances: [Parameter] {
        var seen = Set<ObjectIdentifier>()
        return filter { seen.insert(ObjectIdentifier($0)).inserted }
    }
}
