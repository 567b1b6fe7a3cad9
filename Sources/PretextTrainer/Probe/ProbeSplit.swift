import PretextStore

/// The probe's split of labelled documents into the ones its classifier is fitted on and the
/// held-out ones it is scored on: stratified, a quarter of each class held out (at least one
/// document of every class that has two or more; a class of one is only fitted on), chosen by
/// hashing the document ids with the seed, so the same documents are held out at every probe.
public struct ProbeSplit: Sendable, Equatable {
    /// Indices of the documents the classifier is fitted on.
    public let fitted: [Int]
    /// Indices of the held-out documents.
    public let heldOut: [Int]

    /// The split of documents with `labels` and `ids`.
    public init(labels: [Int], ids: [String], seed: UInt64) {
        var byClass: [Int: [Int]] = [:]
        for (index, label) in labels.enumerated() { byClass[label, default: []].append(index) }
        let keys = ids.map { XXH64.hash(Array($0.utf8), seed: seed ^ 0x9E37_79B9) }
        var fitted: [Int] = []
        var heldOut: [Int] = []
        for label in byClass.keys.sorted() {
            let members = (byClass[label] ?? []).sorted { (keys[$0], $0) < (keys[$1], $1) }
            let held = members.count >= 2 ? max(1, members.count / 4) : 0
            heldOut += members.prefix(held)
            fitted += members.dropFirst(held)
        }
        self.fitted = fitted.sorted()
        self.heldOut = heldOut.sorted()
    }
}
