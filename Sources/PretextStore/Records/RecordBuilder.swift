/// Builds one binary record, value by value, in little-endian order: what a record stage's
/// worker fills and hands to `RecordOutput.append`. Reuse one builder (its buffer is kept).
public struct RecordBuilder: Sendable {
    /// The bytes appended since the last `reset()`.
    public private(set) var bytes: [UInt8] = []

    /// An empty builder with room for `capacity` bytes.
    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Empties the builder, keeping its storage.
    public mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Appends an integer as its little-endian bytes.
    public mutating func append<Value: FixedWidthInteger>(_ value: Value) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a `float32` value (IEEE 754, little-endian).
    public mutating func append(_ value: Float) { append(value.bitPattern) }

    /// Appends a `float64` value (IEEE 754, little-endian).
    public mutating func append(_ value: Double) { append(value.bitPattern) }

    /// Appends `value` `count` times (padding a field to its length).
    public mutating func append<Value: FixedWidthInteger>(repeating value: Value, count: Int) {
        for _ in 0..<max(0, count) { append(value) }
    }
}
