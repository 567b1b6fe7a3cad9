import Synchronization
import Testing

@testable import PretextCore

/// Issue 17, case 6: the progress line's throttling and counts, on a test clock and sink (no
/// terminal): redrawn at least twice a second while one shard is read, counting text bytes.
@Suite struct ProgressTests {
    /// A clock the test moves, and the text a reporter printed.
    final class Bench: Sendable {
        let time = Mutex(0.0)
        let printed = Mutex<[String]>([])

        /// A terminal-style reporter on this bench.
        func progress(totalBytes: Int64? = nil) -> Progress {
            Progress(
                label: "step 2 normalize", totalBytes: totalBytes, style: .terminal, interval: nil,
                clock: { self.time.withLock { $0 } }, sink: { text in self.printed.withLock { $0.append(text) } })
        }

        func advance(_ seconds: Double) { time.withLock { $0 += seconds } }

        /// The lines printed, without the terminal's carriage return and erase.
        var lines: [String] {
            printed.withLock { $0 }.map { String($0.dropFirst(4)).trimmingSuffix("\n") }
        }
    }

    @Test func oneLongShardRedrawsAtLeastTwiceASecond() {
        let bench = Bench()
        var meter = ProgressMeter(bench.progress())
        // 8.4 s in one shard: a 30 KB document every 1/128 s (exact in binary), the task's only
        // `count` calls.
        var redraws: [Double] = []
        for _ in 0..<1075 {
            bench.advance(1.0 / 128)
            let before = bench.printed.withLock { $0.count }
            meter.count(textBytes: 30_000)
            if bench.printed.withLock({ $0.count }) > before { redraws.append(bench.time.withLock { $0 }) }
        }
        #expect(redraws.count >= 16, "\(redraws)")
        let gaps = zip([0] + redraws, redraws + [8.4]).map { $1 - $0 }
        #expect(gaps.allSatisfy { $0 <= 0.5 }, "\(gaps)")
    }

    @Test func theLineCountsTextBytesAndTheETAInputBytes() {
        let bench = Bench()
        let progress = bench.progress(totalBytes: 2_600_000)
        var meter = ProgressMeter(progress)
        // 1000 documents of 30 KB of text from a shard of 2.6 MB on disk, half of it read.
        for _ in 0..<1000 {
            bench.advance(0.005)
            meter.count(textBytes: 30_000)
        }
        meter.count(documents: 0, textBytes: 0, inputBytes: 1_300_000)
        meter.flush()
        progress.finish()
        let last = bench.lines.last ?? ""
        // 30 MB of text in 5 s; half the input read in 5 s leaves 5 s.
        #expect(last == "step 2 normalize: 1000 docs, 30.0 MB, 6.0 MB/s, ETA 0:05", "\(last)")
    }

    @Test func countsWaitForTheIntervalAndAllArriveAtTheEnd() {
        let bench = Bench()
        let progress = bench.progress()
        var meter = ProgressMeter(progress)
        for _ in 0..<5 { meter.count(textBytes: 100) }  // no time passes: nothing printed
        #expect(bench.lines.isEmpty)
        bench.advance(1)
        meter.flush()
        progress.finish()
        #expect(bench.lines.last == "step 2 normalize: 5 docs, 0.0 MB, 0.0 MB/s")
    }

    @Test func aSilentReporterPrintsNothing() {
        let bench = Bench()
        let progress = Progress(
            label: "x", totalBytes: nil, style: .silent, interval: nil, clock: { bench.time.withLock { $0 } },
            sink: { text in bench.printed.withLock { $0.append(text) } })
        var meter = ProgressMeter(progress)
        bench.advance(5)
        meter.count(textBytes: 10)
        progress.finish()
        #expect(bench.lines.isEmpty)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
