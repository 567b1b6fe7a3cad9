import PretextCore
import PretextDedupe
import PretextStore

/// Which document of a duplicate cluster is kept. Ties (and the rule `first`) go to the
/// document that comes first in the input (`InputOrder`: source, then line).
public enum KeepRule: Sendable, Hashable {
    /// The first document in input order.
    case first
    /// The document whose id sorts first (byte order).
    case id
    /// The longest document (UTF-8 bytes).
    case longest
    /// The highest value of a catalog column (a quality signal); documents without a value lose.
    case column(String)
    /// The document whose source comes first in this list (prefix match); unlisted sources lose.
    case sources([String])

    /// The names accepted by the `keep` option.
    public static let names = ["first", "id", "longest", "column", "source"]

    /// The rule from the stage options `keep`, `keep_column` and `keep_sources`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when the rule's parameter is missing.
    init(options: StageOptions) throws {
        switch options[DedupeOptions.keep] {
        case "id": self = .id
        case "longest": self = .longest
        case "column":
            let column = options[DedupeOptions.keepColumn]
            guard !column.isEmpty else {
                throw PretextError(.invalidConfiguration, "dedupe: keep: column needs keep_column (a catalog column)")
            }
            self = .column(column)
        case "source":
            let sources = options[DedupeOptions.keepSources]
            guard !sources.isEmpty else {
                throw PretextError(.invalidConfiguration, "dedupe: keep: source needs keep_sources (sources in order)")
            }
            self = .sources(sources)
        default: self = .first
        }
    }

    /// The priority of a document under this rule.
    func priority(row: DocumentRow, textBytes: Int, order: UInt64) -> KeepPriority {
        KeepPriority(document: UInt64(row.rowID ?? 0), score: score(row: row, textBytes: textBytes), order: order)
    }

    private func score(row: DocumentRow, textBytes: Int) -> Double {
        switch self {
        case .first, .id:
            return 0
        case .longest:
            return Double(row.bytes ?? textBytes)
        case .column(let name):
            return row.value(of: name)?.double ?? -.infinity
        case .sources(let sources):
            let source = row.source ?? ""
            let rank = sources.firstIndex { source.hasPrefix($0) } ?? sources.count
            return Double(sources.count - rank)
        }
    }
}
