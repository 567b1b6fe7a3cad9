import PretextCore

extension SafetensorsFile {
    /// The largest header accepted, as the safetensors library limits it (100 MB).
    static let maximumHeaderLength = 100_000_000

    /// The first bytes of the file: the 8-byte little-endian length, then the JSON header
    /// padded with spaces so that the data starts at a multiple of 8.
    ///
    /// `{"__metadata__":{…},"name":{"dtype":"F32","shape":[…],"data_offsets":[b,e]},…}`: metadata
    /// keys and tensor names sorted, compact, offsets contiguous in name order from 0.
    /// - Throws: `.invalidConfiguration` naming the tensor for an empty, reserved or repeated
    ///   name, a negative dimension, or values that are not the shape's count.
    func headerBytes() throws -> [UInt8] {
        try validateForWriting()
        var json: [UInt8] = Array("{".utf8)
        appendMetadata(to: &json)
        var offset = 0
        for tensor in tensors {
            json.append(UInt8(ascii: ","))
            JSONStringEncoder.appendQuoted(tensor.name, to: &json)
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            let entry =
                ":{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + tensor.byteCount)]}"
            json.append(contentsOf: entry.utf8)
            offset += tensor.byteCount
        }
        json.append(UInt8(ascii: "}"))
        while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }
        return Self.littleEndianBytes(UInt64(json.count)) + json
    }

    /// Appends `"__metadata__":{…}` with the keys sorted.
    private func appendMetadata(to json: inout [UInt8]) {
        JSONStringEncoder.appendQuoted(Self.metadataKey, to: &json)
        json.append(contentsOf: ":{".utf8)
        for (index, key) in metadata.keys.sorted().enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            JSONStringEncoder.appendQuoted(key, to: &json)
            json.append(UInt8(ascii: ":"))
            JSONStringEncoder.appendQuoted(metadata[key] ?? "", to: &json)
        }
        json.append(UInt8(ascii: "}"))
    }

    /// Throws for what a reader would refuse.
    private func validateForWriting() throws {
        var previous: String?
        for tensor in tensors {
            guard !tensor.name.isEmpty, tensor.name != Self.metadataKey, tensor.name != previous else {
                throw invalid(tensor, "its name is empty, reserved or used twice")
            }
            guard tensor.shape.allSatisfy({ $0 >= 0 }), tensor.shape.reduce(1, *) == tensor.values.count else {
                throw invalid(tensor, "its shape \(tensor.shape) does not hold its \(tensor.values.count) values")
            }
            previous = tensor.name
        }
    }

    private func invalid(_ tensor: SafetensorsTensor, _ reason: String) -> PretextError {
        PretextError(.invalidConfiguration, "cannot write tensor '\(tensor.name)': \(reason)", path: path)
    }

    /// The 8 bytes of `value`, least significant first.
    static func littleEndianBytes(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }
}
