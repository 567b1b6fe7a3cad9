import PretextCore
import PretextStore
import _PretextFileSystem

extension StepProgress {
    /// How far the step in `directory` has got, read from its catalogs and work area as they
    /// are, without the pipeline: a task is done when its main-catalog run or its part
    /// catalog's run is `done` with `worldSize` tasks, a phase rank when the work area of
    /// that world size holds its manifest. (`pretext status` reads runs this way; the
    /// planner also checks each run's configuration hash, `read(_:execution:worldSize:)`.)
    ///
    /// - Parameters:
    ///   - directory: the step's dataset folder (`OUTPUT/05-dedupe`).
    ///   - step: the step number.
    ///   - stage: the stage name.
    ///   - worldSize: the number of tasks.
    ///   - phases: the phases to read from the work area.
    static func fromCatalogs(
        directory: String, step: Int, stage: String, worldSize: Int, phases: [String]
    ) -> StepProgress {
        guard let dataset = try? Dataset.open(at: directory) else { return .untouched }
        let main = runs(inCatalog: dataset.catalogPath, step: step)
            .filter { $0.stage == stage && $0.status == .done && $0.worldSize == worldSize }
        let merged = Set(main.map(\.rank))
        var done = merged
        for rank in 0..<worldSize where !merged.contains(rank) {
            let part = StepStatus.partCatalogPath(dataset: dataset, step: step, stage: stage, rank: rank)
            let run = (try? Catalog(path: part, readOnly: true))
                .flatMap { try? $0.run(step: step, stage: stage, rank: rank, worldSize: worldSize) }
            if FileSystem.exists(part), run?.status == .done { done.insert(rank) }
        }
        var phaseRanks: [String: Set<Int>] = [:]
        if let work = workArea(directory, worldSize: worldSize, hash: main.first?.configHash) {
            for phase in phases {
                phaseRanks[phase] = Set((0..<worldSize).filter { (try? work.manifest(phase: phase, rank: $0)) != nil })
            }
        }
        return StepProgress(
            merged: worldSize > 0 && merged.count >= worldSize, doneRanks: done, phaseRanks: phaseRanks)
    }

    /// The world size of the step in `directory`, as its catalogs or work area record it, or
    /// `nil` when nothing has run.
    static func recordedWorldSize(directory: String, step: Int, stage: String) -> Int? {
        let main = runs(inCatalog: FileSystem.join(directory, Dataset.catalogName), step: step)
        if let run = main.last(where: { $0.stage == stage }) { return run.worldSize }
        let parts = (try? FileSystem.listDirectory(FileSystem.join(directory, "parts"))) ?? []
        for name in parts.sorted() where name.hasSuffix(".sqlite") {
            if let run = runs(inCatalog: FileSystem.join(FileSystem.join(directory, "parts"), name), step: step)
                .last(where: { $0.stage == stage })
            {
                return run.worldSize
            }
        }
        return workAreaNames(directory).compactMap { recordedWorldSize(ofWorkArea: $0) }.max()
    }

    /// The phases found in the work area of `worldSize`, earlier phases first (a phase starts
    /// only once every rank finished the one before, so it never has more manifests).
    static func recordedPhases(directory: String, worldSize: Int) -> [String] {
        guard let work = workArea(directory, worldSize: worldSize, hash: nil) else { return [] }
        let names = ((try? FileSystem.listDirectory(work.root)) ?? []).filter {
            FileSystem.isDirectory(work.directory(of: $0))
        }
        let counts = Dictionary(
            uniqueKeysWithValues: names.map { name in
                (name, (0..<worldSize).filter { (try? work.manifest(phase: name, rank: $0)) != nil }.count)
            })
        return names.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
    }

    // MARK: helpers

    private static func runs(inCatalog path: String, step: Int) -> [RunRow] {
        guard FileSystem.exists(path), let catalog = try? Catalog(path: path, readOnly: true) else { return [] }
        return (try? catalog.runs(step: step)) ?? []
    }

    private static func workAreaNames(_ directory: String) -> [String] {
        (try? FileSystem.listDirectory(StepDirectory.workDirectory(directory))) ?? []
    }

    /// `N` of a work area named `HASH-wN`.
    private static func recordedWorldSize(ofWorkArea name: String) -> Int? {
        guard let dash = name.lastIndex(of: "-") else { return nil }
        let suffix = name[name.index(after: dash)...]
        return suffix.hasPrefix("w") ? Int(suffix.dropFirst()) : nil
    }

    /// The work area of `worldSize` (`work/HASH-wN`): the one of `hash` when given and present,
    /// otherwise the one holding the most manifests.
    private static func workArea(_ directory: String, worldSize: Int, hash: String?) -> WorkArea? {
        let root = StepDirectory.workDirectory(directory)
        let names = workAreaNames(directory).filter { recordedWorldSize(ofWorkArea: $0) == worldSize }
        if let hash, names.contains("\(hash)-w\(worldSize)") {
            return WorkArea(root: FileSystem.join(root, "\(hash)-w\(worldSize)"))
        }
        let areas = names.sorted().map { WorkArea(root: FileSystem.join(root, $0)) }
        return areas.max { manifestCount($0) < manifestCount($1) }
    }

    private static func manifestCount(_ work: WorkArea) -> Int {
        let phases = (try? FileSystem.listDirectory(work.root)) ?? []
        return phases.reduce(0) { total, phase in
            total
                + ((try? FileSystem.listDirectory(work.directory(of: phase))) ?? []).filter {
                    $0.hasPrefix("manifest-r")
                }.count
        }
    }
}
