import Foundation

/// The Gaussian error linear unit, `x · Φ(x)`, exact or in the tanh approximation.
///
/// - ``exact``: `0.5 · x · (1 + erf(x / √2))`, Hugging Face's `"gelu"` (BERT), PyTorch's
///   `gelu(approximate="none")`.
/// - ``tanh``: `0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))`, Hugging Face's `"gelu_new"`
///   (GPT-2), PyTorch's `gelu(approximate="tanh")`.
public enum GELU: Sendable, Equatable {
    /// The erf form (`"gelu"`).
    case exact
    /// The tanh approximation (`"gelu_new"`).
    case tanh

    /// The activation Hugging Face configs call `name` (`"gelu"`, `"gelu_new"`, also
    /// `"gelu_pytorch_tanh"`), or `nil` for any other name.
    public init?(huggingFaceName name: String) {
        switch name {
        case "gelu": self = .exact
        case "gelu_new", "gelu_pytorch_tanh": self = .tanh
        default: return nil
        }
    }

    /// 1/√2.
    static let inverseSquareRootOfTwo: Float = 0.707_106_77
    /// 1/√(2π), the standard normal density at 0.
    static let inverseSquareRootOfTwoPi: Float = 0.398_942_3
    /// √(2/π), the tanh form's scale.
    static let tanhScale: Float = 0.797_884_56
    /// The tanh form's cubic coefficient.
    static let cubicCoefficient: Float = 0.044_715

    /// `gelu(x)` element by element.
    public func forward(_ input: Matrix) -> Matrix {
        // The form is chosen outside the loop, so each loop is straight arithmetic (vectorized
        // for the tanh form).
        let values =
            switch self {
            case .exact: ElementWise.map(input.values) { Self.exactValue($0) }
            case .tanh:
                ElementWise.mapChunks(input.values) { x, y, count in
                    for index in 0..<count { y[index] = Self.tanhValue(x[index]) }
                }
            }
        return Matrix(rows: input.rows, columns: input.columns, values: values)
    }

    /// The input gradient `gradOutput ⊙ gelu′(input)`, given the forward pass's input.
    public func backward(_ gradOutput: Matrix, input: Matrix) -> Matrix {
        precondition(gradOutput.rows == input.rows && gradOutput.columns == input.columns, "shapes agree")
        let values =
            switch self {
            case .exact: ElementWise.map(gradOutput.values, input.values) { $0 * Self.exactDerivative($1) }
            case .tanh:
                ElementWise.mapChunks(gradOutput.values, input.values) { gradient, x, result, count in
                    for index in 0..<count { result[index] = gradient[index] * Self.tanhDerivative(x[index]) }
                }
            }
        return Matrix(rows: input.rows, columns: input.columns, values: values)
    }

    /// `gelu(x)`.
    /// tanh through one `exp` (`FastExp`, which vectorizes): `1 − 2 / (e^{2u} + 1)`; within
    /// 3e-7 of `tanhf` in absolute terms, which is all GELU needs (`0.5 · x · (1 + tanh)`).
    /// Saturates to ±1 without overflow: `e^{2u}` is clamped near 1.6e38, or 0, there.
    @inline(__always)
    static func tanh(_ u: Float) -> Float {
        1 - 2 / (FastExp.exp(2 * u) + 1)
    }

    func value(_ x: Float) -> Float {
        switch self {
        case .exact: Self.exactValue(x)
        case .tanh: Self.tanhValue(x)
        }
    }

    /// `gelu′(x)`: `Φ(x) + x · φ(x)` for the exact form; for the tanh form, with
    /// `t = tanh(u)`, `u = c · (x + a·x³)`: `0.5 · (1 + t) + 0.5 · x · (1 − t²) · c · (1 + 3a·x²)`.
    func derivative(_ x: Float) -> Float {
        switch self {
        case .exact: Self.exactDerivative(x)
        case .tanh: Self.tanhDerivative(x)
        }
    }

    @inline(__always)
    static func exactValue(_ x: Float) -> Float {
        0.5 * x * (1 + erf(x * inverseSquareRootOfTwo))
    }

    @inline(__always)
    static func tanhValue(_ x: Float) -> Float {
        0.5 * x * (1 + tanh(tanhScale * (x + cubicCoefficient * x * x * x)))
    }

    @inline(__always)
    static func exactDerivative(_ x: Float) -> Float {
        let cdf = 0.5 * (1 + erf(x * inverseSquareRootOfTwo))
        return cdf + x * inverseSquareRootOfTwoPi * exp(-0.5 * x * x)
    }

    @inline(__always)
    static func tanhDerivative(_ x: Float) -> Float {
        let x2 = x * x
        let t = tanh(tanhScale * (x + cubicCoefficient * x2 * x))
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * tanhScale * (1 + 3 * cubicCoefficient * x2)
    }
}
