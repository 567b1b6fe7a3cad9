/// The decompressed frames shared by a loader's threads: each frame is decompressed by one
/// thread while the others that need it wait, and the `capacity` most recently used frames are
/// kept (least recently used dropped first).
///
/// Memory: at most `capacity` frames, plus one frame per thread still holding a dropped one
/// (frames are immutable arrays, shared by reference).
///
/// `@unchecked Sendable`: every stored variable is read and written with `lock` held.
final class FrameCache: @unchecked Sendable {
    /// A frame of a source: the source's position in the configuration and the global frame.
    struct Key: Hashable {
        let source: Int
        let frame: Int
    }

    private enum Entry {
        case loading
        case ready([UInt8], lastUse: UInt64)
    }

    /// The most decompressed frames kept.
    let capacity: Int
    private let lock = ConditionLock()
    private var entries: [Key: Entry] = [:]
    private var ready = 0
    private var clock: UInt64 = 0
    private var decompressedFrames = 0
    private var decompressedBytes = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Frames decompressed so far, and their bytes.
    var decompressed: (frames: Int, bytes: Int) {
        lock.withLock { (decompressedFrames, decompressedBytes) }
    }

    /// The frame `key`: from the cache, from the thread decompressing it, or from `load` on
    /// this thread (stored for the others).
    func frame(_ key: Key, load: () throws -> [UInt8]) throws -> [UInt8] {
        try frame(key, waiting: true, load: load)!
    }

    /// The frame `key` from the cache or from `load` on this thread; `nil` (at once) when
    /// another thread is decompressing it, so the caller can do other work first.
    func frameUnlessLoading(_ key: Key, load: () throws -> [UInt8]) throws -> [UInt8]? {
        try frame(key, waiting: false, load: load)
    }

    private func frame(_ key: Key, waiting: Bool, load: () throws -> [UInt8]) throws -> [UInt8]? {
        switch lookUpOrClaim(key, waiting: waiting) {
        case .ready(let bytes): return bytes
        case .loadingElsewhere: return nil
        case .claimed: break
        }
        do {
            let bytes = try load()
            store(bytes, for: key)
            return bytes
        } catch {
            lock.withLock {
                entries[key] = nil
                lock.broadcast()
            }
            throw error
        }
    }

    /// What a lookup found.
    private enum Lookup {
        case ready([UInt8])
        /// Another thread is decompressing it (only when not waiting).
        case loadingElsewhere
        /// This thread is to decompress it.
        case claimed
    }

    /// The cached frame (after waiting for another thread loading it, if `waiting`), or the
    /// claim to load it on this thread.
    private func lookUpOrClaim(_ key: Key, waiting: Bool) -> Lookup {
        lock.withLock {
            while true {
                switch entries[key] {
                case .ready(let bytes, _):
                    clock += 1
                    entries[key] = .ready(bytes, lastUse: clock)
                    return .ready(bytes)
                case .loading:
                    guard waiting else { return .loadingElsewhere }
                    lock.wait()
                case nil:
                    entries[key] = .loading
                    return .claimed
                }
            }
        }
    }

    private func store(_ bytes: [UInt8], for key: Key) {
        lock.withLock {
            clock += 1
            entries[key] = .ready(bytes, lastUse: clock)
            ready += 1
            decompressedFrames += 1
            decompressedBytes += bytes.count
            while ready > capacity { evictLeastRecentlyUsed() }
            lock.broadcast()
        }
    }

    /// Drops the ready frame used longest ago (a scan: the cache holds tens of frames).
    private func evictLeastRecentlyUsed() {
        var oldest: (key: Key, use: UInt64)?
        for (key, entry) in entries {
            if case .ready(_, let use) = entry, use < oldest?.use ?? .max { oldest = (key, use) }
        }
        guard let oldest else { return }
        entries[oldest.key] = nil
        ready -= 1
    }
}
