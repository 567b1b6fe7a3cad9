import PretextCore
import Testing

@testable import PretextText

@Suite struct SentenceBoundsTests {
    @Test func contiguousRangesUseOneVarintEach() throws {
        let ranges = [0..<13, 13..<26, 26..<300, 300..<301]
        let bytes = try SentenceBounds.encode(ranges)
        #expect(bytes == [0x01, 13, 13, 0x92, 0x02, 1])  // 274 = 2 << 7 | 0x12 → 0x92 0x02
        #expect(try SentenceBounds.decode(bytes) == ranges)
    }

    @Test func rangesWithGapsUseTheGeneralLayout() throws {
        let ranges = [2..<10, 12..<12, 20..<1_000_000]
        let bytes = try SentenceBounds.encode(ranges)
        #expect(bytes.first == 0x02)
        #expect(try SentenceBounds.decode(bytes) == ranges)
    }

    @Test func emptyListIsEmpty() throws {
        #expect(try SentenceBounds.encode([]) == [])
        #expect(try SentenceBounds.decode([]) == [])
    }

    @Test func roundTripsSegmenterOutput() throws {
        let segmenter = try Segmenter()
        let text = "First sentence. Second one!  Third?\n\nFourth, after a blank line."
        for trimmed in [false, true] {
            let ranges = try segmenter.sentences(in: text, trimmingWhitespace: trimmed)
            let bytes = try SentenceBounds.encode(ranges)
            #expect(bytes.first == (trimmed ? 0x02 : 0x01))
            #expect(try SentenceBounds.decode(bytes) == ranges)
        }
    }

    @Test(arguments: [1, 7, 99]) func seededRandomRoundTrips(seed: UInt64) throws {
        var state = seed
        func next() -> Int {  // SplitMix64: reproducible without Foundation
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) & 0xFFFF_FFFF)
        }
        var ranges: [Range<Int>] = []
        var end = 0
        for _ in 0..<1000 {
            let start = end + (next() % 4 == 0 ? next() % 1000 : 0)
            end = start + next() % 100_000
            ranges.append(start..<end)
        }
        #expect(try SentenceBounds.decode(SentenceBounds.encode(ranges)) == ranges)
    }

    @Test func rejectsUnsortedRanges() {
        #expect(throws: PretextError.self) { try SentenceBounds.encode([5..<10, 8..<12]) }
        #expect(throws: PretextError.self) { try SentenceBounds.encode([-1..<3]) }
    }

    @Test(
        arguments: [
            [0x03, 0x01],  // unknown layout
            [0x01, 0x80],  // truncated varint
            [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],  // past 64 bits
            [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x02],  // offset past Int.max
            [0x02, 0x05],  // general layout missing the length
        ] as [[UInt8]])
    func rejectsDamagedBytes(bytes: [UInt8]) {
        #expect {
            try SentenceBounds.decode(bytes)
        } throws: { error in
            (error as? PretextError)?.code == .corrupt
        }
    }
}
