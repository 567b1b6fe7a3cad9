import Foundation
import Testing

@testable import PretextTrainer

/// The vectorizable `exp` against libm's `expf` (the plain version), and the shifted
/// exponentiation with its lane-wise sum against a plain loop.
@Suite struct FastExpTests {
    @Test func withinTwoUlpOfExpfOverTheRangeUsed() {
        var worst: Float = 0
        var x: Float = -87
        while x <= 88 {
            let plain = Foundation.exp(x)
            worst = max(worst, abs(FastExp.exp(x) - plain) / plain.ulp)
            x += 0.001_37
        }
        #expect(worst <= 2, "worst \(worst) ulp")
        #expect(FastExp.exp(0) == 1)
    }

    @Test func underflowIsZeroAndOverflowIsClamped() {
        #expect(FastExp.exp(-.infinity) == 0)
        #expect(FastExp.exp(-100) == 0)
        #expect(FastExp.exp(1000).isFinite && FastExp.exp(1000) > 1e38)
    }

    @Test func exponentiateMatchesAPlainLoopAndSum() {
        var data = TestData(seed: 9)
        for count in [1, 7, 8, 9, 64, 1003] {
            let values = data.matrix(1, count).values.map { $0 * 10 }
            var fast = values
            let sum = fast.withUnsafeMutableBufferPointer {
                FastExp.exponentiate($0.baseAddress!, count: count, minus: 3)
            }
            let plain = values.map { Foundation.exp(Double($0 - 3)) }
            for (got, expected) in zip(fast, plain) { #expect(abs(Double(got) - expected) <= 3e-7 * expected) }
            let expectedSum = plain.reduce(0, +)
            #expect(abs(Double(sum) - expectedSum) <= 1e-6 * expectedSum, "count \(count)")
        }
    }
}
