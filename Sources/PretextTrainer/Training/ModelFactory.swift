import PretextCore
import PretextLoader
import PretextStore
import PretextTokenizer
import _PretextFileSystem

/// Chooses and builds the model for an examples dataset: the architecture from the records'
/// fields (`mlm` records → BERT with the pair task the stage recorded, `causal_lm` blocks →
/// GPT-2) unless `model` names one, the vocabulary and special ids from the examples'
/// tokenizer, the sequence length from the records, and the sizes from the options.
public enum ModelFactory {
    /// A model ready to train, the load-time transform its batches need, and a line saying
    /// what it is.
    public struct Built {
        /// The model, initialized (seeded by the options' seed).
        public let model: any TrainableModel
        /// RoBERTa's dynamic masking when the model masks at load time, else `nil`.
        public let transform: (any ExampleTransform)?
        /// `bert (NSP) 2 layers × 128, 4 heads, vocabulary 2,048, sequence 128`.
        public let description: String
        /// How the linear probe frames a document for this model.
        public let probeFraming: ProbeFraming
    }

    /// The examples a model is built for: their fields, tokenizer and recorded pair task.
    struct Examples {
        let path: String
        let schema: RecordSchema
        let tokenizer: Tokenizer
        let pairTask: String?

        init(at path: String) throws {
            let dataset = try Dataset.open(at: path)
            let catalog = try dataset.openCatalog(readOnly: true)
            guard let schema = try catalog.recordSchema() else {
                throw PretextError(.invalidConfiguration, "not an examples dataset (no record_schema)", path: path)
            }
            let tokenizerPath = FileSystem.join(FileSystem.join(path, "tokenizer"), "tokenizer.json")
            guard FileSystem.exists(tokenizerPath) else {
                throw PretextError(
                    .invalidConfiguration, "the examples have no tokenizer/tokenizer.json (made by an example stage)",
                    path: path)
            }
            self.path = path
            self.schema = schema
            self.tokenizer = try TokenizerFile.read(tokenizerPath)
            self.pairTask = try catalog.meta(ExampleMetaKeys.pairTask)
        }

        var fieldNames: Set<String> { Set(schema.fields.map(\.name)) }

        /// The number of values of field `name` per record.
        func count(of name: String) -> Int? { schema.fields.first { $0.name == name }?.count }

        /// An encoder's framing of a probe document: `[CLS]` … `[SEP]` (or `<s>` … `</s>`) when
        /// the tokenizer has them.
        func encoderFraming(length: Int, pad: Int) -> ProbeFraming {
            let start = id(ofAny: ["[CLS]", "<s>"]).map { [Int32($0)] } ?? []
            let end = id(ofAny: ["[SEP]", "</s>"]).map { [Int32($0)] } ?? []
            return ProbeFraming(prefix: start, suffix: end, maxLength: length, padID: Int32(pad))
        }

        /// The id of the first of `tokens` the tokenizer has.
        func id(ofAny tokens: [String]) -> Int? {
            for token in tokens {
                if let added = tokenizer.addedTokens.first(where: { $0.content == token }) { return Int(added.id) }
                if let index = tokenizer.vocabulary.firstIndex(of: token) { return index }
            }
            return nil
        }
    }

    /// The model `configuration` asks for, for the examples at `path`.
    /// - Throws: `.invalidConfiguration` for records no model trains on (naming their fields)
    ///   or a model that does not fit them; the store's and tokenizer's errors.
    public static func model(for path: String, configuration: TrainingConfiguration) throws -> Built {
        let examples = try Examples(at: path)
        switch try kind(configuration.model, for: examples) {
        case .bert: return try bert(examples, configuration, variant: .bert)
        case .roberta: return try bert(examples, configuration, variant: .roberta)
        case .albert: return try bert(examples, configuration, variant: .albert)
        case .gpt2, .auto: return try gpt2(examples, configuration)
        case .contrastive: return try contrastive(examples, configuration)
        }
    }

    /// The architecture: the one asked for, or the records' (`auto`).
    static func kind(_ asked: TrainingOptions.ModelKind, for examples: Examples) throws -> TrainingOptions.ModelKind {
        let fields = examples.fieldNames
        let isMaskedLM = fields.contains("masked_lm_positions")
        let isCausalLM = fields.contains("positions") && fields.contains("input_ids")
        let isContrastive = fields.contains("anchor_ids") && fields.contains("positive_ids")
        switch asked {
        case .auto where isMaskedLM: return .bert
        case .auto where isCausalLM: return .gpt2
        case .auto where isContrastive: return .contrastive
        case .bert where isMaskedLM, .albert where isMaskedLM, .roberta where isMaskedLM || isCausalLM,
            .gpt2 where isCausalLM, .contrastive where isContrastive:
            return asked
        default:
            throw PretextError(
                .invalidConfiguration,
                "model \(asked.rawValue) does not train on these records (fields "
                    + "\(examples.schema.fields.map(\.name).joined(separator: ", "))): bert, albert and roberta train on "
                    + "mlm examples, gpt2 and roberta on causal_lm blocks, contrastive on contrastive pairs",
                path: examples.path)
        }
    }

