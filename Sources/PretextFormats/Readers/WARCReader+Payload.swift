import PretextCore

/// The documents of well-framed WARC records: conversion texts, and HTML or plain-text HTTP
/// responses decoded to UTF-8.
extension WARCReader {
    /// Reports the document of a well-framed record of type `type`, or a reject, or counts
    /// the record as skipped.
    mutating func handle(
        type: String, _ headers: WARCHeaders, _ block: [UInt8], offset: Int64, _ emitter: inout InputEmitter,
        _ body: (InputEvent) throws -> Void
    ) throws {
        switch type.lowercased() {
        case "conversion":
            try block.withUnsafeBytes { try emitText($0, headers: headers, offset: offset, &emitter, body) }
        case "response":
            try block.withUnsafeBytes { try handleResponse($0, headers: headers, offset: offset, &emitter, body) }
        default:
            emitter.summary.skippedRecords += 1
        }
    }

    private mutating func handleResponse(
        _ block: UnsafeRawBufferPointer, headers: WARCHeaders, offset: Int64,
        _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws {
        guard let response = HTTPResponse(block: block) else {
            emitter.summary.skippedRecords += 1  // not HTTP (a `dns:` lookup, for one)
            return
        }
        guard response.headersEnd else {
            return try emitter.reject(
                .unterminatedHTTPHeaders, line: nil, offset: offset,
                detail: "the response's HTTP header block has no end (no blank line)", raw: block, to: body)
        }
        guard (200..<300).contains(response.status) else {
            emitter.summary.skippedRecords += 1
            return
        }
        let type = response.mediaType
        let isHTML = type == "text/html" || type == "application/xhtml+xml"
        guard isHTML || type == "text/plain" else {
            emitter.summary.skippedRecords += 1
            return
        }
        let payload = UnsafeRawBufferPointer(rebasing: block[response.payloadStart...])
        for name in ["content-encoding", "transfer-encoding"] {
            if let coding = response.headers[name]?.lowercased(), coding != "identity", !coding.isEmpty {
                return try emitter.reject(
                    .unsupportedEncoding, line: nil, offset: offset,
                    detail: "HTTP \(name) '\(coding)' is not supported", raw: payload, to: body)
            }
        }
        guard let utf8 = try decodeCharset(payload, response.charset, offset: offset, &emitter, body) else { return }
        guard isHTML else {
            return try utf8.withUnsafeBytes { try emitText($0, headers: headers, offset: offset, &emitter, body) }
        }
        var text: [UInt8] = []
        utf8.withUnsafeBytes { extractor.extract($0, into: &text) }
        try text.withUnsafeBytes { try emitText($0, headers: headers, offset: offset, &emitter, body) }
    }

    /// The payload as UTF-8: as is when it is valid UTF-8 and labeled UTF-8 or not labeled;
    /// decoded from Windows-1252 when labeled Latin-1/1252, or unlabeled and not UTF-8.
    /// Reports a reject and returns `nil` for other charsets and for invalid labeled UTF-8.
    private func decodeCharset(
        _ payload: UnsafeRawBufferPointer, _ charset: String?, offset: Int64,
        _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws -> [UInt8]? {
        let label = charset ?? ""
        if label.isEmpty || label == "utf-8" || label == "utf8" {
            if let bad = UTF8Validation.firstInvalidOffset(payload) {
                guard label.isEmpty else {
                    try emitter.reject(
                        .invalidUTF8, line: nil, offset: offset,
                        detail: "payload labeled UTF-8 is invalid at byte \(bad)", raw: payload, to: body)
                    return nil
                }
                return Windows1252.decode(payload)
            }
            return Array(payload)
        }
        if Windows1252.labels.contains(label) { return Windows1252.decode(payload) }
        try emitter.reject(
            .unsupportedEncoding, line: nil, offset: offset,
            detail: "charset '\(label)' is not supported (only UTF-8 and Latin-1/Windows-1252)", raw: payload, to: body)
        return nil
    }

    /// Validates text from a record and reports it as a document or a reject.
    private func emitText(
        _ text: UnsafeRawBufferPointer, headers: WARCHeaders, offset: Int64,
        _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws {
        if let bad = UTF8Validation.firstInvalidOffset(text) {
            return try emitter.reject(
                .invalidUTF8, line: nil, offset: offset, detail: "invalid UTF-8 at byte \(bad) of the record text",
                raw: text, to: body)
        }
        guard text.count <= options.maxDocumentBytes else {
            return try emitter.reject(
                .tooLarge, line: nil, offset: offset,
                detail: "text of \(text.count) bytes is larger than max_document_bytes (\(options.maxDocumentBytes))",
                raw: text, to: body)
        }
        guard !UTF8Whitespace.isBlank(text) else {
            return try emitter.reject(
                .emptyText, line: nil, offset: offset, detail: "the record has no text", raw: text, to: body)
        }
        let id = headers["warc-record-id"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(path)/\(recordIndex)"
        let document = IngestedDocument(
            id: id, text: Array(text), metaJSON: meta(headers), chars: UTF8Validation.scalarCount(text),
            line: nil, offset: offset)
        try emitter.document(document, to: body)
    }

    private func meta(_ headers: WARCHeaders) -> [UInt8] {
        var meta: [UInt8] = [UInt8(ascii: "{")]
        for (key, field) in [("url", "warc-target-uri"), ("date", "warc-date")] {
            guard let value = headers[field] else { continue }
            if meta.count > 1 { meta.append(UInt8(ascii: ",")) }
            JSONStringEncoder.appendQuoted(key, to: &meta)
            meta.append(UInt8(ascii: ":"))
            JSONStringEncoder.appendQuoted(value, to: &meta)
        }
        meta.append(UInt8(ascii: "}"))
        return meta
    }
}
