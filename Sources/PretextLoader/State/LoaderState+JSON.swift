import PretextCore

extension LoaderState {
    /// The state as one JSON object, keys in a fixed order and sources by name:
    /// `{"version":1,"seed":42,"position":1536,"sources":{"books":512,"wiki":1024}}`.
    public var json: String {
        let names = sources.keys.sorted()
        let members = names.map { "\(JSONStringEncoder.quoted($0)):\(sources[$0] ?? 0)" }
        return "{\"version\":\(version),\"seed\":\(seed),\"position\":\(position),\"sources\":{"
            + members.joined(separator: ",") + "}}"
    }

    /// Reads a state written by `json`.
    /// - Throws: `.invalidConfiguration` naming what is wrong for text that is not such a state
    ///   (another version, a missing or negative number).
    public init(json text: String) throws {
        let bytes = Array(text.utf8)
        do {
            let members = try bytes.withUnsafeBytes { try Self.members($0) }
            guard let version = members.numbers["version"], version == Self.currentVersion else {
                throw Self.invalid("its version is not \(Self.currentVersion)")
            }
            guard let seed = members.seed, let position = members.numbers["position"], position >= 0 else {
                throw Self.invalid("it needs a seed and a position of at least 0")
            }
            self.init(seed: seed, position: position, sources: members.sources)
        } catch let error as PretextError {
            throw error
        } catch {
            throw Self.invalid("it is not a JSON object (\(error))")
        }
    }

    /// The top-level numbers, the seed and the sources of a state object.
    private static func members(
        _ raw: UnsafeRawBufferPointer
    ) throws -> (numbers: [String: Int], seed: UInt64?, sources: [String: Int]) {
        var scanner = JSONScanner()
        try scanner.scanObject(raw)
        var numbers: [String: Int] = [:]
        var seed: UInt64?
        var sources: [String: Int] = [:]
        for member in scanner.members {
            let key = scanner.keyString(member)
            let value = UnsafeRawBufferPointer(rebasing: raw[member.value])
            switch (key, member.kind) {
            case ("seed", .number): seed = UInt64(String(decoding: value, as: UTF8.self))
            case (_, .number): numbers[key] = Int(String(decoding: value, as: UTF8.self))
            case ("sources", .object): sources = try positions(value)
            default: break
            }
        }
        return (numbers, seed, sources)
    }

    /// The `"name": position` members of the sources object.
    private static func positions(_ raw: UnsafeRawBufferPointer) throws -> [String: Int] {
        var scanner = JSONScanner()
        try scanner.scanObject(raw)
        var positions: [String: Int] = [:]
        for member in scanner.members {
            guard member.kind == .number,
                let position = Int(
                    String(decoding: UnsafeRawBufferPointer(rebasing: raw[member.value]), as: UTF8.self)),
                position >= 0
            else { throw invalid("source '\(scanner.keyString(member))' needs a position of at least 0") }
            positions[scanner.keyString(member)] = position
        }
        return positions
    }

    private static func invalid(_ reason: String) -> PretextError {
        PretextError(.invalidConfiguration, "not a loader state: \(reason)")
    }
}
