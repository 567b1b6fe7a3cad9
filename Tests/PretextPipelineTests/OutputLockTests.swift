import Foundation
import PretextCore
import PretextStages
import PretextStore
import PretextTestSupport
import Testing
import _PretextFileSystem

@testable import PretextPipeline

/// One run per output folder and rank at a time (issue 12, case 7): a held rank stops a second
/// writer at once, naming the holder; other ranks and released locks do not.
@Suite struct OutputLockTests {
    /// A holder that is not this process, as another run would record itself.
    let stranger = LockHolder(
        pid: 4242, host: "node7", started: "2026-01-02T03:04:05Z", command: "pretext run other.yaml",
        config: nil)

    /// A pipeline ingesting `files` small JSONL files into `DIRECTORY/out`.
    func pipeline(_ directory: TemporaryDirectory, workers: Int, frameBytes: Int = 4096) throws -> PipelineFile {
        for file in 0..<2 {
            let lines = (0..<30).map { "{\"id\":\"f\(file)-\($0)\",\"text\":\"words of line \($0) in \(file)\"}\n" }
            try directory.write("in/part-\(file).jsonl", lines.joined())
        }
        let text = """
            output: \(directory.path)/out
            inputs: [{path: \(directory.path)/in, source: generated}]
            execution: {workers: \(workers), frame_bytes: \(frameBytes)}
            stages:
              - stage: ingest
            """
        return try PipelineParser().parse(text, path: "test.yaml")
    }

    func run(_ file: PipelineFile, _ settings: RunSettings = RunSettings()) throws -> [StepReport] {
        var settings = settings
        settings.progressStyle = .silent
        return try PipelineRunner().run(file, settings: settings)
    }

    @Test func holderRoundTripsThroughTheLockFile() throws {
        var holder = stranger
        holder.command = "pretext run\na.yaml"
        holder.config = "abc-w2"
        let parsed = try #require(LockHolder(parsing: holder.encoded))
        #expect(parsed.command == "pretext run a.yaml")
        #expect(parsed.config == "abc-w2")
        #expect(parsed.pid == 4242 && parsed.host == "node7" && parsed.started == holder.started)
        #expect(LockHolder(parsing: "") == nil)
        let me = LockHolder.current()
        #expect(me.pid == getpid())
        #expect(me.started.count == 20 && me.started.hasSuffix("Z"))
    }

    @Test func aHeldRankStopsASecondRunAtOnceAndNamesTheHolder() throws {
        let directory = try TemporaryDirectory()
        let file = try pipeline(directory, workers: 2)
        let held = try OutputLock.acquire(folder: file.output, ranks: [1], holder: stranger)
        let error = try #require(throws: PretextError.self) { try run(file) }
        #expect(error.code == .locked)
        #expect(error.path == file.output)
        #expect(error.message.contains("rank 1 of this output is being written by another run"))
        #expect(error.message.contains("pid 4242 on host node7, started 2026-01-02T03:04:05Z"))
        #expect(error.message.contains("command: pretext run other.yaml"))
        #expect(!FileSystem.exists(file.output + "/01-ingest"), "nothing was written")
        // The rank this process took before it met the held one is free again.
        #expect(try !FileLock.isHeld(at: OutputLock.lockPath(file.output, rank: 0)))

        held.release()
        let reports = try run(file)
        #expect(reports[0].merged && reports[0].kept == 60)
        #expect(try DatasetVerifier.verify(reports[0].dataset).isClean)
    }

    @Test func aPipelineThatCannotRunLeavesNoOutputFolder() throws {
        let directory = try TemporaryDirectory()
        let text = """
            output: \(directory.path)/out
            stages:
              - stage: ingest
            """
        let file = try PipelineParser().parse(text, path: "p.yaml")
        #expect(throws: PretextError.self) { try run(file) }
        #expect(!FileSystem.exists(directory.path + "/out"))
    }

    @Test func differentRanksDoNotBlockEachOther() throws {
        let directory = try TemporaryDirectory()
        let file = try pipeline(directory, workers: 1)
        let rank1 = try OutputLock.acquire(folder: file.output, ranks: [1], holder: stranger)
        let first = try run(file, RunSettings(rank: 0, worldSize: 2))
        #expect(first[0].ranksRun == [0] && !first[0].merged)
        #expect(throws: PretextError.self) { try run(file, RunSettings(rank: 1, worldSize: 2)) }
        rank1.release()
        let last = try run(file, RunSettings(rank: 1, worldSize: 2))
        #expect(last[0].merged)
        #expect(try DatasetVerifier.verify(last[0].dataset).isClean)
    }

    @Test func aStepFolderIsLockedForStageRunsToo() throws {
        let directory = try TemporaryDirectory()
        let file = try pipeline(directory, workers: 1)
        let step = file.output + "/01-ingest"
        let held = try OutputLock.acquire(folder: step, ranks: [0], holder: stranger)
        let error = try #require(throws: PretextError.self) { try run(file) }
        #expect(error.code == .locked && error.path == step)
        held.release()
        #expect(try run(file)[0].merged)
    }

    @Test func overwriteLeavesADatasetAnotherRunIsWriting() throws {
        let directory = try TemporaryDirectory()
        let old = try pipeline(directory, workers: 1)
        let written = try run(old)[0].dataset
        let new = try pipeline(directory, workers: 1, frameBytes: 8192)
        let step = written.root
        let other = try OutputLock.acquire(
            folder: step, ranks: [1], holder: LockHolder(pid: 1, host: "h", started: "t", command: "c", config: "x-w2"))
        let error = try #require(throws: PretextError.self) { try run(new, RunSettings(overwrite: true)) }
        #expect(error.code == .locked)
        #expect(error.message.contains("--overwrite cannot replace this dataset: rank 1"))
        #expect(try written.openCatalog(readOnly: true).query("SELECT count(*) FROM documents").rows[0][0].int == 60)

        other.release()
        let replaced = try run(new, RunSettings(overwrite: true))
        #expect(replaced[0].merged && replaced[0].ranksRun == [0])
        #expect(FileSystem.exists(OutputLock.lockPath(step, rank: 0)), "overwrite keeps the lock files")
    }

    @Test func overwriteGoesAheadBesideRanksOfTheSameRun() throws {
        let directory = try TemporaryDirectory()
        // The configuration hash of the new run, from a run of it elsewhere (same inputs).
        let new = try pipeline(directory, workers: 1, frameBytes: 8192)
        var elsewhere = new
        elsewhere.output = directory.path + "/elsewhere"
        let hash = try #require(try run(elsewhere)[0].dataset.openCatalog(readOnly: true).runs().first).configHash

        let old = try pipeline(directory, workers: 1)
        _ = try run(old)
        let sibling = try OutputLock.acquire(
            folder: new.output + "/01-ingest", ranks: [1],
            holder: LockHolder(pid: 1, host: "h", started: "t", command: "c", config: "\(hash)-w2"))
        let first = try run(new, RunSettings(rank: 0, worldSize: 2, overwrite: true))
        #expect(first[0].ranksRun == [0] && !first[0].merged)
        sibling.release()
        let last = try run(new, RunSettings(rank: 1, worldSize: 2, overwrite: true))
        #expect(last[0].merged)
        #expect(try DatasetVerifier.verify(last[0].dataset).isClean)
    }
}
