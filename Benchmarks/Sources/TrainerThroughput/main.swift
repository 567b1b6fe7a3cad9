import Foundation
import Pretext

// Training throughput of Pretext's trainer against the OpenBLAS sgemm peak of this machine
// (model FLOP utilization), for scripts/bench/trainer.sh (issue 14), which runs PyTorch eager
// on the same configurations beside it. Not a test.
//   swift build --package-path Benchmarks -c release --product pretext-trainer-throughput
//   Benchmarks/.build/release/pretext-trainer-throughput [--steps N] [--threads T]
// Prints one tab-separated line per run: name, tokens/s, model GFLOP/s, sgemm peak GFLOP/s,
// MFU, peak RSS (MiB). Batches are random ids (seeded); every token is real.

struct Options {
    var steps = 10
    var threads = ProcessInfo.processInfo.activeProcessorCount
    var models = ["bert", "gpt2"]

    init(_ arguments: [String]) {
        var index = 1
        while index < arguments.count {
            switch arguments[index] {
            case "--steps": steps = Int(arguments[index + 1])!
            case "--threads": threads = Int(arguments[index + 1])!
            case "--model": models = [arguments[index + 1]]
            default: fatalError("unknown argument \(arguments[index])")
            }
            index += 2
        }
    }
}

/// The configuration of the bar: hidden 256, 4 layers, sequence 128, batch 32.
enum Shape {
    static let hidden = 256
    static let layers = 4
    static let heads = 4
    static let sequence = 128
    static let batch = 32
    static let vocabulary = 8192
    static let predictions = 20
}

/// GFLOP/s of a 1024³ sgemm, the best of ten runs of four (the machine's matrix-product peak).
func sgemmPeak() -> Double {
    let n = 1024
    let a = [Float](repeating: 0.5, count: n * n)
    let b = [Float](repeating: 0.25, count: n * n)
    var c = [Float](repeating: 0, count: n * n)
    var best = 0.0
    // One untimed product first (OpenBLAS starts its threads and buffers), then the best of ten.
    BLAS.gemm(
        transposeA: false, transposeB: false, rows: n, columns: n, inner: n, alpha: 1, a: a, lda: n, b: b, ldb: n,
        beta: 0, c: &c, ldc: n)
    for _ in 0..<10 {
        let start = ContinuousClock.now
        for _ in 0..<4 {
            BLAS.gemm(
                transposeA: false, transposeB: false, rows: n, columns: n, inner: n, alpha: 1, a: a, lda: n, b: b,
                ldb: n, beta: 0, c: &c, ldc: n)
        }
        best = max(best, 4 * 2 * Double(n * n * n) / (ContinuousClock.now - start).inSeconds / 1e9)
    }
    return best
}

func tensor(_ rows: Int, _ columns: Int, _ values: [Int32]) -> Batch.Tensor {
    Batch.Tensor(shape: [rows, columns], values: values)
}

/// A batch of random ids; BERT's with 20 predictions and a pair label, GPT-2's one document a row.
func batch(bert: Bool, random: inout SplitMix64) -> Batch {
    let rows = Shape.batch
    let length = Shape.sequence
    let ids = (0..<(rows * length)).map { _ in Int32(1 + random.next() % UInt64(Shape.vocabulary - 1)) }
    var tensors: [String: Batch.Tensor] = [
        "input_ids": tensor(rows, length, ids),
        "length": tensor(rows, 1, [Int32](repeating: Int32(length), count: rows)),
    ]
    if bert {
        let positions = (0..<rows).flatMap { _ in (0..<Shape.predictions).map { Int32(1 + $0 * 6) } }
        tensors["segment_ids"] = tensor(rows, length, (0..<(rows * length)).map { Int32($0 % length < 64 ? 0 : 1) })
        tensors["masked_lm_positions"] = tensor(rows, Shape.predictions, positions)
        tensors["masked_lm_ids"] = tensor(rows, Shape.predictions, positions.map { ($0 * 31) % 8000 + 1 })
        tensors["masked_lm_count"] = tensor(rows, 1, [Int32](repeating: Int32(Shape.predictions), count: rows))
        tensors["label"] = tensor(rows, 1, (0..<rows).map { Int32($0 % 2) })
    } else {
        tensors["positions"] = tensor(rows, length, (0..<(rows * length)).map { Int32($0 % length) })
    }
    let names = tensors.keys.sorted()
    return Batch(
        names: names, tensors: tensors, examples: (0..<rows).map { ExampleKey(source: 0, epoch: 0, index: $0) })
}

/// Model FLOPs per token of a training step (forward 2, backward 4 per multiply-add of the
/// matrix products): the layers' weights, attention's two products, and the output layer on
/// the positions that predict (BERT: 20 of 128; GPT-2: all).
func flopsPerToken(bert: Bool) -> Double {
    let h = Double(Shape.hidden)
    let layerWeights = 12 * h * h  // q, k, v, output (4h²) and the feed-forward (8h²)
    let attention = 2 * Double(Shape.sequence) * h  // QKᵀ and PV per token
    var perToken = 6 * Double(Shape.layers) * (layerWeights + attention)
    let head = Double(Shape.vocabulary) * h + (bert ? h * h : 0)  // BERT's transform dense too
    perToken += 6 * head * (bert ? Double(Shape.predictions) / Double(Shape.sequence) : 1)
    return perToken
}

func model(bert: Bool) throws -> any TrainableModel {
    if bert {
        return try BertForPreTraining(
            configuration: EncoderConfiguration(
                vocabularySize: Shape.vocabulary, hiddenSize: Shape.hidden, layers: Shape.layers, heads: Shape.heads,
                intermediateSize: 4 * Shape.hidden, maxPositions: Shape.sequence, padTokenID: 0),
            seed: 1)
    }
    return try GPT2LMHeadModel(
        DecoderConfiguration(
            vocabulary: Shape.vocabulary, embedding: Shape.hidden, layers: Shape.layers, heads: Shape.heads,
            positions: Shape.sequence, bosTokenID: 0, eosTokenID: 0),
        seed: 1)
}

let options = Options(CommandLine.arguments)
BLAS.threads = options.threads
Parallel.threads = options.threads
MemoryReuse.enable()
let peak = sgemmPeak()
for name in options.models {
    let bert = name == "bert"
    let trained = try model(bert: bert)
    var optimizer = try AdamW(parameters: trained.parameters)
    var random = SplitMix64(seed: 7)
    let batches = (0..<3).map { _ in batch(bert: bert, random: &random) }
    func step(_ index: Int) throws {
        for parameter in trained.parameters { parameter.zeroGradient() }
        _ = try trained.trainStep(batches[index % batches.count], gradientScale: 1)
        _ = GradientClipping.clip(trained.parameters, maxNorm: 1)
        optimizer.update(learningRate: 1e-4)
    }
    try step(0)  // warm-up
    let start = ContinuousClock.now
    for index in 0..<options.steps { try step(index) }
    let elapsed = (ContinuousClock.now - start).inSeconds
    let tokens = Double(options.steps * Shape.batch * Shape.sequence)
    let gflops = tokens * flopsPerToken(bert: bert) / elapsed / 1e9
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(
        [
            "pretext-\(name)", String(format: "%.0f", tokens / elapsed), String(format: "%.1f", gflops),
            String(format: "%.1f", peak), String(format: "%.3f", gflops / peak), String(usage.ru_maxrss / 1024),
        ].joined(separator: "\t"))
}
