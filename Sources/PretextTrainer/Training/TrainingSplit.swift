import PretextCore

/// Which examples of a dataset train and which are held out: the last `evalFraction` of them
/// in storage order (whole shards, mostly other documents than the training examples), the
/// rest for training.
public struct TrainingSplit: Sendable, Equatable {
    /// The training examples.
    public let train: Range<Int>
    /// The held-out examples (empty when `evalFraction` is 0).
    public let heldOut: Range<Int>

    /// The split of `count` examples holding out `evalFraction` of them (at least one when the
    /// fraction is above 0, at most all but one).
    /// - Throws: `.invalidConfiguration` when there are too few examples to train on.
    public init(count: Int, evalFraction: Double, path: String) throws {
        guard count >= 2 || (count == 1 && evalFraction == 0) else {
            throw PretextError(
                .invalidConfiguration, "\(count) examples are too few to train on (and hold some out)", path: path)
        }
        let wanted = Int((Double(count) * evalFraction).rounded(.down))
        let heldOut = evalFraction > 0 ? min(max(1, wanted), count - 1) : 0
        train = 0..<(count - heldOut)
        self.heldOut = (count - heldOut)..<count
    }
}
