import PretextPII

/// A detector that reports every syntactically valid IP address.
let everyIP = PIIDetector(PIIConfig(ipScope: .all))

/// What `detector` finds in `text`, as (type, matched text) pairs.
func found(_ text: String, _ detector: PIIDetector = everyIP) -> [Found] {
    let bytes = Array(text.utf8)
    return detector.scan(bytes).map { Found($0.type, String(decoding: bytes[$0.range], as: UTF8.self)) }
}

/// The matched text of every match of `type`.
func found(_ type: PIIType, in text: String, _ detector: PIIDetector = everyIP) -> [String] {
    found(text, detector).filter { $0.type == type }.map(\.text)
}

/// One match, comparable in `#expect`.
struct Found: Hashable, CustomStringConvertible {
    var type: PIIType
    var text: String
    init(_ type: PIIType, _ text: String) {
        self.type = type
        self.text = text
    }
    var description: String { "\(type)(\(text))" }
}