    /// BERT or ALBERT (NSP or SOP as recorded; ALBERT's SOP head trains on either label), or
    /// RoBERTa (MLM only); on `causal_lm` blocks with dynamic masking. The pad id is the
    /// examples' tokenizer's (`[PAD]`, `<pad>`, else `<|endoftext|>`, else 0): the zeroed
    /// embedding row and, in RoBERTa, where position ids start (`pad + 1`), so RoBERTa's position
    /// table has `L + pad + 1` rows and a single token type.
    static func bert(
        _ examples: Examples, _ configuration: TrainingConfiguration, variant: EncoderConfiguration.Variant
    ) throws -> Built {
        let length = examples.count(of: "input_ids") ?? 0
        let pad = examples.id(ofAny: ["[PAD]", "<pad>", "<|endoftext|>"]) ?? 0
        let pairTask: EncoderConfiguration.PairTask =
            variant == .roberta ? .none : (examples.pairTask == "sop" ? .sop : .nsp)
        let encoder = EncoderConfiguration(
            vocabularySize: examples.tokenizer.vocabularySize, hiddenSize: configuration.hidden,
            layers: configuration.layers, heads: configuration.heads, intermediateSize: configuration.feedForward,
            maxPositions: length + EncoderConfiguration.positionOffset(variant, padTokenID: pad), padTokenID: pad,
            pairTask: pairTask, typeVocabularySize: variant == .roberta ? 1 : 2,
            activation: variant == .albert ? .tanh : .exact, variant: variant,
            embeddingSize: variant == .albert ? configuration.albertEmbeddingSize : nil)
        let model = try BertForPreTraining(configuration: encoder, seed: configuration.seed)
        let transform = examples.fieldNames.contains("masked_lm_positions") ? nil : try dynamicMasking(examples)
        return Built(
            model: model, transform: transform,
            description: describe(name(encoder), configuration, vocabulary: encoder.vocabularySize, sequence: length),
            probeFraming: examples.encoderFraming(length: length, pad: pad))
    }

    /// How the description names an encoder: `bert (NSP)`, `roberta (MLM only)`,
    /// `albert (SOP, embedding 64, layers shared)`.
    static func name(_ encoder: EncoderConfiguration) -> String {
        let task = encoder.pairTask.rawValue.uppercased()
        switch encoder.variant {
        case .bert: return "bert (\(task))"
        case .roberta: return "roberta (MLM only)"
        case .albert: return "albert (\(task), embedding \(encoder.embeddingSize), layers shared)"
        }
    }

    /// RoBERTa's masking of `input_ids` at load time (blocks without stored masks).
    static func dynamicMasking(_ examples: Examples) throws -> DynamicMasking {
        guard let mask = examples.id(ofAny: ["[MASK]", "<mask>"]) else {
            throw PretextError(
                .invalidConfiguration,
                "masking at load time needs a [MASK] or <mask> token, and the examples' tokenizer has none",
                path: examples.path)
        }
        let specials = examples.tokenizer.addedTokens.filter(\.special).map(\.id)
        return try DynamicMasking(
            schema: examples.schema, maskID: UInt32(mask), vocabularySize: examples.tokenizer.vocabularySize,
            specialIDs: Set(specials))
    }

    static func describe(
        _ name: String, _ configuration: TrainingConfiguration, vocabulary: Int, sequence: Int
    ) -> String {
        "\(name), \(configuration.layers) layers × \(configuration.hidden), \(configuration.heads) heads, "
            + "vocabulary \(vocabulary), sequence \(sequence)"
    }
}

extension ModelFactory {
    /// GPT-2 on `causal_lm` blocks, attention and positions restarting at document starts; the
    /// end-of-text token (`<|endoftext|>`, else `</s>`, else `[SEP]`) as BOS and EOS.
    static func gpt2(_ examples: Examples, _ configuration: TrainingConfiguration) throws -> Built {
        let length = examples.count(of: "input_ids") ?? 0
        let eos = examples.id(ofAny: ["<|endoftext|>", "</s>", "[SEP]"]) ?? 0
        let decoder = DecoderConfiguration(
            vocabulary: examples.tokenizer.vocabularySize, embedding: configuration.hidden,
            layers: configuration.layers, heads: configuration.heads, inner: configuration.feedForward,
            positions: length, bosTokenID: eos, eosTokenID: eos)
        let model = try GPT2LMHeadModel(decoder, seed: configuration.seed)
        return Built(
            model: model, transform: nil,
            description: describe("gpt2", configuration, vocabulary: decoder.vocabulary, sequence: length),
            probeFraming: ProbeFraming(maxLength: length, padID: Int32(eos)))
    }
}

extension ModelFactory {
    /// The contrastive encoder on `contrastive` pairs, with the options' pooling and temperature;
    /// the pad id as BERT's; the probe frames documents as the pairs' texts are, `[CLS]` …
    /// `[SEP]`, at most the records' `max_length` tokens.
    static func contrastive(_ examples: Examples, _ configuration: TrainingConfiguration) throws -> Built {
        let length = examples.count(of: "anchor_ids") ?? 0
        let pad = examples.id(ofAny: ["[PAD]", "<pad>", "<|endoftext|>"]) ?? 0
        let encoder = EncoderConfiguration(
            vocabularySize: examples.tokenizer.vocabularySize, hiddenSize: configuration.hidden,
            layers: configuration.layers, heads: configuration.heads, intermediateSize: configuration.feedForward,
            maxPositions: length, padTokenID: pad, pairTask: .none)
        let model = try ContrastiveEncoder(
            configuration: ContrastiveConfiguration(
                encoder: encoder, pooling: configuration.pooling, temperature: configuration.temperature),
            seed: configuration.seed)
        let name = "contrastive (\(configuration.pooling.rawValue) pooling, temperature \(configuration.temperature))"
        return Built(
            model: model, transform: nil,
            description: describe(name, configuration, vocabulary: encoder.vocabularySize, sequence: length),
            probeFraming: examples.encoderFraming(length: length, pad: pad))
    }
}
