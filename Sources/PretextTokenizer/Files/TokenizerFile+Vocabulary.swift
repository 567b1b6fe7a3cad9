import PretextCore
import _PretextFileSystem

extension TokenizerFile {
    /// Writes the model's plain vocabulary files into `directory`, as HF's `model.save` does:
    /// `vocab.json` (compact `{"token": id}`) and `merges.txt` (`#version: 0.2`, then `left right`
    /// per line) for BPE, `vocab.txt` (one token per line, in id order) for WordPiece,
    /// `unigram.json` (the model: pieces and scores) for Unigram.
    public static func writeVocabularyFiles(_ tokenizer: Tokenizer, into directory: String) throws {
        switch tokenizer.model {
        case .bpe(let bpe):
            var json = "{"
            for (id, token) in bpe.vocabulary.enumerated() {
                if id > 0 { json += "," }
                PrettyJSON.quote(token, to: &json)
                json += ":\(id)"
            }
            json += "}"
            try FileSystem.writeAtomically(Array(json.utf8), to: FileSystem.join(directory, "vocab.json"))
            var merges = "#version: 0.2\n"
            for merge in bpe.merges {
                merges += bpe.vocabulary[Int(merge.left)] + " " + bpe.vocabulary[Int(merge.right)] + "\n"
            }
            try FileSystem.writeAtomically(Array(merges.utf8), to: FileSystem.join(directory, "merges.txt"))
        case .wordPiece(let wordPiece):
            let text = wordPiece.vocabulary.map { $0 + "\n" }.joined()
            try FileSystem.writeAtomically(Array(text.utf8), to: FileSystem.join(directory, "vocab.txt"))
        case .unigram:
            let text = model(tokenizer.model).text()
            try FileSystem.writeAtomically(Array(text.utf8), to: FileSystem.join(directory, "unigram.json"))
        }
    }
}
