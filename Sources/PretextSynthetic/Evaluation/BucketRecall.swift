/// The recall of the ideal removals of one edit-rate bucket.
public struct BucketRecall: Sendable, Equatable, Codable {
    /// The bucket.
    public var bucket: EditRateBucket
    /// Ideal removals in the bucket.
    public var ideal: Int
    /// Of those, the ones the tool removed.
    public var found: Int
    /// found / ideal; nil (left out of the JSON) for an empty bucket.
    public var recall: Double?

    /// Creates the figures of a bucket.
    public init(bucket: EditRateBucket, ideal: Int, found: Int) {
        self.bucket = bucket
        self.ideal = ideal
        self.found = found
        recall = ideal == 0 ? nil : Double(found) / Double(ideal)
    }
}
