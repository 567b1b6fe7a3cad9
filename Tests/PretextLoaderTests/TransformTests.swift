import PretextStore
import PretextTestSupport
import Testing

@testable import PretextLoader

/// Writes `label = seed + epoch × 100000 + index` and keeps the rest.
struct StampTransform: ExampleTransform {
    func transform(
        _ record: UnsafeRawBufferPointer, example: ExampleKey, seed: UInt64, into output: UnsafeMutableRawBufferPointer
    ) throws {
        output.copyMemory(from: record)
        let stamp = Int32(Int(seed) + example.epoch * 100_000 + example.index)
        output.storeBytes(of: stamp.littleEndian, toByteOffset: 82, as: Int32.self)
    }
}

@Suite struct TransformTests {
    @Test func theTransformSeesEpochAndIndexOnEveryWorker() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 100)
        for workers in [0, 2] {
            let batches = try take(
                30, from: makeLoader([directory.path], workers: workers, transform: StampTransform()))
            for batch in batches {
                #expect(labels(batch) == batch.examples.map { 7 + $0.epoch * 100_000 + $0.index })
                #expect(
                    batch["input_ids"]!.values.enumerated().allSatisfy { position, value in
                        Int(value) == batch.examples[position / 16].index * 16 + position % 16
                    })
            }
        }
    }
}
