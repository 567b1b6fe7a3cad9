import PretextCore
import PretextStore

extension DataLoader {
    /// The examples of one source.
    static func index(of source: LoaderSource) throws -> ExampleIndex {
        let index = try ExampleIndex(at: source.dataset)
        guard index.count > 0 else {
            throw PretextError(.invalidConfiguration, "source '\(source.name)' has no examples", path: source.dataset)
        }
        _ = try examples(of: source, in: index)
        return index
    }

    /// The examples `source` selects from `index`.
    /// - Throws: `.invalidConfiguration` for an empty range or one past the dataset's examples.
    static func examples(of source: LoaderSource, in index: ExampleIndex) throws -> Range<Int> {
        switch source.selection {
        case .allExamples:
            return 0..<index.count
        case .examples(let range):
            guard !range.isEmpty, range.upperBound <= index.count else {
                throw PretextError(
                    .invalidConfiguration,
                    "source '\(source.name)' selects examples \(range.lowerBound)..<\(range.upperBound), but the "
                        + "dataset has \(index.count) (a non-empty range within 0..<\(index.count) is needed)",
                    path: source.dataset)
            }
            return range
        }
    }

    /// The schema every source shares.
    /// - Throws: `.invalidConfiguration` naming two sources whose schemas differ.
    static func commonSchema(_ indexes: [ExampleIndex], _ sources: [LoaderSource]) throws -> RecordSchema {
        let first = indexes[0].schema
        if let other = indexes.firstIndex(where: { $0.schema != first }) {
            throw PretextError(
                .invalidConfiguration,
                "sources '\(sources[0].name)' and '\(sources[other].name)' have different record schemas "
                    + "(\(first.json) and \(indexes[other].schema.json)); mixed sources need the same one")
        }
        return first
    }

    /// Each source's window in examples, or `nil` in storage order.
    static func windowSize(_ order: ExampleOrder, _ index: ExampleIndex) -> Int? {
        switch order {
        case .sequential: nil
        case .shuffled(let window): window.examples(perFrame: index.examplesPerFrame)
        }
    }

    /// The default frame cache: two windows of frames per source (the window being read and the
    /// next), plus one frame per worker.
    static func cacheFrames(_ configuration: LoaderConfiguration, _ indexes: [ExampleIndex]) -> Int {
        let perSource = indexes.map { index in
            let window = windowSize(configuration.order, index) ?? 1
            return 2 * ((window + index.examplesPerFrame - 1) / index.examplesPerFrame + 1)
        }
        return perSource.reduce(0, +) + configuration.workers
    }

    /// The assembler for `seed`: each source's order is keyed by the seed and its name.
    static func assembler(
        _ configuration: LoaderConfiguration, _ indexes: [ExampleIndex], layout: BatchLayout, seed: UInt64
    ) -> BatchAssembler {
        let sources = zip(configuration.sources, indexes).map { source, index in
            // Checked when the index was opened (`index(of:)`).
            let examples = (try? self.examples(of: source, in: index)) ?? 0..<index.count
            return SourceContext(
                name: source.name, index: index, examples: examples,
                order: SourceOrder(
                    count: examples.count, windowSize: windowSize(configuration.order, index),
                    key: SourceOrder.key(seed: seed, sourceName: source.name)))
        }
        return BatchAssembler(
            sources: sources, layout: layout, inputBytes: indexes[0].recordBytes, transform: configuration.transform,
            seed: seed, padding: configuration.padding)
    }
}
