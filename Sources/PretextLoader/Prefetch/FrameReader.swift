import PretextStore

/// One thread's access to the frames of the loader's sources: the shared `FrameCache` in front
/// of this thread's own shard readers (a `ShardReader` is not thread safe).
///
/// Keeps up to `maxOpenShards` readers open, least recently used closed first. Shards are opened
/// with `Dataset.openShard` (path confined to the dataset, file matching its catalog row) and
/// every frame is checksum-verified as it is decompressed. Not thread safe: one per thread.
final class FrameReader {
    private struct ShardKey: Hashable {
        let source: Int
        let shard: Int
    }

    let cache: FrameCache
    let maxOpenShards: Int
    private var readers: [ShardKey: ShardReader] = [:]
    /// Open shards, least recently used first.
    private var recency: [ShardKey] = []

    init(cache: FrameCache, maxOpenShards: Int = 8) {
        self.cache = cache
        self.maxOpenShards = max(1, maxOpenShards)
    }

    /// The decompressed frame holding `location` of source `source` (indexed by `index`).
    func frame(source: Int, index: ExampleIndex, location: ExampleLocation) throws -> [UInt8] {
        try cache.frame(FrameCache.Key(source: source, frame: location.globalFrame)) {
            try reader(ShardKey(source: source, shard: location.shard), index: index).frame(location.frame)
        }
    }

    /// The decompressed frame holding `location`, or `nil` (at once) when another thread is
    /// decompressing it.
    func frameUnlessLoading(source: Int, index: ExampleIndex, location: ExampleLocation) throws -> [UInt8]? {
        try cache.frameUnlessLoading(FrameCache.Key(source: source, frame: location.globalFrame)) {
            try reader(ShardKey(source: source, shard: location.shard), index: index).frame(location.frame)
        }
    }

    private func reader(_ key: ShardKey, index: ExampleIndex) throws -> ShardReader {
        if let reader = readers[key] {
            if recency.last != key, let position = recency.firstIndex(of: key) {
                recency.remove(at: position)
                recency.append(key)
            }
            return reader
        }
        let reader = try index.dataset.openShard(index.shards[key.shard])
        if readers.count >= maxOpenShards, !recency.isEmpty {
            readers[recency.removeFirst()] = nil
        }
        readers[key] = reader
        recency.append(key)
        return reader
    }
}
