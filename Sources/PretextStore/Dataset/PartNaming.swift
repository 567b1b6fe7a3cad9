import PretextCore

/// The file names of one task's output: `STEP-STAGE-rRRRRR…`.
struct PartNaming {
    let step: Int
    let stage: String
    let rank: Int

    /// Checks the parts of a name, so that it cannot escape the dataset directory.
    static func validate(step: Int, stage: String, rank: Int, worldSize: Int) throws {
        guard (0...99).contains(step) else {
            throw PretextError(.invalidConfiguration, "step \(step) must be between 0 and 99")
        }
        guard !stage.isEmpty, stage.utf8.allSatisfy(Self.isNameByte) else {
            throw PretextError(.invalidConfiguration, "stage name '\(stage)' must use only letters, digits, _ and -")
        }
        guard worldSize >= 1, worldSize <= 100_000, (0..<worldSize).contains(rank) else {
            throw PretextError(
                .invalidConfiguration, "rank \(rank) must be in 0..<world size \(worldSize) (world size 1…100000)")
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-")
    }

    /// `STEP-STAGE-rRRRRR`.
    var prefix: String { "\(Self.pad(step, 2))-\(stage)-r\(Self.pad(rank, 5))" }

    /// `parts/STEP-STAGE-rRRRRR.sqlite`, relative to the dataset root.
    var partCatalog: String { "parts/\(prefix).sqlite" }

    /// A shard's file name: `STEP-STAGE-rRRRRR-SSSSS.EXT`.
    func shardName(sequence: Int, kind: ShardKind) -> String {
        "\(prefix)-\(Self.pad(sequence, 5)).\(kind.fileExtension)"
    }

    /// Whether `name` (in `shards/` or `rejects/`) belongs to this task, finished or temporary.
    func owns(fileName name: String) -> Bool {
        name.hasPrefix(prefix + "-") || (name.hasPrefix("." + prefix + "-") && name.hasSuffix(".tmp"))
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
