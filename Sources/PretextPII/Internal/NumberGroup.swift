/// One group of digits in a numeric candidate: `555` in `(555) 555-0100`.
struct NumberGroup {
    /// Offset of the first digit.
    var start: Int
    /// Offset just past the last digit.
    var end: Int
    /// Offset just past the group, including its closing `)` when it has one.
    var close: Int
    /// The separator before the group: `0` for the first group, ` `, `-`, `.`, `/`, or
    /// `NumberGroup.adjacent` when a parenthesis alone separates it (`(555)555`).
    var separator: UInt8
    /// Whether the group is written in parentheses.
    var parenthesized: Bool

    /// The separator value of groups that touch a parenthesis: `(0)30`, `+1(555)`.
    static let adjacent: UInt8 = 1

    /// The number of digits.
    var digits: Int { end &- start }  // end >= start by construction
}
