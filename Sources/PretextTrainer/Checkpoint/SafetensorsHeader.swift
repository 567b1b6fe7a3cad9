import Foundation
import PretextCore

/// The parsed JSON header of a safetensors file being read: each tensor's entry and the
/// metadata, checked against the data that follows the header.
struct SafetensorsHeader {
    /// One tensor's entry: name, shape and byte range in the data.
    struct Entry {
        var name: String
        var shape: [Int]
        var begin: Int
        var end: Int
        /// The number of values (`shape` multiplied out).
        var count: Int { shape.reduce(1, *) }
    }

    /// The entries, sorted by name.
    var entries: [Entry]
    /// The `__metadata__` strings (empty when absent).
    var metadata: [String: String]

    /// Parses the header `json` of the file at `path`.
    /// - Throws: `.corrupt` naming the file (and the tensor, where one is at fault) when the
    ///   header is not a JSON object of entries, an entry's dtype is not `F32`, or its shape and
    ///   offsets disagree.
    init(json: [UInt8], path: String) throws {
        let decoded: DecodedHeader
        do {
            decoded = try JSONDecoder().decode(DecodedHeader.self, from: Data(json))
        } catch let problem as HeaderProblem {
            throw PretextError(.corrupt, "not a safetensors file: \(problem.reason)", path: path)
        } catch {
            throw PretextError(.corrupt, "not a safetensors file: its header is not a JSON object", path: path)
        }
        metadata = decoded.metadata
        entries = try decoded.tensors.keys.sorted().map { name in
            try Self.entry(name, decoded.tensors[name]!, path: path)
        }
    }

    /// Checks one decoded entry: dtype `F32`, dimensions at least 0, two offsets that span
    /// exactly the shape's values.
    private static func entry(_ name: String, _ raw: DecodedEntry, path: String) throws -> Entry {
        func refuse(_ reason: String) -> PretextError {
            PretextError(.corrupt, "tensor '\(name)': \(reason)", path: path)
        }
        guard raw.dtype == "F32" else {
            throw refuse("its dtype is \(raw.dtype); only F32 tensors can be read")
        }
        guard raw.shape.allSatisfy({ $0 >= 0 }), raw.dataOffsets.count == 2 else {
            throw refuse("needs non-negative dimensions and two data_offsets")
        }
        let (begin, end) = (raw.dataOffsets[0], raw.dataOffsets[1])
        let bytes = raw.shape.reduce((value: 4, overflow: false)) { product, dimension in
            let next = product.value.multipliedReportingOverflow(by: dimension)
            return (next.partialValue, product.overflow || next.overflow)
        }
        guard begin >= 0, end >= begin, !bytes.overflow, end - begin == bytes.value else {
            throw refuse("data_offsets [\(begin), \(end)] do not span the \(raw.shape) values of 4 bytes")
        }
        return Entry(name: name, shape: raw.shape, begin: begin, end: end)
    }

    /// Checks that the entries cover the `dataSize` bytes after the header exactly, one after
    /// another without overlaps or gaps, as the safetensors library requires.
    /// - Throws: `.corrupt` naming the file and the tensor at fault.
    func validate(dataSize: Int, path: String) throws {
        var expected = 0
        var previous: String?
        for entry in entries.sorted(by: { ($0.begin, $0.end) < ($1.begin, $1.end) }) {
            guard entry.begin == expected else {
                let problem =
                    entry.begin < expected
                    ? "overlaps tensor '\(previous ?? "")'" : "starts at byte \(entry.begin) of the data, leaving a gap"
                throw PretextError(.corrupt, "tensor '\(entry.name)' \(problem)", path: path)
            }
            guard entry.end <= dataSize else {
                throw PretextError(
                    .corrupt, "tensor '\(entry.name)' ends at byte \(entry.end), past the \(dataSize) bytes of data",
                    path: path)
            }
            expected = entry.end
            previous = entry.name
        }
        guard expected == dataSize else {
            throw PretextError(
                .corrupt, "the tensors cover \(expected) of the \(dataSize) bytes of data after the header", path: path)
        }
    }
}

/// A header problem found while decoding, reported with the file's path by the caller.
private struct HeaderProblem: Error {
    var reason: String
}

/// The header object as JSON gives it: tensor entries by name and the metadata.
private struct DecodedHeader: Decodable {
    var tensors: [String: DecodedEntry] = [:]
    var metadata: [String: String] = [:]

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NameKey.self)
        for key in container.allKeys {
            if key.stringValue == SafetensorsFile.metadataKey {
                guard let metadata = try? container.decode([String: String].self, forKey: key) else {
                    throw HeaderProblem(reason: "its __metadata__ is not an object of strings")
                }
                self.metadata = metadata
            } else {
                guard let entry = try? container.decode(DecodedEntry.self, forKey: key) else {
                    throw HeaderProblem(
                        reason: "tensor '\(key.stringValue)' is not {\"dtype\", \"shape\", \"data_offsets\"}")
                }
                tensors[key.stringValue] = entry
            }
        }
    }
}

/// One tensor entry as JSON gives it, named as in the file.
private struct DecodedEntry: Decodable {
    var dtype: String
    var shape: [Int]
    var dataOffsets: [Int]

    enum CodingKeys: String, CodingKey {
        case dtype, shape
        case dataOffsets = "data_offsets"
    }
}

/// Any key of the header object.
private struct NameKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
