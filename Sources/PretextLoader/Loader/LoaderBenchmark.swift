/// Measures a loader: the time to its first batch (opening the sources included), then the
/// rate of `batches` batches (`pretext loader-bench`).
public struct LoaderBenchmark: Sendable, CustomStringConvertible {
    /// From before the loader opened its sources to the first batch in hand.
    public var timeToFirstBatch: Duration
    /// The time of all batches, the first one included, opening excluded.
    public var elapsed: Duration
    /// What the loader did (batches, examples, record bytes, frames).
    public var statistics: LoaderStatistics
    /// The number of examples of each source.
    public var exampleCounts: [Int]

    /// Opens a loader with `configuration` and takes `batches` batches (at least 1).
    /// - Throws: the loader's errors.
    public static func run(_ configuration: LoaderConfiguration, batches: Int) throws -> LoaderBenchmark {
        let clock = ContinuousClock()
        let opening = clock.now
        let loader = try DataLoader(configuration)
        let opened = clock.now
        _ = try loader.next()
        let first = clock.now
        for _ in 1..<max(1, batches) { _ = try loader.next() }
        let end = clock.now
        defer { loader.close() }
        return LoaderBenchmark(
            timeToFirstBatch: first - opening, elapsed: end - opened, statistics: loader.statistics,
            exampleCounts: loader.indexes.map(\.count))
    }

    /// Examples per second over `elapsed`.
    public var examplesPerSecond: Double { Double(statistics.examples) / Self.seconds(elapsed) }

    /// Megabytes (10^6 bytes) of records per second over `elapsed`.
    public var megabytesPerSecond: Double { Double(statistics.recordBytes) / 1e6 / Self.seconds(elapsed) }

    public var description: String {
        let s = statistics
        return """
            examples: \(exampleCounts.map(String.init).joined(separator: " + "))
            time to first batch: \(Self.fixed(Self.seconds(timeToFirstBatch) * 1000, 1)) ms
            \(s.batches) batches, \(s.examples) examples in \(Self.fixed(Self.seconds(elapsed), 3)) s
            examples/s: \(Self.fixed(examplesPerSecond, 0))
            MB/s (records): \(Self.fixed(megabytesPerSecond, 1))
            frames decompressed: \(s.framesDecompressed) (\(Self.fixed(Double(s.bytesDecompressed) / 1e6, 1)) MB)
            """
    }

    static func seconds(_ duration: Duration) -> Double {
        max(1e-9, duration.inSeconds)
    }

    /// `value` with `digits` decimals (no Foundation).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        guard digits > 0 else { return "\(whole)" }
        let fraction = String(abs(scaled) % Int(scale))
        return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
