import PretextCore
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// Parameters and AdamW states through safetensors files.
@Suite struct CheckpointParameterTests {
    private func model(scale: Float) -> [Parameter] {
        let embeddings = Parameter(
            name: "wte.weight", shape: [3, 2], value: [1, 2, 3, 4, 5, 6].map { $0 * scale }, decays: true)
        let bias = Parameter(name: "ln_f.bias", shape: [2], value: [0.5 * scale, -scale], decays: false)
        return [embeddings, bias, embeddings]
    }

    @Test func parametersRoundTripWithTiedWeightsStoredOnce() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("model.safetensors")
        let saved = model(scale: 1)
        try SafetensorsFile(parameters: saved).write(to: path)
        let file = try SafetensorsFile(contentsOf: path)
        #expect(file.tensors.map(\.name) == ["ln_f.bias", "wte.weight"])
        let loaded = model(scale: 0)
        try file.assign(to: loaded)
        for (a, b) in zip(saved, loaded) { #expect(a.value == b.value) }
    }

    @Test func missingUnexpectedAndMisshapenTensorsAreRefused() throws {
        let file = SafetensorsFile(parameters: model(scale: 1))
        let extra = Parameter(name: "h.0.attn.c_attn.weight", shape: [1], decays: true)
        let missing = try #require(throws: PretextError.self) { try file.assign(to: model(scale: 0) + [extra]) }
        #expect(missing.code == .notFound)
        #expect(missing.message.contains("h.0.attn.c_attn.weight"))
        let unexpected = try #require(throws: PretextError.self) { try file.assign(to: [model(scale: 0)[0]]) }
        #expect(unexpected.message.contains("'ln_f.bias' is not a parameter"))
        let other = [Parameter(name: "wte.weight", shape: [2, 3], decays: true), model(scale: 0)[1]]
        let misshapen = try #require(throws: PretextError.self) { try file.assign(to: other) }
        #expect(misshapen.message.contains("shape [3, 2]"))
        #expect(other[0].value == [0, 0, 0, 0, 0, 0])
    }

    @Test func anAdamWStateRoundTripsThroughAFile() throws {
        let directory = try TemporaryDirectory()
        let parameters = model(scale: 1)
        var optimizer = try AdamW(parameters: parameters)
        for step in 0..<3 {
            for parameter in parameters { parameter.gradient = parameter.value.map { $0 * Float(step) - 1 } }
            optimizer.update(learningRate: 0.01)
        }
        let path = directory.file("optimizer.safetensors")
        try optimizer.state.safetensors.write(to: path)
        let file = try SafetensorsFile(contentsOf: path)
        #expect(file.metadata["step"] == "3")
        #expect(file["wte.weight.exp_avg_sq"]?.shape == [3, 2])
        let state = try AdamWState(file)
        #expect(state == optimizer.state)
        var resumed = try AdamW(parameters: model(scale: 1))
        try resumed.restore(state)
        #expect(resumed.step == 3)
    }

    @Test func anIncompleteAdamWStateIsRefused() {
        let lonely = SafetensorsTensor(name: "w.exp_avg", shape: [1], values: [0])
        let stray = SafetensorsTensor(name: "w", shape: [1], values: [0])
        for file in [
            SafetensorsFile(tensors: [lonely], metadata: ["step": "1"]),
            SafetensorsFile(tensors: [stray], metadata: ["step": "1"]),
            SafetensorsFile(tensors: [], metadata: [:]),
        ] {
            #expect(throws: PretextError.self) { try AdamWState(file) }
        }
    }
}
