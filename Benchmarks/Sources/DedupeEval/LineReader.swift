import Foundation

/// Calls `body` with every non-empty line of the file at `path`, trimmed of surrounding
/// whitespace (read with getline, so large files are not loaded whole); exits if the file
/// cannot be opened.
func forEachLine(_ path: String, _ body: (String) -> Void) {
    guard let file = fopen(path, "rb") else { fail("cannot open \(path)") }
    defer { fclose(file) }
    var buffer: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(buffer) }
    while true {
        let length = getline(&buffer, &capacity, file)
        guard length >= 0, let buffer else { break }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !line.isEmpty { body(line) }
    }
}
