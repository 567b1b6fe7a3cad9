import PretextCore
import PretextLoader
import Testing

@testable import PretextTrainer

/// Reading a loader batch: fields, padding, targets and the errors that name a missing field.
@Suite struct BERTInputsTests {
    /// The error `body` throws, or a recorded issue.
    static func error(_ body: () throws -> Void) -> PretextError? {
        do {
            try body()
        } catch let error as PretextError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
        }
        return nil
    }

    /// `batch` without the field `name`.
    static func removing(_ name: String, from batch: Batch) -> Batch {
        var tensors = batch.tensors
        tensors[name] = nil
        return Batch(names: batch.names.filter { $0 != name }, tensors: tensors, examples: batch.examples)
    }

    @Test func inputsComeFromTheBatch() throws {
        let configuration = BERTFixture.configuration()
        let examples = BERTFixture.examples()
        let inputs = try EncoderInputs(BERTFixture.batch(examples), configuration: configuration)
        #expect(inputs.batch == 3 && inputs.sequence == 8 && inputs.padding == .lengths([8, 5, 3]))
        #expect(inputs.ids[8..<13] == examples[1].ids[...] && inputs.ids[13] == 0)
        #expect(inputs.positions[8..<11] == [0, 1, 2])
        #expect(inputs.isReal.filter { $0 }.count == 16)
        let masked = try EncoderInputs(
            Self.removing("length", from: BERTFixture.batch(examples)), configuration: configuration)
        #expect(masked.isReal == inputs.isReal)
        let unsegmented = try EncoderInputs(
            Self.removing("segment_ids", from: BERTFixture.batch(examples)), configuration: configuration)
        #expect(unsegmented.segments.allSatisfy { $0 == 0 })
    }

    @Test func labelsAndPositionsGiveTheSameTargets() throws {
        let configuration = BERTFixture.configuration()
        let examples = BERTFixture.examples()
        let fixed = BERTFixture.batch(examples)
        let inputs = try EncoderInputs(fixed, configuration: configuration)
        let fromPositions = try PretrainingTargets(fixed, inputs: inputs, configuration: configuration)
        let fromLabels = try PretrainingTargets(
            BERTFixture.batch(examples, dynamicLabels: true), inputs: inputs, configuration: configuration)
        #expect(fromPositions == fromLabels)
        #expect(fromPositions.maskedIDs == examples.flatMap(\.maskedIDs))
        #expect(fromPositions.maskedRows.allSatisfy { inputs.ids[$0] == BERTFixture.maskID })
        #expect(fromPositions.pairLabels == [0, 1, 0])
    }

    @Test(arguments: ["input_ids", "masked_lm_positions", "masked_lm_ids", "masked_lm_count", "label"])
    func aMissingFieldIsNamed(field: String) throws {
        let model = try BERTFixture.model()
        let batch = Self.removing(field, from: BERTFixture.batch(BERTFixture.examples()))
        let error = Self.error { _ = try model.trainStep(batch, gradientScale: 1) }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("'\(field)'") == true, "\(String(describing: error))")
    }

    @Test func theMaskedLMOnlyModelNeedsNoLabel() throws {
        let model = try BERTFixture.model(BERTFixture.configuration(pairTask: .none))
        let batch = BERTFixture.batch(BERTFixture.examples(), pairLabels: false)
        #expect(try model.evaluate(batch).mean("mlm_loss") != nil)
    }

    @Test func valuesOutOfRangeAreMalformedInput() throws {
        let configuration = BERTFixture.configuration()
        var examples = BERTFixture.examples()
        examples[0].ids[2] = 40
        #expect(
            Self.error { _ = try EncoderInputs(BERTFixture.batch(examples), configuration: configuration) }?.code
                == .malformedInput)
        examples = BERTFixture.examples()
        examples[1].maskedPositions[0] = 9
        let batch = BERTFixture.batch(examples)
        let inputs = try EncoderInputs(batch, configuration: configuration)
        let error = Self.error { _ = try PretrainingTargets(batch, inputs: inputs, configuration: configuration) }
        #expect(error?.code == .malformedInput && error?.message.contains("masked_lm_positions") == true)
        #expect(
            Self.error {
                _ = try EncoderInputs(BERTFixture.batch(examples, sequence: 17), configuration: configuration)
            }?
            .code == .invalidConfiguration)
    }
}
