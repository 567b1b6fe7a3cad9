import PretextTestSupport
import Testing

@testable import PretextLoader

@Suite struct LocalityTests {
    @Test func windowedOrderDecompressesEachFrameAboutOnce() throws {
        let directory = try TemporaryDirectory()
        try writeExamples(at: directory.path, count: 2000)
        let frames = try ExampleIndex(at: directory.path).frameCount
        let windowed = try makeLoader([directory.path], batchSize: 10, order: .shuffled(window: .frames(4)))
        let epoch = try take(200, from: windowed)
        #expect(Set(epoch.flatMap(\.examples).map(\.index)).count == 2000)
        let loads = windowed.statistics.framesDecompressed
        #expect(loads >= frames && loads <= frames * 3 / 2, "\(loads) loads of \(frames) frames")
        // A shuffle over the whole dataset with the same cache reads frames over and over.
        let global = try DataLoader(
            LoaderConfiguration(
                sources: [LoaderSource(dataset: directory.path)], batchSize: 10, seed: 7,
                order: .shuffled(window: .examples(2000)), workers: 0, frameCacheFrames: 12))
        _ = try take(200, from: global)
        #expect(global.statistics.framesDecompressed > frames * 5)
    }
}
