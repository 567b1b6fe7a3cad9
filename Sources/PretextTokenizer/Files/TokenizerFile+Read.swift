import Foundation
import PretextCore
import _PretextFileSystem

/// Reading and writing HF tokenizers' `tokenizer.json`.
public enum TokenizerFile {
    /// The tokenizer in the `tokenizer.json` at `path`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the file for a model, normalizer
    ///   or pre-tokenizer type Pretext does not support (listing the supported ones), and for a
    ///   malformed file.
    public static func read(_ path: String) throws -> Tokenizer {
        let bytes = try FileSystem.readFile(path, limit: 1 << 30)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw PretextError(
                .invalidConfiguration, "not a JSON tokenizer file: \(error.localizedDescription)", path: path)
        }
        guard let root = object as? [String: Any] else {
            throw PretextError(.invalidConfiguration, "a tokenizer file is a JSON object", path: path)
        }
        return try parse(root, path: path, bytes: bytes)
    }

    /// The tokenizer described by a parsed `tokenizer.json` object.
    static func parse(_ root: [String: Any], path: String, bytes: [UInt8]) throws -> Tokenizer {
        var reader = JSONReader(path: path)
        let added = try reader.array(root["added_tokens"] ?? [], "added_tokens").map { try addedToken($0, &reader) }
        let modelObject = try reader.object(root["model"], "model")
        let model: Tokenizer.Model
        switch try reader.string(modelObject["type"], "model.type") {
        case "BPE": model = .bpe(try bpe(modelObject, &reader))
        case "WordPiece": model = .wordPiece(try wordPiece(modelObject, &reader))
        case "Unigram": model = .unigram(try unigram(modelObject, bytes: bytes, &reader))
        case let other: throw reader.unsupported("model", other, supported: ["BPE", "WordPiece", "Unigram"])
        }
        try checkAddedTokens(added, vocabulary: model.vocabulary, reader)
        let preTokenizer = try self.preTokenizer(root["pre_tokenizer"], &reader)
        let normalizer = try self.normalizer(root["normalizer"], &reader)
        let decoder = try self.decoder(root["decoder"], &reader)
        return Tokenizer(
            model: model, normalizer: normalizer, preTokenizer: preTokenizer, addedTokens: added,
            decoder: .some(decoder))
    }

    private static func addedToken(_ value: Any, _ reader: inout JSONReader) throws -> AddedToken {
        let object = try reader.object(value, "added_tokens entry")
        let id = try reader.integer(object["id"], "added_tokens.id")
        guard let id32 = UInt32(exactly: id) else {
            throw PretextError(
                .invalidConfiguration, "added_tokens: id \(id) does not fit 32-bit token ids", path: reader.path)
        }
        var token = AddedToken(
            id: id32,
            content: try reader.string(object["content"], "added_tokens.content"),
            special: object["special"] as? Bool ?? false)
        token.singleWord = object["single_word"] as? Bool ?? false
        token.leftStrip = object["lstrip"] as? Bool ?? false
        token.rightStrip = object["rstrip"] as? Bool ?? false
        token.normalized = object["normalized"] as? Bool ?? false
        return token
    }

    /// Added tokens must not collide: each content once, each id once, and an added token the
    /// model's vocabulary holds has the vocabulary's id (HF warns and moves such a token; a file
    /// like that was not written by a tokenizer that encodes as it says).
    private static func checkAddedTokens(_ added: [AddedToken], vocabulary: [String], _ reader: JSONReader) throws {
        var idOf = [String: Int](minimumCapacity: vocabulary.count)
        for (id, token) in vocabulary.enumerated() { idOf[token] = id }
        var contentOf = [UInt32: String]()
        var seen = Set<String>()
        for token in added {
            let name = "added_tokens: '\(token.content)' (id \(token.id))"
            func collision(_ message: String) -> PretextError {
                PretextError(.invalidConfiguration, "\(name) \(message)", path: reader.path)
            }
            guard seen.insert(token.content).inserted else { throw collision("is listed twice") }
            if let other = contentOf.updateValue(token.content, forKey: token.id) {
                throw collision("has the id of the added token '\(other)'")
            }
            if let id = idOf[token.content], id != Int(token.id) {
                throw collision("is token \(id) of the model's vocabulary")
            }
            if Int(token.id) < vocabulary.count, vocabulary[Int(token.id)] != token.content {
                throw collision("has the id of the model's token '\(vocabulary[Int(token.id)])'")
            }
        }
    }

    private static func bpe(_ object: [String: Any], _ reader: inout JSONReader) throws -> BPEModel {
        let vocabulary = try reader.vocabulary(object["vocab"], "model.vocab")
        let prefix = object["continuing_subword_prefix"] as? String
        var ids: [String: UInt32] = [:]
        for (id, token) in vocabulary.enumerated() { ids[token] = UInt32(id) }
        let merges = try reader.array(object["merges"] ?? [], "model.merges").enumerated().map { index, entry in
            let pair = try reader.mergePair(entry, index: index)
            guard let left = ids[pair.0], let right = ids[pair.1] else {
                throw PretextError(
                    .invalidConfiguration, "merge \(index) names a token outside the vocabulary", path: reader.path)
            }
            return (left: left, right: right)
        }
        do {
            return try BPEModel(
                vocabulary: vocabulary, merges: merges, continuingSubwordPrefix: prefix,
                endOfWordSuffix: object["end_of_word_suffix"] as? String, unknownToken: object["unk_token"] as? String)
        } catch let error as PretextError {
            throw PretextError(error.code, error.message, path: reader.path)
        }
    }

    private static func wordPiece(_ object: [String: Any], _ reader: inout JSONReader) throws -> WordPieceModel {
        do {
            return try WordPieceModel(
                vocabulary: try reader.vocabulary(object["vocab"], "model.vocab"),
                unknownToken: object["unk_token"] as? String ?? "[UNK]",
                continuingSubwordPrefix: object["continuing_subword_prefix"] as? String ?? "##",
                maxInputCharactersPerWord: object["max_input_chars_per_word"] as? Int ?? 100)
        } catch let error as PretextError {
            throw PretextError(error.code, error.message, path: reader.path)
        }
    }

    /// A Unigram model. The scores are read again with `JSONDecoder`, which parses floats to
    /// the nearest double (`JSONSerialization` can be off by one unit in the last place, and the
    /// file would not write back as it was).
    private static func unigram(
        _ object: [String: Any], bytes: [UInt8], _ reader: inout JSONReader
    ) throws
        -> UnigramModel
    {
        let entries = try reader.array(object["vocab"] ?? [], "model.vocab")
        for (index, entry) in entries.enumerated() {
            guard let pair = entry as? [Any], pair.count == 2, pair[0] is String, pair[1] is NSNumber else {
                throw reader.malformed("model.vocab[\(index)]", "a [piece, score] pair")
            }
        }
        let pieces: [(piece: String, score: Double)]
        do {
            pieces = try JSONDecoder().decode(UnigramFile.self, from: Data(bytes)).model.vocab.map {
                ($0.piece, $0.score)
            }
        } catch {
            throw reader.malformed("model.vocab", "a list of [piece, score] pairs")
        }
        let unknown = object["unk_id"].flatMap { $0 is NSNull ? nil : $0 }
        do {
            return try UnigramModel(
                pieces: pieces, unknownID: try unknown.map { UInt32(try reader.integer($0, "model.unk_id")) },
                byteFallback: object["byte_fallback"] as? Bool ?? false)
        } catch let error as PretextError {
            throw PretextError(error.code, error.message, path: reader.path)
        }
    }

    private static func decoder(_ value: Any?, _ reader: inout JSONReader) throws -> Decoder? {
        guard let value, !(value is NSNull) else { return nil }
        let object = try reader.object(value, "decoder")
        switch try reader.string(object["type"], "decoder.type") {
        case "ByteLevel": return .byteLevel
        case "WordPiece":
            return .wordPiece(prefix: object["prefix"] as? String ?? "##", cleanup: object["cleanup"] as? Bool ?? true)
        case "Metaspace":
            let metaspace = try self.metaspace(object, "decoder", &reader)
            return .metaspace(
                replacement: metaspace.replacement, prependScheme: metaspace.prependScheme, split: metaspace.split)
        case "ByteFallback": return .byteFallback
        case "Sequence":
            return .sequence(
                try reader.array(object["decoders"] ?? [], "decoder.decoders").compactMap { try decoder($0, &reader) })
        case let other:
            throw reader.unsupported(
                "decoder", other,
                supported: ["ByteLevel", "WordPiece", "Metaspace", "ByteFallback", "Sequence", "null"])
        }
    }

    /// A `Metaspace` pre-tokenizer or decoder (HF's defaults for missing fields; the older
    /// `add_prefix_space: false` means the scheme `never`).
    private static func metaspace(
        _ object: [String: Any], _ field: String, _ reader: inout JSONReader
    ) throws
        -> Metaspace
    {
        let replacementText = object["replacement"] as? String ?? "\u{2581}"
        guard replacementText.unicodeScalars.count == 1, let replacement = replacementText.unicodeScalars.first else {
            throw reader.malformed("\(field).replacement", "one character")
        }
        var scheme = Metaspace.PrependScheme.always
        if let text = object["prepend_scheme"] as? String {
            guard let parsed = Metaspace.PrependScheme(rawValue: text) else {
                throw reader.malformed("\(field).prepend_scheme", "first, always or never")
            }
            scheme = parsed
        } else if object["add_prefix_space"] as? Bool == false {
            scheme = .never
        }
        return Metaspace(replacement: replacement, prependScheme: scheme, split: object["split"] as? Bool ?? true)
    }

    private static func normalizer(_ value: Any?, _ reader: inout JSONReader) throws -> BertNormalizer? {
        guard let value, !(value is NSNull) else { return nil }
        let object = try reader.object(value, "normalizer")
        switch try reader.string(object["type"], "normalizer.type") {
        case "BertNormalizer":
            return BertNormalizer(
                cleanText: object["clean_text"] as? Bool ?? true,
                handleChineseCharacters: object["handle_chinese_chars"] as? Bool ?? true,
                stripAccents: object["strip_accents"] as? Bool, lowercase: object["lowercase"] as? Bool ?? true)
        case let other:
            throw reader.unsupported("normalizer", other, supported: ["BertNormalizer", "null"])
        }
    }

    private static func preTokenizer(_ value: Any?, _ reader: inout JSONReader) throws -> Tokenizer.PreTokenizer {
        let object = try reader.object(value, "pre_tokenizer")
        switch try reader.string(object["type"], "pre_tokenizer.type") {
        case "ByteLevel":
            return .byteLevel(
                addPrefixSpace: object["add_prefix_space"] as? Bool ?? true,
                trimOffsets: object["trim_offsets"] as? Bool ?? true, useRegex: object["use_regex"] as? Bool ?? true)
        case "BertPreTokenizer":
            return .bert
        case "Metaspace":
            return .metaspace(try metaspace(object, "pre_tokenizer", &reader))
        case "Sequence":
            return .splitByteLevel(pattern: try splitPattern(object, reader))
        case let other:
            throw reader.unsupported(
                "pre_tokenizer", other, supported: ["ByteLevel", "BertPreTokenizer", "Metaspace", "Sequence"])
        }
    }

    /// The pattern of a `Sequence` pre-tokenizer of the one shape supported, the one HF writes
    /// for Llama 3: a `Split` by one of `SplitPattern`'s regexes, then a `ByteLevel` that does
    /// not split.
    private static func splitPattern(_ object: [String: Any], _ reader: JSONReader) throws -> SplitPattern {
        let steps = object["pretokenizers"] as? [Any] ?? []
        guard steps.count == 2, let split = steps[0] as? [String: Any], let byteLevel = steps[1] as? [String: Any],
            let pattern = isolatedSplitPattern(split), isByteLevelWithoutSplitting(byteLevel)
        else {
            throw PretextError(
                .invalidConfiguration,
                "pre_tokenizer: the Sequence supported is Split (the gpt2 or cl100k pattern, Isolated, not inverted) "
                    + "then ByteLevel (add_prefix_space false, trim_offsets true, use_regex false), as Llama 3's",
                path: reader.path)
        }
        return pattern
    }

    /// The pattern of a `Split` that keeps each match as a piece (`Isolated`, not inverted), if
    /// its regex is one of `SplitPattern`'s exactly as written there.
    private static func isolatedSplitPattern(_ object: [String: Any]) -> SplitPattern? {
        guard object["type"] as? String == "Split", object["behavior"] as? String == "Isolated",
            (object["invert"] as? Bool ?? false) == false,
            let regex = (object["pattern"] as? [String: Any])?["Regex"] as? String
        else { return nil }
        return SplitPattern.allCases.first { $0.regex == regex }
    }

    /// Whether `object` is a `ByteLevel` pre-tokenizer that only maps bytes to the alphabet: no
    /// prefix space, no regex of its own, offsets trimmed (missing fields take HF's defaults).
    private static func isByteLevelWithoutSplitting(_ object: [String: Any]) -> Bool {
        object["type"] as? String == "ByteLevel" && (object["add_prefix_space"] as? Bool ?? true) == false
            && object["trim_offsets"] as? Bool ?? true && (object["use_regex"] as? Bool ?? true) == false
    }
}

