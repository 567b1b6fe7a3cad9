/// The names behind the integer keys of `DocumentObservation` and `AuditTally`: counting
/// by small integers into arrays instead of by strings into dictionaries is what lets the
/// audit keep up with the matcher. Names appear again only in `AuditCounts`, the mergeable
/// form a tally turns into.
public struct AuditKeys: Sendable, Equatable {
    /// Identity groups as `category/group`; a group key is an index into this array.
    public let groups: [String]
    /// Context words (occupation and descriptor keys share one namespace).
    public let context: [String]
    /// Pronoun groups (`female`, `male`, `neutral`).
    public let pronouns: [String]
    /// Offensive-term severities.
    public let severities: [String]

    /// Keys with these names (each array without repeats).
    public init(groups: [String], context: [String] = [], pronouns: [String] = [], severities: [String] = []) {
        self.groups = groups
        self.context = context
        self.pronouns = pronouns
        self.severities = severities
    }

    /// The key of the group `name` (`category/group`), if it is one.
    public func group(_ name: String) -> Int32? { groups.firstIndex(of: name).map(Int32.init) }

    /// The key of the context word `name`, if it is one.
    public func contextWord(_ name: String) -> Int32? { context.firstIndex(of: name).map(Int32.init) }

    /// The key of the pronoun group `name`, if it is one.
    public func pronoun(_ name: String) -> Int32? { pronouns.firstIndex(of: name).map(Int32.init) }

    /// The key of the severity `name`, if it is one.
    public func severity(_ name: String) -> Int32? { severities.firstIndex(of: name).map(Int32.init) }
}
