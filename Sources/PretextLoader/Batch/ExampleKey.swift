/// Which example a row of a batch holds: the source (its place in the configuration), the
/// source's epoch, and the example's number in the source's dataset (0 ..< its count).
///
/// With the loader seed this is what a load-time transform is seeded by: RoBERTa's dynamic
/// masking draws its masks from (seed, epoch, index) (fairseq `MaskTokensDataset`).
public struct ExampleKey: Sendable, Hashable, CustomStringConvertible {
    /// The source, as its position in `LoaderConfiguration.sources`.
    public var source: Int
    /// The source's epoch.
    public var epoch: Int
    /// The example's number in the source's dataset.
    public var index: Int

    /// Creates a key.
    public init(source: Int, epoch: Int, index: Int) {
        self.source = source
        self.epoch = epoch
        self.index = index
    }

    public var description: String { "source \(source) epoch \(epoch) example \(index)" }
}
