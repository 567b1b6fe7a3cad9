import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

/// A 16-byte test record: a key and a payload.
private struct Pair: FixedWidthRecord {
    static let byteCount = 16
    var key: UInt64
    var payload: UInt64

    init(_ key: UInt64, _ payload: UInt64) {
        self.key = key
        self.payload = payload
    }

    init(loading pointer: UnsafeRawPointer) {
        key = pointer.loadUnaligned(as: UInt64.self)
        payload = pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    }

    func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: key, as: UInt64.self)
        pointer.storeBytes(of: payload, toByteOffset: 8, as: UInt64.self)
    }

    static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.key, lhs.payload) < (rhs.key, rhs.payload) }
}

@Suite("Work files between phases")
struct WorkFileTests {
    private func write(_ records: [Pair], in directory: String, name: String = "a.bin") throws -> WorkFileInfo {
        let writer = try WorkFileWriter<Pair>(directory: directory, name: name, group: 3, rank: 1)
        try writer.append(contentsOf: records)
        return try writer.finish()
    }

    @Test("records round-trip and the manifest entry describes the file")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let records = (0..<100_000).map { Pair(UInt64($0), UInt64($0 * 3)) }
        let info = try write(records, in: directory.path)
        #expect(info.records == 100_000 && info.bytes == 16 + 100_000 * 16 && info.group == 3 && info.rank == 1)
        let reader = try WorkFileReader<Pair>(directory: directory.path, info: info, phase: "test")
        #expect(try reader.readAll() == records)
        let empty = try write([], in: directory.path, name: "empty.bin")
        #expect(try WorkFileReader<Pair>(directory: directory.path, info: empty, phase: "test").next() == nil)
    }

    @Test("a flipped byte, a truncated file and a missing file are refused, naming the file")
    func damage() throws {
        let directory = try TemporaryDirectory()
        let info = try write((0..<1000).map { Pair(UInt64($0), 0) }, in: directory.path)
        let path = directory.path + "/a.bin"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[5000] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try WorkFileReader<Pair>(directory: directory.path, info: info, phase: "signatures")
        do {
            _ = try reader.readAll()
            Issue.record("a damaged file was read")
        } catch let error as PretextError {
            #expect(error.code == .corrupt)
            #expect(error.message.contains("phase 'signatures' is damaged"))
            #expect(error.path == path)
        }
        try Data(bytes.prefix(3000)).write(to: URL(fileURLWithPath: path))
        #expect(throws: PretextError.self) {
            _ = try WorkFileReader<Pair>(directory: directory.path, info: info, phase: "signatures")
        }
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: PretextError.self) {
            _ = try WorkFileReader<Pair>(directory: directory.path, info: info, phase: "signatures")
        }
    }

    @Test("partitioned runs spill past the budget and merge back in order")
    func externalSort() throws {
        let directory = try TemporaryDirectory()
        let runs = PartitionedRunWriter<Pair>(
            directory: directory.path, prefix: "run", rank: 0, partitions: 2, budgetBytes: 1)
        var random = SplitMix64(seed: 12345)
        var expected: [[Pair]] = [[], []]
        for index in 0..<10_000 {
            let pair = Pair(random.next() >> 40, UInt64(index))
            try runs.append(pair, partition: Int(pair.key % 2))
            expected[Int(pair.key % 2)].append(pair)
        }
        let files = try runs.finish()
        #expect(files.count > 4)
        for partition in 0..<2 {
            let readers = try files.filter { $0.group == partition }.map {
                try WorkFileReader<Pair>(directory: directory.path, info: $0, phase: "test")
            }
            var merger = try WorkFileMerger(readers)
            var merged: [Pair] = []
            while let pair = try merger.next() { merged.append(pair) }
            #expect(merged == expected[partition].sorted())
        }
    }

    @Test("manifests round-trip; incomplete phases and damaged manifests are refused")
    func manifests() throws {
        let directory = try TemporaryDirectory()
        let work = WorkArea(root: directory.path + "/work/abc")
        try work.createDirectory(of: "signatures")
        let info = WorkFileInfo(name: "a.bin", group: 2, bytes: 48, records: 2, checksum: "0123456789abcdef", rank: 0)
        try work.writeManifest(PhaseManifest(phase: "signatures", rank: 0, worldSize: 2, files: [info]))
        #expect(try work.manifest(phase: "signatures", rank: 0)?.files == [info])
        #expect(try work.missingRanks(phase: "signatures", worldSize: 2) == [1])
        #expect(throws: PretextError.self) { try work.files(phase: "signatures", worldSize: 2) }
        #expect(throws: PretextError.self) { try work.files(phase: "signatures", worldSize: 1) }
        let path = work.directory(of: "signatures") + "/manifest-r00000.txt"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try String(text.dropLast(7)).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: PretextError.self) { try work.manifest(phase: "signatures", rank: 0) }
    }
}

@Suite("Work blobs")
struct WorkBlobTests {
    @Test("a blob round-trips and a flipped byte is refused")
    func blobs() throws {
        let directory = try TemporaryDirectory()
        let work = WorkArea(root: directory.path + "/work/x")
        try work.createDirectory(of: "final")
        let bytes = Array("{\"counts\": [1, 2, 3]}".utf8)
        let info = try work.writeBlob(bytes, phase: "final", name: "counts-r0.json", rank: 0)
        #expect(try work.readBlob(info, phase: "final") == bytes)
        let path = work.directory(of: "final") + "/counts-r0.json"
        var file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        file[20] ^= 1
        try Data(file).write(to: URL(fileURLWithPath: path))
        #expect(throws: PretextError.self) { try work.readBlob(info, phase: "final") }
    }
}
