import PretextCore

/// The documents of well-framed WARC records: conversion texts, and HTML or plain-text HTTP
/// responses with their codings undone (`HTTPCodings`), decoded to UTF-8
/// (`PayloadCharsetDecoder`).
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
        let decoded: PayloadCharsetDecoder.Decoded
        switch decodePayload(payload, response, isHTML: isHTML) {
        case .success(let result): decoded = result
        case .failure(let problem):
            return try emitter.reject(
                problem.reason, line: nil, offset: offset, detail: problem.detail, raw: payload, to: body)
        }
        let charset = (decoded.charset, decoded.source)
        guard isHTML else {
            return try decoded.text.withUnsafeBytes {
                try emitText($0, headers: headers, offset: offset, charset: charset, &emitter, body)
            }
        }
        var text: [UInt8] = []
        decoded.text.withUnsafeBytes { extractor.extract($0, into: &text) }
        try text.withUnsafeBytes {
            try emitText($0, headers: headers, offset: offset, charset: charset, &emitter, body)
        }
    }

    /// The payload with its HTTP codings undone (`HTTPCodings`), decoded to UTF-8
    /// (`PayloadCharsetDecoder`).
    private func decodePayload(
        _ payload: UnsafeRawBufferPointer, _ response: HTTPResponse, isHTML: Bool
    ) -> Result<
        PayloadCharsetDecoder.Decoded, PayloadProblem
    > {
        switch HTTPCodings.decode(payload, headers: response.headers, limit: options.maxWARCRecordBytes) {
        case .failure(let problem):
            return .failure(problem)
        case .success(nil):
            return PayloadCharsetDecoder.decode(payload, headerLabel: response.charset, isHTML: isHTML)
        case .success(let body?):
            return body.withUnsafeBytes {
                PayloadCharsetDecoder.decode($0, headerLabel: response.charset, isHTML: isHTML)
            }
        }
    }

    /// Validates text from a record and reports it as a document or a reject.
    /// `charset` is the payload's charset and where it came from, for HTTP responses.
    private func emitText(
        _ text: UnsafeRawBufferPointer, headers: WARCHeaders, offset: Int64,
        charset: (String, CharsetSource)? = nil, _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
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
        var document = IngestedDocument(
            id: id, text: Array(text), metaJSON: meta(headers), chars: UTF8Validation.scalarCount(text),
            line: nil, offset: offset)
        if let (name, source) = charset {
            document.charset = name
            document.charsetSource = source
            emitter.summary.charsets[name, default: 0] += 1
        }
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
