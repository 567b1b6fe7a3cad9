/// Where the mixed stream stands: the examples consumed by all ranks, and how many each source
/// (in configuration order) has given.
struct LoaderCursor: Sendable, Hashable {
    var position: Int
    var taken: [Int]
}

/// One source position chosen for a batch row: the `position`-th example of `source`'s stream.
struct SourcePick: Sendable, Hashable {
    var source: Int
    var position: Int
}

/// What one batch of one rank holds, decided before any byte is read: the rows' source
/// positions, and where the stream stands once the batch is consumed.
struct BatchPlan: Sendable {
    /// The batch's number in this loader's run (orders the prefetched results).
    let sequence: Int
    /// The rows, in order.
    let picks: [SourcePick]
    /// The cursor after this batch's step.
    let cursorAfter: LoaderCursor
}
