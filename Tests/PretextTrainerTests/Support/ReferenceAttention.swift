import Foundation

@testable import PretextTrainer

/// Attention written plainly from its definition, in `Double`, as the tests' reference: for each
/// example, head and real query, a softmax over the keys the mask allows, then the weighted sum
/// of the values; 0 for padding queries.
enum ReferenceAttention {
    /// Whether position `i` of example `b` is real.
    static func isReal(_ mask: AttentionMask, _ b: Int, _ i: Int, sequence: Int) -> Bool {
        switch mask.padding {
        case .none: return true
        case .lengths(let lengths): return i < lengths[b]
        case .mask(let values): return values[b * sequence + i] != 0
        }
    }

    /// Whether query `i` of example `b` may attend to key `j`.
    static func allows(_ mask: AttentionMask, _ b: Int, _ i: Int, _ j: Int, sequence: Int) -> Bool {
        guard isReal(mask, b, i, sequence: sequence), isReal(mask, b, j, sequence: sequence) else { return false }
        if mask.causal && j > i { return false }
        if let documents = mask.documents, documents[b * sequence + i] != documents[b * sequence + j] { return false }
        return true
    }

    /// The attention output.
    static func output(
        _ q: Matrix, _ k: Matrix, _ v: Matrix, heads: Int, batch: Int, sequence: Int, mask: AttentionMask
    ) -> Matrix {
        let d = q.columns / heads
        var output = Matrix(rows: q.rows, columns: q.columns)
        for b in 0..<batch {
            for h in 0..<heads {
                for i in 0..<sequence {
                    let keys = (0..<sequence).filter { allows(mask, b, i, $0, sequence: sequence) }
                    guard !keys.isEmpty else { continue }
                    let scores = keys.map { j in
                        (0..<d).reduce(0.0) {
                            $0 + Double(q[b * sequence + i, h * d + $1]) * Double(k[b * sequence + j, h * d + $1])
                        }
                            / Double(d).squareRoot()
                    }
                    let maximum = scores.max()!
                    let e = scores.map { exp($0 - maximum) }
                    let sum = e.reduce(0, +)
                    for c in 0..<d {
                        let value = zip(keys, e).reduce(0.0) {
                            $0 + $1.1 / sum * Double(v[b * sequence + $1.0, h * d + c])
                        }
                        output[b * sequence + i, h * d + c] = Float(value)
                    }
                }
            }
        }
        return output
    }
}
