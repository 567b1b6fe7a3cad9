import PretextCore

/// The Slurm settings given at one level: a pipeline's `execution.slurm`, one entry of its
/// `steps:`, or the flags of `pretext slurm`. Only what was given is held, so that levels stack:
/// flag > `execution.slurm.steps.<stage or step number>` > `execution.slurm` > defaults
/// (`SlurmSection.settings(for:flags:)`).
///
/// ```yaml
/// execution:
///   slurm:
///     tasks: 4
///     partition: cpu
///     mem: 2G
///     time: "1:00:00"
///     steps:
///       dedupe: {mem: 8G}
/// ```
public struct SlurmSettings: Sendable, Equatable {
    /// The given values by option name, checked against `specs`.
    public private(set) var values: [String: OptionValue]

    /// Settings holding `values` (the Swift API; not checked).
    public init(_ values: [String: OptionValue] = [:]) { self.values = values }

    // MARK: keys

    /// `tasks`: the world size of every step (only in `execution.slurm` or as a flag).
    public static let tasks = OptionKey<Int>(
        "tasks", min: 1, max: 100_000, default: 1, "array tasks per step, the world size (default: execution.workers)")
    /// `partition`: `#SBATCH --partition`.
    public static let partition = OptionKey<String>("partition", default: "", "Slurm partition (none: the default)")
    /// `account`: `#SBATCH --account`.
    public static let account = OptionKey<String>("account", default: "", "Slurm account (none: the default)")
    /// `cpus_per_task`: `#SBATCH --cpus-per-task`.
    public static let cpusPerTask = OptionKey<Int>(
        "cpus_per_task", min: 1, max: 4096, default: 1, "CPUs of each task")
    /// `mem`: `#SBATCH --mem`.
    public static let mem = OptionKey<String>("mem", default: "", "memory of each task, as Slurm writes it (8G)")
    /// `time`: `#SBATCH --time`.
    public static let time = OptionKey<String>("time", default: "", "time limit of each task (1:00:00, 2-00:00:00)")
    /// `max_parallel`: the `%K` throttle of each array.
    public static let maxParallel = OptionKey<Int>(
        "max_parallel", min: 1, max: 100_000, default: 100_000, "tasks of one array running at once (none: no limit)")
    /// `requeue`: requeue a task warned of its time limit or preemption.
    public static let requeue = OptionKey<Bool>(
        "requeue", default: false, "requeue a task that is warned of its end (time limit, preemption)")
    /// `signal_seconds`: how long before the time limit the warning comes.
    public static let signalSeconds = OptionKey<Int>(
        "signal_seconds", min: 1, max: 65_535, default: 120, "seconds before the time limit that a task is warned")
    /// `prolog`: shell lines run before `pretext` in every job.
    public static let prolog = OptionKey<String>(
        "prolog", default: "", "shell lines run before pretext in each job (module load, a virtualenv)")

    /// Every setting, in the order they are documented.
    public static let specs: [OptionSpec] =
        [tasks.spec, partition.spec, account.spec, cpusPerTask.spec, mem.spec, time.spec, maxParallel.spec]
        + [requeue.spec, signalSeconds.spec, prolog.spec]

    /// The settings a `steps:` entry may give (`tasks` is the same for every step).
    public static let stepSpecs: [OptionSpec] = specs.filter { $0.name != tasks.spec.name }

    // MARK: values

    /// The value of `key` when it was given at this level.
    public subscript<Value>(key: OptionKey<Value>) -> Value? {
        values[key.spec.name].flatMap(Value.init(optionValue:))
    }

    /// These settings with every value given in `higher` replacing this level's.
    public func overridden(by higher: SlurmSettings) -> SlurmSettings {
        SlurmSettings(values.merging(higher.values) { _, new in new })
    }

    /// Sets `key` to `value` (`nil`: leaves this level's value).
    public mutating func set<Value>(_ key: OptionKey<Value>, _ value: Value?) {
        if let value { values[key.spec.name] = value.optionValue }
    }
}

extension SlurmSettings {
    /// Checks raw values written at one level, converting them to their declared types.
    ///
    /// - Parameters:
    ///   - given: what the user wrote, with the line of each.
    ///   - specs: the settings allowed at this level.
    ///   - context: where they were written (`execution.slurm`), for messages.
    ///   - path: the pipeline file, for messages.
    /// - Throws: `PretextError(.invalidConfiguration)` naming the file and line for an unknown
    ///   setting (listing the valid ones), a value of the wrong type, or a value Slurm would refuse.
    public init(
        checking given: [(name: String, value: RawOptionValue, line: Int?)], specs: [OptionSpec], context: String,
        path: String?
    ) throws {
        for item in given {
            try Self.checkKnown(item.name, specs: specs, context: context, path: path, line: item.line)
        }
        let checked = try StageOptions(specs: specs, given: given, context: context, path: path)
        let names = Set(given.map(\.name))
        self.init(checked.values.filter { names.contains($0.key) })
        for item in given {
            guard let problem = Self.problem(with: values[item.name], named: item.name) else { continue }
            throw PretextError(
                .invalidConfiguration, "\(context): setting '\(item.name)': \(problem)", path: path, line: item.line)
        }
    }

    /// Checks that `name` is one of `specs` (or of `alsoValid`, keys handled elsewhere).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` listing the valid names.
    public static func checkKnown(
        _ name: String, specs: [OptionSpec], alsoValid: [String] = [], context: String, path: String?, line: Int?
    ) throws {
        let allowed = specs.map(\.name) + alsoValid
        guard !allowed.contains(name) else { return }
        throw PretextError(
            .invalidConfiguration,
            "\(context): unknown setting '\(name)'; valid settings: \(allowed.joined(separator: ", "))", path: path,
            line: line)
    }

    /// What Slurm (or the batch script) would refuse in the value of setting `name`, or `nil`.
    ///
    /// `partition` and `account`: letters, digits, `_ . , -`; `mem`: a whole number with an
    /// optional unit `K M G T`; `time`: `MINUTES`, `M:S`, `H:M:S`, `D-H`, `D-H:M`, `D-H:M:S` or
    /// `UNLIMITED`.
    public static func problem(with value: OptionValue?, named name: String) -> String? {
        guard case .string(let text)? = value else { return nil }
        switch name {
        case partition.spec.name, account.spec.name:
            return text.utf8.allSatisfy(isNameByte) && !text.isEmpty
                ? nil : "'\(text)' is not a Slurm name (letters, digits, _ . , -)"
        case mem.spec.name:
            return isMemory(text) ? nil : "'\(text)' is not a memory size as Slurm writes it (8000, 500M, 8G, 1T)"
        case time.spec.name:
            return isTimeLimit(text)
                ? nil : "'\(text)' is not a Slurm time limit (MINUTES, H:M:S, D-H:M:S or UNLIMITED)"
        default:
            return nil
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || isDigit(byte)
            || [UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-")]
                .contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isNumber<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isDigit)
    }

    private static func isMemory(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        return "KMGTkmgt".contains(last) ? isNumber(text.dropLast()) : isNumber(text)
    }

    private static func isTimeLimit(_ text: String) -> Bool {
        if ["unlimited", "infinite"].contains(text.lowercased()) { return true }
        let dayParts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard dayParts.count <= 2 else { return false }
        if dayParts.count == 2, !isNumber(dayParts[0]) { return false }
        let clock = dayParts[dayParts.count - 1].split(separator: ":", omittingEmptySubsequences: false)
        return clock.count <= 3 && clock.allSatisfy(isNumber)
    }
}
