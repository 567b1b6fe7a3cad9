import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext tokenize --tokenizer PATH TEXT…`: encodes texts with a tokenizer file.
    struct Tokenize: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Encode texts with a tokenizer; prints one JSON line per text: ids, tokens, offsets.",
            discussion: """
                The tokenizer is a tokenizer.json (HF tokenizers' format: byte-level BPE, WordPiece), \
                a directory holding one, or a dataset with one in tokenizer/. Without texts, each line \
                of standard input is a text.
                """)

        @Option(help: "The tokenizer.json, or a directory or dataset holding one.")
        var tokenizer: String

        @Argument(help: "Texts to encode (default: the lines of standard input).")
        var texts: [String] = []

        func run() throws {
            try ExitCodes.reporting {
                let loaded = try TokenizerFile.read(try TokenizerFile.locate(tokenizer, dataset: tokenizer))
                let output = OutputBuffer()
                let encode = { (text: String) in output.append(Self.line(loaded.encode(text))) }
                if texts.isEmpty {
                    while let line = readLine(strippingNewline: true) { encode(line) }
                } else {
                    texts.forEach(encode)
                }
                output.flush()
            }
        }

        /// `{"ids":[…],"tokens":[…],"offsets":[[s,e],…]}` and a newline.
        static func line(_ encoding: Encoding) -> [UInt8] {
            var line = Array("{\"ids\":[".utf8)
            line += Array(encoding.ids.map(String.init).joined(separator: ",").utf8)
            line += Array("],\"tokens\":[".utf8)
            for (index, token) in encoding.tokens.enumerated() {
                if index > 0 { line.append(UInt8(ascii: ",")) }
                JSONStringEncoder.appendQuoted(token, to: &line)
            }
            line += Array("],\"offsets\":[".utf8)
            line += Array(encoding.offsets.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",").utf8)
            line += Array("]}\n".utf8)
            return line
        }
    }
}
