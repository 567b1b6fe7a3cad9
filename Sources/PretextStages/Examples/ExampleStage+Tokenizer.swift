import PretextCore
import PretextStore
import PretextTokenizer
import _PretextFileSystem

extension ExampleStage {
    /// Copies the input's tokenizer into the output dataset's `tokenizer/`, so `pretext cat`
    /// decodes the examples, and records where the documents are (`ExampleMetaKeys.documents`,
    /// relative, so that a run folder moved whole keeps the link); a stage's `finishStep` calls it.
    ///
    /// - Returns: the line for the run's output.
    func copyTokenizer(to dataset: Dataset, from input: StageInput) throws -> [String] {
        guard case .dataset(let path) = input else { return [] }
        let tokens = try Self.tokens(of: try Dataset.open(at: path))
        let directory = dataset.path(TokenizerStage.directory)
        try FileSystem.createDirectory(directory)
        let file = FileSystem.join(directory, "tokenizer.json")
        try TokenizerFile.write(tokens.tokenizer, to: file)
        if let relative = FileSystem.relativePath(of: path, from: dataset.root) {
            try dataset.openCatalog().setMeta(ExampleMetaKeys.documents, relative)
        }
        return ["examples decode with \(file)"]
    }
}
