import Testing

@testable import PretextPipeline

@Suite struct SlurmArrayTests {
    @Test func readsMaxArraySizeFromScontrolShowConfig() {
        let text = """
            Configuration data as of 2026-12-04T04:34:50
            AccountingStorageType   = accounting_storage/none
            MaxArraySize            = 5
            MaxJobCount             = 10000
            """
        #expect(SlurmClient.maxArraySize(showConfig: text) == 5)
        #expect(SlurmClient.maxArraySize(showConfig: "MaxJobCount = 10000\n") == nil)
        #expect(SlurmClient.maxArraySize(showConfig: "MaxArraySize=1001") == 1001)
    }

    @Test func splitsRanksAtMaxArraySizeWithOffsets() {
        let chunks = SlurmChunk.split(ranks: Array(0..<2500), maxArraySize: 1001)
        #expect(chunks.map(\.offset) == [0, 1001, 2002])
        #expect(chunks.map(\.indices) == ["0-1000", "0-1000", "0-497"])
        #expect(chunks.flatMap(\.ranks) == Array(0..<2500))
        #expect(chunks.allSatisfy { chunk in chunk.ranks.allSatisfy { $0 - chunk.offset < 1001 } })
    }

    @Test func aStepOfExactlyMaxArraySizeTasksIsOneArray() {
        #expect(SlurmChunk.split(ranks: Array(0..<5), maxArraySize: 5) == [SlurmChunk(offset: 0, indices: "0-4")])
        #expect(SlurmChunk.split(ranks: Array(0..<6), maxArraySize: 5).map(\.indices) == ["0-4", "0"])
    }

    @Test func resubmittedRanksKeepTheirChunkAndSkipEmptyChunks() {
        let chunks = SlurmChunk.split(ranks: [7, 3, 1500, 1501, 1503], maxArraySize: 1001)
        #expect(chunks == [SlurmChunk(offset: 0, indices: "3,7"), SlurmChunk(offset: 1001, indices: "499-500,502")])
        #expect(chunks[1].ranks == [1500, 1501, 1503])
        #expect(SlurmChunk.split(ranks: [4000], maxArraySize: 1001) == [SlurmChunk(offset: 3003, indices: "997")])
    }

    @Test func arraySpecAddsTheThrottle() {
        let chunk = SlurmChunk(offset: 0, indices: "0-3")
        #expect(chunk.arraySpec(maxParallel: 2) == "0-3%2")
        #expect(chunk.arraySpec(maxParallel: nil) == "0-3")
        #expect(SlurmChunk().arraySpec(maxParallel: 2) == nil, "a plain job has no --array")
    }

    @Test(arguments: [
        ([0, 1, 2, 3, 7, 9, 10], "0-3,7,9-10"), ([5], "5"), ([], ""), ([3, 1, 2, 2], "1-3"),
    ])
    func indexListsRoundTrip(values: [Int], text: String) {
        #expect(SlurmIndexList.text(values) == text)
        #expect(SlurmIndexList.values(text) == Array(Set(values)).sorted())
    }

    @Test func indexListsIgnoreTheThrottleAndRefuseGarbage() {
        #expect(SlurmIndexList.values("0-3%2") == [0, 1, 2, 3])
        #expect(SlurmIndexList.values("3-1") == nil)
        #expect(SlurmIndexList.values("a") == nil)
        #expect(SlurmIndexList.values("1--2") == nil)
    }

    @Test func parsesSqueueLinesWithArrayTasksAndRanges() {
        let queue = SlurmQueue(
            parsing: """
                7_[2-3%2] PENDING JobArrayTaskLimit
                7_0 RUNNING None
                7_1 COMPLETED None
                9 PENDING Dependency
                12 CANCELLED DependencyNeverSatisfied
                13 PENDING launch failed requeued held
                slurm_load_jobs error: Invalid job id specified
                """)
        #expect(queue.entries.count == 7)
        #expect(queue.entry(jobID: "7", index: 3)?.state == "PENDING")
        #expect(queue.entry(jobID: "7", index: 0)?.isRunning == true)
        #expect(queue.entry(jobID: "7", index: 1)?.isActive == false)
        #expect(queue.entry(jobID: "9", index: nil)?.reason == "Dependency")
        #expect(queue.entry(jobID: "12", index: nil)?.isActive == false)
        #expect(queue.entry(jobID: "13", index: nil)?.reason == "launch failed requeued held")
        #expect(queue.entries(jobID: "7").count == 4)
    }

    @Test func readsTheJobIdSbatchPrints() {
        #expect(SlurmClient.jobID(sbatchOutput: "123\n") == "123")
        #expect(SlurmClient.jobID(sbatchOutput: "123;cluster\n") == "123")
        #expect(SlurmClient.jobID(sbatchOutput: "sbatch: error: x\n") == nil)
    }
}
