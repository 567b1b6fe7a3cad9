import PretextCore
import Testing

@testable import PretextTrainer

/// Seeded random values for the trainer's tests.
struct TestData {
    private var generator: SplitMix64

    /// A stream starting from `seed`.
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// A uniform value in `-scale ..< scale`.
    mutating func value(scale: Float = 1) -> Float {
        // The top 24 bits: exactly representable in a Float.
        let unit = Float(generator.next() >> 40) * 0x1p-24
        return (2 * unit - 1) * scale
    }

    /// `count` uniform values in `-scale ..< scale`.
    mutating func values(_ count: Int, scale: Float = 1) -> [Float] {
        (0..<count).map { _ in value(scale: scale) }
    }

    /// A `rows × columns` matrix of uniform values in `-scale ..< scale`.
    mutating func matrix(_ rows: Int, _ columns: Int, scale: Float = 1) -> Matrix {
        Matrix(rows: rows, columns: columns, values: values(rows * columns, scale: scale))
    }

    /// A uniform integer in `0 ..< bound`.
    mutating func integer(below bound: Int) -> Int {
        Int(generator.next() % UInt64(bound))
    }

    /// Fills `parameter` with uniform values in `-scale ..< scale`.
    mutating func fill(_ parameter: Parameter, scale: Float = 1) {
        parameter.value = values(parameter.count, scale: scale)
    }
}

/// The plain reference product `op(a) · op(b)`, a triple loop in `Double`.
func naiveProduct(_ a: Matrix, transposed transposeA: Bool, _ b: Matrix, transposed transposeB: Bool) -> Matrix {
    let rows = transposeA ? a.columns : a.rows
    let inner = transposeA ? a.rows : a.columns
    let columns = transposeB ? b.rows : b.columns
    var c = Matrix(rows: rows, columns: columns)
    for i in 0..<rows {
        for j in 0..<columns {
            var sum = 0.0
            for k in 0..<inner {
                let x = transposeA ? a[k, i] : a[i, k]
                let y = transposeB ? b[j, k] : b[k, j]
                sum += Double(x) * Double(y)
            }
            c[i, j] = Float(sum)
        }
    }
    return c
}

/// Expects `actual` and `expected` to agree element by element within
/// `absolute + relative · |expected|`, reporting the worst element.
func expectClose(
    _ actual: [Float], _ expected: [Float], absolute: Float = 1e-5, relative: Float = 1e-4,
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, comment, sourceLocation: sourceLocation)
    var worst: (index: Int, excess: Float)? = nil
    for index in 0..<min(actual.count, expected.count) {
        let allowed = absolute + relative * abs(expected[index])
        let excess = abs(actual[index] - expected[index]) - allowed
        // `!(excess <= 0)` also catches NaN.
        if !(excess <= 0), excess > worst?.excess ?? -1 || excess.isNaN { worst = (index, excess) }
    }
    if let worst {
        let detail = "element \(worst.index): \(actual[worst.index]) against \(expected[worst.index])"
        Issue.record("\(comment.map { "\($0): " } ?? "")\(detail)", sourceLocation: sourceLocation)
    }
}
