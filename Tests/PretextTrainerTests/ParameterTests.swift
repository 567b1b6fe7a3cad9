import Testing

@testable import PretextTrainer

@Suite struct ParameterTests {
    @Test func aNewParameterHasZeroValuesAndGradient() {
        let parameter = Parameter(name: "w", shape: [2, 3], decays: true)
        #expect(parameter.count == 6)
        #expect(parameter.value == [Float](repeating: 0, count: 6))
        parameter.gradient[4] = 2
        parameter.zeroGradient()
        #expect(parameter.gradient == [Float](repeating: 0, count: 6))
    }
}
