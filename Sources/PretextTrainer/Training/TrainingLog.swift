import Foundation
import PretextCore
import _PretextFileSystem

/// The run's log, `log.jsonl`: one JSON object per line, appended and flushed as written.
///
/// Training lines: `{"step":10,"loss":5.91,"learning_rate":0.0003,"grad_norm":1.8,
/// "tokens":20480,"tokens_per_second":41230,"elapsed_seconds":0.5}`; evaluation lines add
/// `"split":"eval"` and the metrics' means (`mlm_loss`, `mlm_accuracy`, `perplexity`, …).
final class TrainingLog {
    /// The file name in the run directory.
    static let fileName = "log.jsonl"

    let path: String
    private let descriptor: FileDescriptor

    /// Opens (creating, or appending to) the log of the run directory `directory`.
    init(directory: String) throws {
        path = FileSystem.join(directory, Self.fileName)
        let path = path
        descriptor = try FileDescriptor.open(path, flags: O_WRONLY | O_CREAT | O_APPEND).get(orThrow: { errno in
            PretextError(.io, "cannot open the training log: \(errno.text)", path: path)
        })
    }

    deinit {
        try? descriptor.close()
    }

    /// Appends one line holding `fields` (numbers and strings), keys in the given order.
    func write(_ fields: [(String, LogValue)]) throws {
        let members = fields.map { "\(JSONStringEncoder.quoted($0.0)):\($0.1.json)" }
        let line = Array(("{" + members.joined(separator: ",") + "}\n").utf8)
        try line.withUnsafeBytes { try descriptor.writeAll($0) }
    }
}

/// A value in a log line.
enum LogValue {
    case integer(Int)
    case number(Double)
    case text(String)

    /// The value as JSON (non-finite numbers as `null`).
    var json: String {
        switch self {
        case .integer(let value): "\(value)"
        case .number(let value): value.isFinite ? "\(value)" : "null"
        case .text(let value): JSONStringEncoder.quoted(value)
        }
    }
}
