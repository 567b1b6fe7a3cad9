/// One source of examples for a loader: which examples, under which name, with which weight.
///
/// The name keys the source's order (`SourceOrder.key`) and its position in a `LoaderState`,
/// so a source keeps its order and its cursor whatever the other sources are.
public struct LoaderSource: Sendable, Hashable {
    /// Which examples of the dataset the source holds.
    public enum Selection: Sendable, Hashable {
        /// Every example of the dataset.
        case allExamples
        /// A contiguous range of the dataset's examples in storage order (e.g. the last 5 % held
        /// out for evaluation, the rest for training): the source's order permutes only these.
        case examples(Range<Int>)
    }

    /// The dataset directory.
    public var dataset: String
    /// Which of its examples.
    public var selection: Selection
    /// The source's name: unique in a loader; keys its order and its state.
    public var name: String
    /// Its share of the mixture (any positive number; the loader normalizes the weights).
    public var weight: Double

    /// A source of every example of the dataset at `dataset`.
    /// - Parameters:
    ///   - name: defaults to the dataset directory's last path component.
    ///   - weight: defaults to 1.
    public init(dataset: String, name: String? = nil, weight: Double = 1, selection: Selection = .allExamples) {
        self.dataset = dataset
        self.selection = selection
        self.name = name ?? Self.lastComponent(dataset)
        self.weight = weight
    }

    private static func lastComponent(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.last.map(String.init) ?? path
    }
}
