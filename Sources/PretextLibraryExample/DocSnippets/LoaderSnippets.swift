import Pretext

/// The ```swift snippets of docs/loader.md, compiled: each function's body holds one snippet,
/// its free names (`rank`, `train`, …) as parameters.
enum LoaderSnippets {
    /// docs/loader.md, the first snippet: batches, the loader's state, resumption.
    static func trainingLoop(
        rank: Int, worldSize: Int, steps: Int, train: ([Int32], [Int32], [Int32]) -> Void
    ) throws {
        let configuration = LoaderConfiguration(
            sources: [LoaderSource(dataset: "out/run/08-examples")], batchSize: 32,
            rank: rank, worldSize: worldSize, seed: 42)
        let loader = try DataLoader(configuration)  // or DataLoader(configuration, state: saved)
        for _ in 0..<steps {
            let batch = try loader.next()  // batch["input_ids"]!.shape == [32, 128]
            train(batch["input_ids"]!.values, batch["attention_mask"]!.values, batch["label"]!.values)
        }
        let saved = loader.state().json  // {"version":1,"seed":42,"position":…,"sources":{…}}
        // later, on any world size or batch size:
        try loader.resume(from: LoaderState(json: saved))
    }

    /// docs/loader.md, "Mixing": two weighted sources.
    static func mixedSources() -> [LoaderSource] {
        let sources = [
            LoaderSource(dataset: "out/mlm-en", name: "en", weight: 0.7),  // mlm with where: lang = 'en'
            LoaderSource(dataset: "out/mlm-zh", name: "zh", weight: 0.3),  // mlm with where: lang = 'zh'
        ]
        return sources
    }

    /// docs/loader.md, dynamic masking as the loader's transform.
    static func dynamicMasking(
        source: LoaderSource, maskID: UInt32, vocabularySize: Int, clsID: UInt32, sepID: UInt32, padID: UInt32
    ) throws -> Batch {
        let schema = try Dataset.open(at: "out/blocks").openCatalog(readOnly: true).recordSchema()!
        let masking = try DynamicMasking(
            schema: schema, maskID: maskID, vocabularySize: vocabularySize, specialIDs: [clsID, sepID, padID])
        let loader = try DataLoader(LoaderConfiguration(sources: [source], batchSize: 32, transform: masking))
        let batch = try loader.next()  // batch["input_ids"] masked, batch["labels"]: −100 or the original id
        return batch
    }
}
