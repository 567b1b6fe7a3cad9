import PretextCore
import PretextStore
import PretextTokenizer

/// Phase 1 of tokenizer training: each task counts the words of its shards (as the model will
/// pre-tokenize them) and writes the counts as runs; a table larger than the memory budget is
/// spilled as a run and started again. Units: the input shards.
struct WordCountPhase: ShardPhase {
    static let name = TokenizerStage.countPhase
    let training: TokenizerTraining
    let selection: DocumentSelection
    let memoryBytes: Int
    let shards: [ShardUnit]

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        guard let input = shards.first?.dataset else { return }
        let matching = try selection.matchingRowIDs(in: input)
        var counts = WordCounts()
        var runs = 0
        for unit in units {
            var documents = ShardDocuments(unit: shards[unit.index])
            let read = try documents.forEach { document, row, _, _ in
                guard selection.includes(row, matching: matching) else { return }
                training.countWords(of: document.text, into: &counts)
                if counts.estimatedBytes > memoryBytes { try spill(&counts, &runs, task) }
            }
            task.progress.add(documents: Int64(read), bytes: unit.bytes)
        }
        if counts.count > 0 { try spill(&counts, &runs, task) }
    }

    /// Writes the table as the task's next run and empties it.
    private func spill(_ counts: inout WordCounts, _ runs: inout Int, _ task: PhaseTask) throws {
        task.register(
            try task.work.writeBlob(
                counts.encoded, phase: task.phase, name: "words-r\(task.rank)-\(runs).bin", rank: task.rank))
        runs += 1
        counts = WordCounts()
    }
}

/// Phase 2: one task adds up every run's counts and trains; the tokenizer file goes to the work
/// area, and the step's end writes it into the dataset.
struct TrainPhase: StagePhase {
    static let name = TokenizerStage.trainPhase
    let training: TokenizerTraining

    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        [PhaseUnit(key: "train", bytes: 1, index: 0)]
    }

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        guard !units.isEmpty else { return }
        var counts = WordCounts()
        let phase = WordCountPhase.name
        for file in try task.work.files(phase: phase, worldSize: task.worldSize) {
            try counts.add(run: try task.work.readBlob(file, phase: phase))
        }
        task.progress.note("training \(training.kind.rawValue) on \(counts.count) distinct words")
        let tokenizer = try training.train(counts) { task.progress.note($0) }
        let json = Array(TokenizerFile.json(tokenizer).utf8)
        task.register(try task.work.writeBlob(json, phase: task.phase, name: "tokenizer.json", rank: task.rank))
        task.progress.add(documents: 0, bytes: 1)
    }
}
