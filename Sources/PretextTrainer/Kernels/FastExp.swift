/// `exp` for the trainer's elementwise loops (GELU's tanh, softmax, cross-entropy) in plain
/// arithmetic, so that the compiler vectorizes the loops around it; libm's `expf` is a call per
/// element.
///
/// Cephes' `expf` method: `x = n ln 2 + r` with `n` the nearest integer to `x / ln 2` and
/// `ln 2` split in two parts so `r` is exact, `e^r` by a degree-7 polynomial, `2^n` built in
/// the exponent bits. Within 2 ulp of `expf` on the range used (tested), below which it
/// returns 0 — also for −∞, a masked attention score — and above which it clamps.
enum FastExp {
    /// Below this the result is 0 (`e^x` would be subnormal).
    static let lowest: Float = -87.33
    /// Above this the argument is clamped (`2^128` would overflow the exponent).
    static let highest: Float = 88.0
    /// 1.5 · 2²³, whose spacing is 1.
    static let shifter: Float = 12_582_912

    /// `e^x`.
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, lowest), highest)
        // Adding 1.5 · 2²³ rounds `x / ln 2` to the nearest integer and leaves it in the low
        // mantissa bits: `n` as a float and as an integer without a conversion that could trap.
        let shifted = clamped * 1.442_695_04 + shifter
        let n = shifted - shifter
        let integer = Int32(bitPattern: shifted.bitPattern &- shifter.bitPattern)
        let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_150_0e-4
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let y = p * r * r + r + 1
        let scale = Float(bitPattern: UInt32(bitPattern: (integer &+ 127) &<< 23))
        return x < lowest ? 0 : y * scale
    }

    /// Replaces each of the `count` values at `row` by `e^(value − shift)` and returns their sum.
    /// The exponentials are one vectorized loop; the sum takes eight lanes side by side, then
    /// the lanes and the tail in order: the same bits on every run and thread count.
    static func exponentiate(_ row: UnsafeMutablePointer<Float>, count: Int, minus shift: Float) -> Float {
        for index in 0..<count { row[index] = exp(row[index] - shift) }
        var lanes = SIMD8<Float>()
        var index = 0
        while index + 8 <= count {
            // `index + 8 <= count`: the eight values are inside the row.
            lanes += UnsafeRawPointer(row + index).loadUnaligned(as: SIMD8<Float>.self)
            index += 8
        }
        var sum = lanes.sum()
        while index < count {
            sum += row[index]
            index += 1
        }
        return sum
    }
}
