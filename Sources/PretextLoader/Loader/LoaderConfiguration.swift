/// What a `DataLoader` reads and how: sources, batch size, ranks, seed, order, padding,
/// prefetch.
public struct LoaderConfiguration: Sendable {
    /// The sources (at least one; unique names), mixed by their weights.
    public var sources: [LoaderSource]
    /// Examples per batch on each rank.
    public var batchSize: Int
    /// This process's rank, 0 ..< `worldSize`.
    public var rank: Int
    /// The number of ranks consuming the stream together.
    public var worldSize: Int
    /// The seed of every order (and of a transform). A state's seed replaces it on resume.
    public var seed: UInt64
    /// The order of each source's examples.
    public var order: ExampleOrder
    /// The width of sequence fields (schemas with a `length` field).
    public var padding: Padding
    /// Threads decompressing and collating ahead (0: everything on the caller's thread).
    public var workers: Int
    /// Batches prepared ahead of the consumer at most (at least `workers`, at least 1).
    public var prefetchBatches: Int
    /// Decompressed frames kept for reuse; `nil`: two locality windows' worth per source.
    public var frameCacheFrames: Int?
    /// A change made to each example as it is loaded (dynamic masking), or `nil`.
    public var transform: (any ExampleTransform)?

    /// A configuration; the defaults: rank 0 of 1, seed 0, shuffled in windows of 8 frames,
    /// fixed padding, 2 workers, 8 batches ahead, no transform.
    public init(
        sources: [LoaderSource], batchSize: Int, rank: Int = 0, worldSize: Int = 1, seed: UInt64 = 0,
        order: ExampleOrder = .shuffled(), padding: Padding = .fixed, workers: Int = 2, prefetchBatches: Int = 8,
        frameCacheFrames: Int? = nil, transform: (any ExampleTransform)? = nil
    ) {
        self.sources = sources
        self.batchSize = batchSize
        self.rank = rank
        self.worldSize = worldSize
        self.seed = seed
        self.order = order
        self.padding = padding
        self.workers = workers
        self.prefetchBatches = prefetchBatches
        self.frameCacheFrames = frameCacheFrames
        self.transform = transform
    }

    /// A configuration reading one dataset (see the other initializer for the defaults).
    public init(dataset: String, batchSize: Int, seed: UInt64 = 0) {
        self.init(sources: [LoaderSource(dataset: dataset)], batchSize: batchSize, seed: seed)
    }
}
