import Dispatch
import PretextCore
import PretextTestSupport
import Synchronization
import Testing
import _PretextFileSystem

/// The file-system layer, against what Foundation sees of the same files.
@Suite struct FileSystemTests {
    @Test func entriesTellDirectoriesFilesAndSizes() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a/b.txt", "12345")
        #expect(FileSystem.entry(at: dir.file("a"))?.kind == .directory)
        let file = FileSystem.entry(at: dir.file("a/b.txt"))
        #expect(file?.kind == .regularFile && file?.size == 5)
        #expect(FileSystem.entry(at: dir.file("nope")) == nil)
        #expect(FileSystem.entry(at: "/dev/null")?.kind == .other)
        #expect(FileSystem.isDirectory(dir.file("a")) && !FileSystem.isDirectory(dir.file("a/b.txt")))
        #expect(FileSystem.exists(dir.file("a/b.txt")) && !FileSystem.exists(dir.file("a/c.txt")))
    }

    @Test func listingIsSortedKeepsHiddenNamesAndTreatsMissingAsEmpty() throws {
        let dir = try TemporaryDirectory()
        for name in ["b", ".hidden", "a", "c/d"] { try dir.write(name, "x") }
        #expect(try FileSystem.listDirectory(dir.path) == [".hidden", "a", "b", "c"])
        #expect(try FileSystem.listDirectory(dir.file("missing")) == [])
        #expect(FileSystem.directoryEntries(dir.file("missing")) == .failure(.noSuchFile))
        #expect(throws: PretextError.self) { try FileSystem.listDirectory(dir.file("a")) }
    }

    @Test func createAndRemoveTrees() throws {
        let dir = try TemporaryDirectory()
        try FileSystem.createDirectory(dir.file("x/y/z"))
        try FileSystem.createDirectory(dir.file("x/y/z"))
        #expect(ExistingPath.isDirectory(dir.file("x/y/z")))
        try dir.write("x/y/file", "data")
        try dir.write("x/.hidden", "data")
        try FileSystem.removeTree(dir.file("x"))
        #expect(!FileSystem.exists(dir.file("x")))
        try FileSystem.removeTree(dir.file("x"))
        try FileSystem.removeFile(dir.file("never-there"))
    }

    @Test func atomicWritesReplaceWholeFilesAndLeaveNoTemporary() throws {
        let dir = try TemporaryDirectory()
        try FileSystem.writeAtomically(Array("first".utf8), to: dir.file("f"))
        try FileSystem.writeAtomically(Array("second".utf8), to: dir.file("f"))
        #expect(try ExistingPath.bytes(dir.file("f")) == Array("second".utf8))
        #expect(try FileSystem.readFile(dir.file("f")) == Array("second".utf8))
        #expect(try FileSystem.listDirectory(dir.path) == ["f"])
        let tooLarge = try #require(throws: PretextError.self) { try FileSystem.readFile(dir.file("f"), limit: 3) }
        #expect(tooLarge.code == .limitExceeded)
        let missing = try #require(throws: PretextError.self) { try FileSystem.readFile(dir.file("g")) }
        #expect(missing.code == .notFound && missing.path == dir.file("g"))
    }

    @Test func aCopyIsWholeAndSynced() throws {
        let dir = try TemporaryDirectory()
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try dir.write("source", bytes)
        try FileSystem.copyFile(dir.file("source"), to: dir.file("copy"))
        #expect(try ExistingPath.bytes(dir.file("copy")) == bytes)
        #expect(try FileSystem.linkOrCopy(dir.file("source"), to: dir.file("link")))
        #expect(throws: PretextError.self) { try FileSystem.linkOrCopy(dir.file("missing"), to: dir.file("other")) }
    }

    @Test func descriptorsReadExactlyOrSayWhatIsMissing() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("f", Array(0..<100))
        let file = try FileDescriptor.openForReading(path)
        #expect(try file.size() == 100)
        var buffer = [UInt8](repeating: 0, count: 10)
        try buffer.withUnsafeMutableBytes { try file.read(into: $0, at: 90) }
        #expect(buffer == Array(90..<100))
        let short = try #require(throws: PretextError.self) {
            try buffer.withUnsafeMutableBytes { try file.read(into: $0, at: 95) }
        }
        #expect(short.code == .corrupt && short.offset == 100)
        #expect(try buffer.withUnsafeMutableBytes { try file.readSome(into: $0).get() } == 10)
        let missing = try #require(throws: PretextError.self) { try FileDescriptor.openForReading(dir.file("nope")) }
        #expect(missing.code == .notFound)
    }

    @Test func textFilesAreCheckedUTF8() throws {
        let dir = try TemporaryDirectory()
        #expect(try FileText.read(try dir.write("ok.yaml", "name: 名前\n")) == "name: 名前\n")
        let bad = try #require(throws: PretextError.self) { try FileText.read(try dir.write("bad", [0xFF, 0xFE])) }
        #expect(bad.code == .malformedInput)
        let missing = try #require(throws: PretextError.self) { try FileText.read(dir.file("missing")) }
        #expect(missing.code == .notFound && missing.message.contains("cannot open file"))
    }

    @Test func theLockLetsOneHolderInAtATime() throws {
        let dir = try TemporaryDirectory()
        let holders = Atomic(0)
        let overlaps = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<20 {
                try? FileLock.withLock(at: dir.file("lock")) {
                    if holders.add(1, ordering: .sequentiallyConsistent).newValue > 1 {
                        overlaps.add(1, ordering: .relaxed)
                    }
                    holders.subtract(1, ordering: .sequentiallyConsistent)
                }
            }
        }
        #expect(overlaps.load(ordering: .relaxed) == 0)
        #expect(FileSystem.exists(dir.file("lock")))
    }

    @Test func tryLockNeverWaitsAndSaysWhoHoldsIt() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("rank-00000")
        #expect(try !FileLock.isHeld(at: path))
        let held = try #require(try FileLock.tryLock(at: path))
        try held.record("pid: 1\nhost: a much longer first record\n")
        try held.record("pid: 2\n")
        #expect(try ExistingPath.bytes(path) == Array("pid: 2\n".utf8))
        // Another open file description, even in this process, finds it taken.
        #expect(try FileLock.tryLock(at: path) == nil)
        #expect(try FileLock.isHeld(at: path))
        held.release()
        held.release()
        #expect(try !FileLock.isHeld(at: path))
        let again = try #require(try FileLock.tryLock(at: path))
        #expect(try ExistingPath.bytes(path) == Array("pid: 2\n".utf8), "the file and its record stay")
        again.release()
    }
}
