import Foundation
import PretextCore
import PretextLoader
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// The contrastive model's names, `config.json`, checkpoint round trip, batches and learning.
@Suite struct ContrastiveModelTests {
    /// transformers' `BertModel` state dict for the fixture's sizes: BertForPreTraining's
    /// encoder tensors without the `bert.` prefix, then the pooler.
    static let expected: [(String, [Int])] =
        BERTCheckpointTests.expectedPreTraining.filter {
            $0.0.hasPrefix("bert.") && !$0.0.hasPrefix("bert.pooler")
        }.map { (String($0.0.dropFirst("bert.".count)), $0.1) }
        + [("pooler.dense.weight", [16, 16]), ("pooler.dense.bias", [16])]

    @Test func namesAndShapesAreBertModels() throws {
        let model = try ContrastiveFixture.model()
        #expect(model.parameters.map(\.name) == Self.expected.map(\.0))
        #expect(model.parameters.map(\.shape) == Self.expected.map(\.1))
        #expect(
            model.parameters.first { $0.name == "embeddings.word_embeddings.weight" }!.value[0..<16].allSatisfy {
                $0 == 0
            })
    }

    @Test func configurationFileIsABertModelsWithPoolingAndTemperature() throws {
        let configuration = ContrastiveFixture.configuration(pooling: .first, temperature: 0.07)
        let directory = try TemporaryDirectory()
        let path = try configuration.configurationFile.write(toDirectory: directory.path)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(json["architectures"] as? [String] == ["BertModel"])
        #expect(json["model_type"] as? String == "bert" && json["hidden_size"] as? Int == 16)
        #expect(json["pretext_pooling"] as? String == "first" && json["pretext_temperature"] as? Double == 0.07)
        let read = try ContrastiveConfiguration(try ContrastiveConfigurationFile(contentsOf: path))
        #expect(read == configuration)
    }

    @Test func theContrastiveEncoderRefusesAnotherVariant() throws {
        var configuration = ContrastiveFixture.configuration()
        configuration.encoder.variant = .albert
        configuration.encoder.embeddingSize = 8
        let error = try #require(throws: PretextError.self) {
            try ContrastiveEncoder(configuration: configuration, seed: 1)
        }
        #expect(error.message.contains("variant must be bert"))
    }

    @Test func anUnknownPoolingOrABadTemperatureIsRefusedByName() throws {
        var file = ContrastiveFixture.configuration().configurationFile
        file.pooling = "max"
        #expect(throws: PretextError.self) { try ContrastiveConfiguration(file) }
        #expect(throws: PretextError.self) {
            try ContrastiveEncoder(configuration: ContrastiveFixture.configuration(temperature: 0), seed: 1)
        }
    }

    @Test(arguments: ContrastivePooling.allCases)
    func checkpointRoundTripKeepsTheLossAndEmbeddings(pooling: ContrastivePooling) throws {
        let model = try ContrastiveFixture.model(ContrastiveFixture.configuration(pooling: pooling), seed: 21)
        ContrastiveFixture.randomize(model, seed: 22, scale: 0.2)
        let sides = ContrastiveFixture.sides()
        let batch = ContrastiveFixture.batch(
            anchors: sides.anchors, positives: sides.positives, negatives: sides.negatives)
        let directory = try TemporaryDirectory()
        let path = directory.file("model.safetensors")
        try SafetensorsFile(parameters: model.parameters).write(to: path)
        try model.configurationFile.write(toDirectory: directory.path)
        let file = try SafetensorsFile(contentsOf: path)
        #expect(file.metadata["format"] == "pt")
        #expect(file.tensors.map(\.name) == model.parameters.map(\.name).sorted())
        let read = try ContrastiveConfiguration(
            try ContrastiveConfigurationFile(contentsOf: directory.file("config.json")))
        let loaded = try ContrastiveEncoder(configuration: read, seed: 99)
        try file.assign(to: loaded.parameters)
        #expect(try loaded.evaluate(batch) == model.evaluate(batch))
        #expect(try loaded.embed(batch) == model.embed(batch))
    }

    @Test func batchesAreReadCutToTheLongestText() throws {
        let configuration = ContrastiveFixture.configuration()
        let sides = ContrastiveFixture.sides()
        for negatives in [nil, sides.negatives] {
            let batch = ContrastiveFixture.batch(
                anchors: sides.anchors, positives: sides.positives, negatives: negatives)
            let read = try ContrastiveInputs(batch, configuration: configuration.encoder)
            let direct = try ContrastiveInputs(
                anchors: sides.anchors, positives: sides.positives, negatives: negatives,
                configuration: configuration.encoder)
            #expect(read == direct)
            #expect(read.encoder.sequence == 8 && read.encoder.batch == (negatives == nil ? 6 : 9))
            #expect(read.candidates == (negatives == nil ? 3 : 6))
        }
    }

    @Test func aMissingFieldOrAnEmptyTextIsRefusedByName() throws {
        let configuration = ContrastiveFixture.configuration().encoder
        let sides = ContrastiveFixture.sides()
        var batch = ContrastiveFixture.batch(anchors: sides.anchors, positives: sides.positives)
        var tensors = batch.tensors
        tensors["positive_ids"] = nil
        let missing = Batch(
            names: batch.names.filter { $0 != "positive_ids" }, tensors: tensors, examples: batch.examples)
        do {
            _ = try ContrastiveInputs(missing, configuration: configuration)
            Issue.record("a batch without positive_ids was accepted")
        } catch let error as PretextError {
            #expect(error.code == .invalidConfiguration && error.message.contains("'positive_ids'"))
        }
        tensors = batch.tensors
        tensors["anchor_length"]!.values[1] = 0
        batch = Batch(names: batch.names, tensors: tensors, examples: batch.examples)
        do {
            _ = try ContrastiveInputs(batch, configuration: configuration)
            Issue.record("an empty anchor was accepted")
        } catch let error as PretextError {
            #expect(error.code == .malformedInput && error.message.contains("'anchor_length'"))
        }
    }

    @Test(arguments: ContrastivePooling.allCases)
    func embeddingsArePooledHiddenStates(pooling: ContrastivePooling) throws {
        let model = try ContrastiveFixture.model(ContrastiveFixture.configuration(pooling: pooling), seed: 23)
        ContrastiveFixture.randomize(model, seed: 24, scale: 0.3)
        let sides = ContrastiveFixture.sides()
        let inputs = try ContrastiveInputs.padded(sides.anchors, to: 10, configuration: model.configuration.encoder)
        let (hidden, _) = model.encoder.forward(inputs)
        var expected: [Float] = []
        for (example, text) in sides.anchors.enumerated() {
            let rows = pooling == .first ? [example * 10] : Array((example * 10)..<(example * 10 + text.count))
            for column in 0..<16 {
                let sum = rows.reduce(0.0) { $0 + Double(hidden[$1, column]) }
                expected.append(Float(sum / Double(rows.count)))
            }
        }
        let batch = ContrastiveFixture.batch(anchors: sides.anchors, positives: sides.positives)
        expectClose(try model.embed(batch).values, expected, absolute: 1e-6, relative: 1e-5)
        expectClose(model.embed(inputs).values, expected, absolute: 1e-6, relative: 1e-5)
    }

    @Test(arguments: [false, true])
    func aTinyModelLearnsToRetrieveAFixedBatch(negatives: Bool) throws {
        let configuration = ContrastiveFixture.configuration(temperature: 0.05)
        let model = try ContrastiveFixture.model(configuration, seed: 25)
        let anchors = ContrastiveFixture.texts([6, 5, 7, 4, 8, 6], seed: 26)
        let positives = ContrastiveFixture.texts([5, 7, 4, 6, 6, 8], seed: 27)
        let hard = ContrastiveFixture.texts([7, 4, 6, 5, 8, 5], seed: 28)
        let inputs = try ContrastiveInputs(
            anchors: anchors, positives: positives, negatives: negatives ? hard : nil,
            configuration: configuration.encoder)
        let pooler = model.pooler.map(\.value)
        var optimizer = try AdamW(parameters: model.parameters)
        let first = model.run(inputs, gradientScale: nil)
        for _ in 0..<60 {
            ContrastiveFixture.zeroGradients(model)
            _ = model.run(inputs, gradientScale: 1)
            optimizer.update(learningRate: 3e-3)
        }
        let last = model.run(inputs, gradientScale: nil)
        #expect(last.mean("retrieval_correct") == 1)
        #expect(last.mean("loss")! < 0.05 && first.mean("loss")! > 1)
        #expect(model.pooler.map(\.value) == pooler, "AdamW leaves the unused pooler as initialized")
    }

    @Test func theReportCallsRetrievalContrastiveTopOne() {
        var metrics = Metrics()
        metrics.add("contrastive_loss", sum: 6, count: 4)
        metrics.add("retrieval_correct", sum: 3, count: 4)
        metrics.add("loss", sum: 1.5, count: 1)
        let report = EvaluationReport(metrics)
        #expect(report.values.map(\.name) == ["contrastive_loss", "contrastive_top1", "loss"])
        #expect(report["contrastive_top1"] == 0.75)
        #expect(report.line == "contrastive_loss 1.5000  contrastive_top1 0.7500  loss 1.5000")
    }
}
