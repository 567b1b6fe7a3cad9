import PretextCore
import PretextStore

/// Reads batches of fixed-size examples from one or more `examples` datasets, in a seeded order
/// that is exact to resume on any number of ranks.
///
/// - **Order**: each source's examples in a keyed permutation computed per example
///   (`SourceOrder`, `WindowedPermutation`): a new one every epoch, local in windows of a few
///   frames so reads stay frame-sequential; or storage order.
/// - **Ranks**: a step consumes `worldSize × batchSize` consecutive positions of the global
///   stream; rank `r` gets the `r`-th slice of `batchSize` (`BatchPlanner`). The stream never
///   ends: positions past an epoch continue into the next epoch's order, so every rank always
///   gets a batch and each epoch covers every example once.
/// - **Mixing**: several sources by weight, Megatron's blending rule (`MixtureBlender`); each
///   source has its own order and cursor.
/// - **State**: `state()` after any batch, `resume(from:)` (also on a new loader with another
///   world size or batch size): the stream continues at the same position.
/// - **Prefetch**: `workers` threads decompress (checksum-verified) and collate up to
///   `prefetchBatches` batches ahead; the output is the same with any number of workers.
///
/// Not thread safe: call it from one thread. Its threads stop in `close()` or `deinit`.
///
/// ```swift
/// let loader = try DataLoader(LoaderConfiguration(dataset: "out/examples", batchSize: 32, seed: 7))
/// let batch = try loader.next()          // batch["input_ids"]!.shape == [32, 128]
/// let saved = loader.state().json        // later: try loader.resume(from: LoaderState(json: saved))
/// ```
public final class DataLoader {
    /// The configuration (its seed is the initial one; `state().seed` is the current one).
    public let configuration: LoaderConfiguration
    /// The examples of each source, in configuration order.
    public let indexes: [ExampleIndex]
    /// The layout of the records collated into batches (the transform's output, if any).
    public let schema: RecordSchema

    private let layout: BatchLayout
    let cache: FrameCache
    var assembler: BatchAssembler
    var planner: BatchPlanner
    /// The cursor after the last batch returned.
    var consumed: LoaderCursor
    /// Positions of a resumed state's sources that this configuration lacks, kept in `state()`.
    private var otherSources: [String: Int] = [:]
    var pipeline: PrefetchPipeline?
    var localFrames: FrameReader?
    private var batches = 0
    private var examples = 0

    /// Opens the sources and prepares the order; no thread starts before the first `next()`.
    /// - Parameters:
    ///   - configuration: what to read and how.
    ///   - state: where to start (`nil`: at the beginning, with the configuration's seed).
    /// - Throws: `.invalidConfiguration` for bad numbers, duplicate names, a source without
    ///   examples, sources of different schemas, variable-length records; the store's errors
    ///   for missing or damaged datasets (`ExampleIndex`).
    public init(_ configuration: LoaderConfiguration, state: LoaderState? = nil) throws {
        try configuration.validate()
        let indexes = try configuration.sources.map { try Self.index(of: $0) }
        let input = try Self.commonSchema(indexes, configuration.sources)
        let schema = try configuration.transform?.outputSchema(for: input) ?? input
        let layout = try BatchLayout(schema: schema)
        self.configuration = configuration
        self.indexes = indexes
        self.schema = schema
        self.layout = layout
        self.cache = FrameCache(capacity: configuration.frameCacheFrames ?? Self.cacheFrames(configuration, indexes))
        self.assembler = Self.assembler(configuration, indexes, layout: layout, seed: configuration.seed)
        let start = LoaderCursor(position: 0, taken: [Int](repeating: 0, count: indexes.count))
        self.consumed = start
        self.planner = BatchPlanner(
            blender: MixtureBlender(weights: configuration.sources.map(\.weight)),
            batchSize: configuration.batchSize, worldSize: configuration.worldSize, rank: configuration.rank,
            cursor: start)
        if let state { try resume(from: state) }
    }

    deinit {
        pipeline?.stop()
    }

    /// The next batch of this rank.
    /// - Throws: the store's errors for a damaged shard (a frame's checksum, its size), and
    ///   `.malformedInput` for values that do not convert; the loader then stands where it was
    ///   before the call (another `next()` tries the same batch again).
    public func next() throws -> Batch {
        let batch = configuration.workers == 0 ? try nextOnThisThread() : try nextPrefetched()
        batches += 1
        examples += batch.size
        return batch
    }

    /// Where the stream stands after the last batch returned: pass it to `resume(from:)`.
    public func state() -> LoaderState {
        var sources = otherSources
        for (source, taken) in zip(configuration.sources, consumed.taken) { sources[source.name] = taken }
        return LoaderState(seed: assembler.seed, position: consumed.position, sources: sources)
    }

    /// Continues from `state`: the next batch is the one a loader that produced `state` would
    /// have given next at this loader's world size and batch size. Prefetched batches are dropped.
    ///
    /// Sources are matched by name; a source the state lacks starts at position 0, and the
    /// positions of sources this loader lacks are kept in its `state()`.
    /// - Throws: `.invalidConfiguration` for another format version or negative positions.
    public func resume(from state: LoaderState) throws {
        guard state.version == LoaderState.currentVersion, state.position >= 0,
            state.sources.values.allSatisfy({ $0 >= 0 })
        else {
            throw PretextError(
                .invalidConfiguration,
                "the loader state is of version \(state.version) or has negative positions; this build reads "
                    + "version \(LoaderState.currentVersion)")
        }
        stopPipeline()
        let names = configuration.sources.map(\.name)
        assembler = Self.assembler(configuration, indexes, layout: layout, seed: state.seed)
        consumed = LoaderCursor(position: state.position, taken: names.map { state.sources[$0] ?? 0 })
        otherSources = state.sources.filter { !names.contains($0.key) }
        planner.reset(to: consumed)
    }

    /// Each source's current epoch (its position divided by its example count).
    public var epochs: [Int] {
        zip(consumed.taken, assembler.sources).map { $0 / $1.examples.count }
    }

    /// What the loader has done so far.
    public var statistics: LoaderStatistics {
        let decompressed = cache.decompressed
        return LoaderStatistics(
            batches: batches, examples: examples, recordBytes: examples * assembler.inputBytes,
            framesDecompressed: decompressed.frames, bytesDecompressed: decompressed.bytes)
    }

    /// Stops the worker threads and closes the shards; a later `next()` starts again from the
    /// current state.
    public func close() {
        stopPipeline()
        localFrames = nil
    }
}
