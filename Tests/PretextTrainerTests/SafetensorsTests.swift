import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextTrainer

/// The safetensors writer and reader: round trips, the exact byte layout, and refusals.
@Suite struct SafetensorsTests {
    /// A file of an 8-byte little-endian length, `json` and `data`, as another writer might make it.
    private func rawFile(_ json: String, data: [UInt8] = []) -> [UInt8] {
        SafetensorsFile.littleEndianBytes(UInt64(json.utf8.count)) + Array(json.utf8) + data
    }

    @Test func tensorsAndMetadataRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let tensors = [
            SafetensorsTensor(name: "z.weight", shape: [2, 3], values: [1, -2, 3.5, .pi, -0, 1e-30]),
            SafetensorsTensor(name: "a.bias", shape: [3], values: [0.25, .infinity, -.greatestFiniteMagnitude]),
            SafetensorsTensor(name: "scalar", shape: [], values: [42]),
            SafetensorsTensor(name: "empty", shape: [0, 4], values: []),
        ]
        let path = directory.file("model.safetensors")
        try SafetensorsFile(tensors: tensors, metadata: ["step": "7"]).write(to: path)
        let read = try SafetensorsFile(contentsOf: path)
        #expect(read.tensors.map(\.name) == ["a.bias", "empty", "scalar", "z.weight"])
        for tensor in tensors { #expect(read[tensor.name] == tensor) }
        #expect(read.metadata == ["format": "pt", "step": "7"])
        #expect(read.path == path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.safetensors"])
    }

    /// One tensor `a` of [1, −2]: the length, the padded header and the data, byte for byte.
    @Test func theLayoutIsTheSafetensorsFormat() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("one.safetensors")
        try SafetensorsFile(tensors: [SafetensorsTensor(name: "a", shape: [2], values: [1, -2])]).write(to: path)
        let bytes = try ExistingPath.bytes(path)
        let json = #"{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        // 85 bytes of JSON, padded with three spaces to 88, a multiple of 8.
        #expect(json.utf8.count == 85)
        #expect(Array(bytes[0..<8]) == [88, 0, 0, 0, 0, 0, 0, 0])
        #expect(Array(bytes[8..<96]) == Array(json.utf8) + [0x20, 0x20, 0x20])
        #expect(Array(bytes[96...]) == [0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0])
    }

    @Test func dataFollowsTheSortedNames() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("two.safetensors")
        let b = SafetensorsTensor(name: "b", shape: [1], values: [2])
        let a = SafetensorsTensor(name: "a", shape: [2], values: [1, 1])
        try SafetensorsFile(tensors: [b, a], metadata: ["x": "y"]).write(to: path)
        let header = String(decoding: try ExistingPath.bytes(path)[8...], as: UTF8.self)
        #expect(
            header.hasPrefix(
                #"{"__metadata__":{"format":"pt","x":"y"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
                    + #""b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#))
    }

    @Test func tensorsThatCannotBeWrittenAreRefusedWithoutAFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bad.safetensors")
        let wrongCount = SafetensorsTensor(name: "w", shape: [2, 2], values: [1, 2, 3])
        let twice = [SafetensorsTensor(name: "w", shape: [1], values: [1]), .init(name: "w", shape: [1], values: [2])]
        for tensors in [[wrongCount], twice] {
            let error = try #require(throws: PretextError.self) {
                try SafetensorsFile(tensors: tensors).write(to: path)
            }
            #expect(error.code == .invalidConfiguration)
            #expect(error.message.contains("'w'"))
            #expect(error.path == path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    static let malformed: [(name: String, json: String?, data: [UInt8], mentions: String)] = [
        ("short", nil, [1, 2, 3], "shorter than the 8-byte header length"),
        ("notJSON", "{not json}", [], "not a JSON object"),
        ("array", "[1, 2]", [], "not a JSON object"),
        (
            "f16", #"{"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}"#, [0, 0, 0, 0],
            "tensor 'h': its dtype is F16"
        ),
        ("noOffsets", #"{"t":{"dtype":"F32","shape":[1]}}"#, [0, 0, 0, 0], "tensor 't'"),
        ("spanMismatch", #"{"t":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#, [0, 0, 0, 0], "tensor 't'"),
        ("negative", #"{"t":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, [0, 0, 0, 0], "tensor 't'"),
        (
            "pastEnd", #"{"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, [0, 0, 0, 0],
            "tensor 't' ends at byte 8"
        ),
        (
            "overlap",
            #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
            [UInt8](repeating: 0, count: 8), "tensor 'b' overlaps tensor 'a'"
        ),
        ("gap", #"{"t":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#, [UInt8](repeating: 0, count: 8), "gap"),
        (
            "extraData", #"{"t":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, [UInt8](repeating: 0, count: 8),
            "cover 4 of the 8"
        ),
        ("metadata", #"{"__metadata__":{"format":1}}"#, [], "__metadata__"),
    ]

    @Test(arguments: malformed.indices)
    func malformedFilesAreRefusedNamingTheFile(index: Int) throws {
        let directory = try TemporaryDirectory()
        let example = Self.malformed[index]
        let bytes = example.json.map { rawFile($0, data: example.data) } ?? example.data
        let path = try directory.write("\(example.name).safetensors", bytes)
        let error = try #require(throws: PretextError.self) { try SafetensorsFile(contentsOf: path) }
        #expect(error.code == .corrupt)
        #expect(error.path == path)
        #expect(error.message.contains(example.mentions), "\(error)")
    }

    @Test func aHeaderLongerThanTheFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            "long.safetensors", SafetensorsFile.littleEndianBytes(1 << 40) + Array("{}".utf8))
        let error = try #require(throws: PretextError.self) { try SafetensorsFile(contentsOf: path) }
        #expect(error.code == .corrupt)
        #expect(error.message.contains("header length 1099511627776 exceeds the file"))
    }

    @Test func aMissingFileIsNotFound() throws {
        let directory = try TemporaryDirectory()
        let error = try #require(throws: PretextError.self) {
            try SafetensorsFile(contentsOf: directory.file("absent.safetensors"))
        }
        #expect(error.code == .notFound)
    }
}
