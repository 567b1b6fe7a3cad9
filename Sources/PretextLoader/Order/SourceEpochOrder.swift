/// One source's order within one epoch, as a batch walks it: the epoch's permutation (`nil` in
/// storage order) and the window of the last position looked up, reused while the positions
/// stay in its slot.
struct SourceEpochOrder {
    let epoch: Int
    let permutation: WindowedPermutation?
    private var window: WindowedPermutation.Window?

    init(epoch: Int, permutation: WindowedPermutation?) {
        self.epoch = epoch
        self.permutation = permutation
    }

    /// The example at `offset` of the epoch.
    mutating func example(atOffset offset: Int) -> Int {
        guard let permutation else { return offset }
        return permutation(offset, window: &window)
    }
}
