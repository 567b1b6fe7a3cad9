import PretextCore

extension LoaderConfiguration {
    /// The most worker threads a loader starts.
    static let maxWorkers = 256

    /// Checks the numbers and the sources.
    /// - Throws: `.invalidConfiguration` saying which value is wrong and what is allowed.
    func validate() throws {
        try check(batchSize >= 1, "the batch size must be at least 1 (got \(batchSize))")
        try check(worldSize >= 1, "the world size must be at least 1 (got \(worldSize))")
        try check(rank >= 0 && rank < worldSize, "the rank must be in 0..<\(worldSize) (got \(rank))")
        try check(
            workers >= 0 && workers <= Self.maxWorkers, "workers must be in 0...\(Self.maxWorkers) (got \(workers))")
        try check(prefetchBatches >= 1, "prefetchBatches must be at least 1 (got \(prefetchBatches))")
        try check((frameCacheFrames ?? 1) >= 1, "frameCacheFrames must be at least 1")
        try check(!sources.isEmpty, "a loader needs at least one source")
        for source in sources {
            try check(
                source.weight.isFinite && source.weight > 0,
                "source '\(source.name)' needs a positive weight (got \(source.weight))")
        }
        let names = sources.map(\.name)
        try check(Set(names).count == names.count, "source names must be unique (got \(names))")
        if case .shuffled(.frames(let frames)) = order { try check(frames >= 1, "a window needs at least 1 frame") }
        if case .shuffled(.examples(let count)) = order { try check(count >= 1, "a window needs at least 1 example") }
    }

    private func check(_ condition: Bool, _ message: String) throws {
        if !condition { throw PretextError(.invalidConfiguration, message) }
    }
}