/// The part of a Unigram `tokenizer.json` read with `JSONDecoder`: the pieces and scores.
private struct UnigramFile: Decodable {
    struct Model: Decodable { var vocab: [Entry] }
    struct Entry: Decodable {
        var piece: String
        var score: Double

        init(from decoder: any Swift.Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            piece = try pair.decode(String.self)
            score = try pair.decode(Double.self)
        }
    }
    var model: Model
}

/// Typed access to a parsed JSON tokenizer file, with errors naming the file and the field.
struct JSONReader {
    let path: String

    func object(_ value: Any?, _ field: String) throws -> [String: Any] {
        guard let object = value as? [String: Any] else { throw malformed(field, "an object") }
        return object
    }

    func array(_ value: Any, _ field: String) throws -> [Any] {
        guard let array = value as? [Any] else { throw malformed(field, "a list") }
        return array
    }

    func string(_ value: Any?, _ field: String) throws -> String {
        guard let text = value as? String else { throw malformed(field, "a string") }
        return text
    }

    func integer(_ value: Any?, _ field: String) throws -> Int {
        guard let number = value as? NSNumber, let integer = Int(exactly: number.doubleValue), integer >= 0 else {
            throw malformed(field, "a non-negative integer")
        }
        return integer
    }

    /// A `{token: id}` object as tokens by id; the ids must be 0..<count, each once.
    func vocabulary(_ value: Any?, _ field: String) throws -> [String] {
        let object = try self.object(value, field)
        var tokens = [String?](repeating: nil, count: object.count)
        for (token, idValue) in object {
            let id = try integer(idValue, field)
            guard id < tokens.count, tokens[id] == nil else {
                throw PretextError(
                    .invalidConfiguration, "\(field): ids must run from 0 to \(tokens.count - 1), each once", path: path
                )
            }
            tokens[id] = token
        }
        // Every slot is filled: count entries, distinct ids below count.
        return tokens.map { $0! }
    }

