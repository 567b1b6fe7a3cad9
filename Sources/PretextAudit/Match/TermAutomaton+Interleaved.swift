extension TermAutomaton {
    /// Texts shorter than this (in bytes) are scanned in one chain: below it, the chains'
    /// warm-up costs more than the overlap saves.
    static let interleavingThreshold = 512

    /// The most bytes a chain reads in one round (raised for very long patterns), which
    /// bounds the hit buffer at 3 × 8 bytes per chain byte.
    static let roundChainLength = 2048

    /// `scan` as four interleaved dependency chains, for texts of at least
    /// `interleavingThreshold` and 16 × `maxPatternLength` bytes.
    ///
    /// A single scan waits for each table load before it can start the next, so it runs at the
    /// latency of a load per byte. Here the text is scanned in rounds of four consecutive
    /// segments, and one loop steps four independent automata, one per segment, so that four
    /// loads are in flight at once.
    ///
    /// Chain k > 0 starts from the root `maxPatternLength - 1` bytes before its segment and
    /// keeps only the occurrences that end inside the segment: every pattern is at most
    /// `maxPatternLength` bytes long, so from the segment's first end offset on, the chain
    /// reports exactly the patterns a single scan reports there (they are suffixes of the bytes
    /// it has read). Chain 0 goes on from the state the last chain of the previous round ended
    /// in, which is the single scan's state: a chain that has read at least `maxPatternLength`
    /// bytes (the trie's depth) is in the same state as one that has read the whole text.
    /// Chain 0 calls `found` at once; the others collect their hits and report them at the end
    /// of the round, segment after segment, so `found` sees the same sequence as in
    /// `scanSingleChain`.
    func scanInterleaved(_ text: UnsafeRawBufferPointer, _ found: (Int, Int) -> Void) {
        let count = text.count
        let warmUp = Swift.max(maxPatternLength - 1, 0)
        // Rounds of equal size, each chain reading `length` bytes: a round covers
        // 4 × length - 3 × warmUp bytes, at most count / rounds. The caller checked
        // count >= 16 × maxPatternLength, so length >= 4 × maxPatternLength > warmUp.
        let longest = Swift.max(Self.roundChainLength, 16 * maxPatternLength)
        let rounds = (count + 4 * longest - 3 * warmUp - 1) / (4 * longest - 3 * warmUp)
        let length = (count / rounds + 3 * warmUp) / 4
        let hits = UnsafeMutablePointer<UInt64>.allocate(capacity: 3 * length)
        defer { hits.deallocate() }
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                // The caller checked count >= interleavingThreshold > 0, so there is a base address.
                let bytes = text.baseAddress!.assumingMemoryBound(to: UInt8.self)
                var row = 0
                var roundStart = 0
                while count - roundStart >= 4 * length - 3 * warmUp {
                    row = scanRound(
                        Round(bytes: bytes + roundStart, offset: roundStart, length: length, warmUp: warmUp),
                        from: row, table: table, classes: classes, hits: hits, found)
                    roundStart += 4 * length - 3 * warmUp
                }
                for index in roundStart..<count {
                    // In bounds as in scanSingleChain.
                    let entry = table[row &+ Int(classes[Int(bytes[index])])]
                    row = Int(entry & Self.offsetMask)
                    if entry & Self.outputFlag != 0 { emit(state: row / stride, end: index + 1, found) }
                }
            }
        }
    }

    /// Where a round of `scanInterleaved` reads: four chains of `length` bytes from `bytes`,
    /// chain k from byte k × (length - warmUp).
    struct Round {
        /// The round's first byte.
        var bytes: UnsafePointer<UInt8>
        /// The offset of that byte in the text.
        var offset: Int
        /// The bytes each chain reads.
        var length: Int
        /// The bytes chains 1–3 read before their segment.
        var warmUp: Int
        /// The distance from one chain's first byte to the next one's.
        var step: Int { length - warmUp }
    }

    /// Scans one round: chain 0 from `row` (reporting its occurrences at once), chains 1–3
    /// from the root into `hits` (3 × length entries), reported after chain 0's.
    /// - Returns: The state after the round's last byte (chain 3's).
    @inline(__always)
    private func scanRound(
        _ round: Round, from row: Int, table: UnsafeBufferPointer<UInt32>, classes: UnsafeBufferPointer<UInt8>,
        hits: UnsafeMutablePointer<UInt64>, _ found: (Int, Int) -> Void
    ) -> Int {
        // In bounds as in scanSingleChain: classes has 256 entries, and every table entry is
        // a row offset plus a class below stride.
        @inline(__always) func next(_ row: Int, _ byte: UInt8) -> UInt32 { table[row &+ Int(classes[Int(byte)])] }
        let bytes1 = round.bytes + round.step
        let bytes2 = bytes1 + round.step
        let bytes3 = bytes2 + round.step
        let hits2 = hits + round.length
        let hits3 = hits2 + round.length
        var (row0, row1, row2, row3) = (row, 0, 0, 0)
        var (count1, count2, count3) = (0, 0, 0)
        for index in 0..<round.length {
            let entry0 = next(row0, round.bytes[index])
            let entry1 = next(row1, bytes1[index])
            let entry2 = next(row2, bytes2[index])
            let entry3 = next(row3, bytes3[index])
            row0 = Int(entry0 & Self.offsetMask)
            row1 = Int(entry1 & Self.offsetMask)
            row2 = Int(entry2 & Self.offsetMask)
            row3 = Int(entry3 & Self.offsetMask)
            guard (entry0 | entry1 | entry2 | entry3) & Self.outputFlag != 0 else { continue }
            if entry0 & Self.outputFlag != 0 { emit(state: row0 / stride, end: round.offset + index + 1, found) }
            // Each chain adds at most one hit per byte, so count_k < length: in its third of `hits`.
            if entry1 & Self.outputFlag != 0 {
                hits[count1] = Self.hit(index, row1)
                count1 &+= 1
            }
            if entry2 & Self.outputFlag != 0 {
                hits2[count2] = Self.hit(index, row2)
                count2 &+= 1
            }
            if entry3 & Self.outputFlag != 0 {
                hits3[count3] = Self.hit(index, row3)
                count3 &+= 1
            }
        }
        report(hits, count1, chainStart: round.offset + round.step, warmUp: round.warmUp, found)
        report(hits2, count2, chainStart: round.offset + 2 * round.step, warmUp: round.warmUp, found)
        report(hits3, count3, chainStart: round.offset + 3 * round.step, warmUp: round.warmUp, found)
        return row3
    }

    /// A hit packed in 64 bits: the row offset (31 bits) above the index in the chain.
    @inline(__always)
    private static func hit(_ index: Int, _ row: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: row) << 32 | UInt64(truncatingIfNeeded: index)
    }

    /// Calls `found` for the patterns of each of the `count` hits of a chain that starts at
    /// `chainStart`, except those in its first `warmUp` bytes (ending before its segment).
    private func report(
        _ hits: UnsafeMutablePointer<UInt64>, _ count: Int, chainStart: Int, warmUp: Int, _ found: (Int, Int) -> Void
    ) {
        for slot in 0..<count {
            let index = Int(truncatingIfNeeded: hits[slot] & 0xFFFF_FFFF)
            guard index >= warmUp else { continue }
            emit(state: Int(truncatingIfNeeded: hits[slot] >> 32) / stride, end: chainStart + index + 1, found)
        }
    }
}
