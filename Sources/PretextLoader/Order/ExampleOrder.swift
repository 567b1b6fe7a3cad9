/// The order in which a loader reads a source's examples, epoch after epoch.
public enum ExampleOrder: Sendable, Hashable {
    /// Storage order (example 0, 1, 2, …) every epoch: for evaluation and debugging.
    case sequential
    /// A new seeded permutation every epoch that keeps reads local: the examples are cut into
    /// windows of consecutive examples; the windows are permuted, and the examples inside each
    /// window (`WindowedPermutation`). The default window is 8 frames' worth of examples.
    case shuffled(window: ShuffleWindow = .frames(8))
}

/// The size of the locality windows of a shuffled order.
public enum ShuffleWindow: Sendable, Hashable {
    /// As many examples as this many full frames of the source hold (the frame size divided by
    /// the record size, times the count): a window touches at most one frame more.
    case frames(Int)
    /// This many examples.
    case examples(Int)

    /// The window in examples for a source whose full frames hold `examplesPerFrame` examples.
    func examples(perFrame examplesPerFrame: Int) -> Int {
        switch self {
        case .frames(let frames): max(1, frames) * max(1, examplesPerFrame)
        case .examples(let examples): max(1, examples)
        }
    }
}