    /// A merge: `["a", "b"]`, or the older `"a b"`.
    func mergePair(_ value: Any, index: Int) throws -> (String, String) {
        if let pair = value as? [String], pair.count == 2 { return (pair[0], pair[1]) }
        if let text = value as? String {
            let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { return (String(parts[0]), String(parts[1])) }
        }
        throw malformed("model.merges[\(index)]", "a pair of tokens")
    }

    func malformed(_ field: String, _ expected: String) -> PretextError {
        PretextError(.invalidConfiguration, "\(field) must be \(expected)", path: path)
    }

    func unsupported(_ component: String, _ type: String, supported: [String]) -> PretextError {
        PretextError(
            .invalidConfiguration,
            "\(component) type '\(type)' is not supported; supported: \(supported.joined(separator: ", "))", path: path)
    }
}

extension TokenizerFile {
    /// The `tokenizer.json` that `location` names: the file itself, a directory holding one,
    /// or a dataset holding one in `tokenizer/`; an empty `location` means the dataset at
    /// `dataset`.
    ///
    /// - Throws: `PretextError(.notFound)` naming the places looked at.
    public static func locate(_ location: String, dataset: String) throws -> String {
        let base = location.isEmpty ? dataset : location
        if FileSystem.entry(at: base)?.kind == .regularFile { return base }
        let candidates = [FileSystem.join(base, "tokenizer.json"), FileSystem.join(base, "tokenizer/tokenizer.json")]
        if let found = candidates.first(where: { FileSystem.entry(at: $0)?.kind == .regularFile }) { return found }
        throw PretextError(
            .notFound,
            "no tokenizer.json here or in its tokenizer/ directory; train one with the tokenizer stage "
                + "or set the tokenize stage's tokenizer option",
            path: base)
    }
}
