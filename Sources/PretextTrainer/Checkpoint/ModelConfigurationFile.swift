import Foundation
import PretextCore
import _PretextFileSystem

/// A Hugging Face model configuration written as the `config.json` beside a checkpoint.
///
/// Conforming types are `Codable` structs whose coding keys are transformers' attribute names;
/// `validate()` checks what the model needs before anything is written.
public protocol ModelConfigurationFile: Codable, Sendable {
    /// Throws `.invalidConfiguration` naming the first value transformers would refuse or the
    /// model could not be built with.
    func validate() throws
}

extension ModelConfigurationFile {
    /// The file name transformers' `from_pretrained` reads.
    public static var fileName: String { "config.json" }

    /// The configuration as JSON: keys sorted, pretty printed, slashes unescaped, a final line
    /// feed; the same configuration always gives the same bytes.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    /// Validates the configuration and writes it as `config.json` in `directory`, atomically.
    /// - Returns: the path written.
    /// - Throws: `validate()`'s errors; `.io` naming the file when it cannot be written.
    @discardableResult
    public func write(toDirectory directory: String) throws -> String {
        try validate()
        let path = FileSystem.join(directory, Self.fileName)
        try FileSystem.writeAtomically(try jsonBytes(), to: path)
        return path
    }

    /// Reads a configuration written by `write(toDirectory:)` (or by transformers, keys it
    /// does not know ignored).
    /// - Throws: `.notFound` or `.io` when the file cannot be read; `.invalidConfiguration`
    ///   naming the file when it is not such a configuration.
    public init(contentsOf path: String) throws {
        let bytes = try FileSystem.readFile(path, limit: 1 << 20)
        do {
            self = try JSONDecoder().decode(Self.self, from: Data(bytes))
        } catch {
            throw PretextError(
                .invalidConfiguration, "not a \(Self.self) config.json: \(Self.reason(error))", path: path)
        }
    }

    /// What a decoding error says, in a few words naming the key.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "it has no \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\"\(key)\" has the wrong type"
        default: return "it is not a JSON object"
        }
    }
}
