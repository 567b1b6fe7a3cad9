import PretextCore

extension TextCleaner {
    /// What `TextCleaner` does; every step can be switched on or off on its own.
    ///
    /// The defaults are what a pretraining corpus wants: everything on except the mojibake
    /// repair (which rewrites text on a heuristic) and the mapping of the ideographic space
    /// U+3000 (which is ordinary in Chinese and Japanese text). `docs/text.md` has the table.
    public struct Options: Sendable, Hashable, OptionSettings {
        /// Remove control characters: C0 (U+0000–U+001F) except tab, line feed and carriage
        /// return, DEL (U+007F) and C1 (U+0080–U+009F). Default `true`.
        ///
        /// VT, FF and NEL are line breaks: with `normalizeLineEndings` they become LF instead.
        public var removeControlCharacters = true

        /// Remove invisible zero-width characters: ZERO WIDTH SPACE U+200B, WORD JOINER U+2060
        /// and ZERO WIDTH NO-BREAK SPACE / byte-order mark U+FEFF; and ZWNJ U+200C and ZWJ
        /// U+200D unless both neighbours are non-ASCII. Default `true`.
        ///
        /// ZWJ and ZWNJ are kept between two non-ASCII characters because there they carry
        /// meaning: emoji sequences (👩‍💻), Persian and Urdu orthography (می‌خواهم), Indic
        /// conjuncts. Next to ASCII they are noise (or obfuscation) and are removed.
        public var removeZeroWidthCharacters = true

        /// Map odd Unicode spaces to an ASCII space: NO-BREAK SPACE U+00A0, OGHAM SPACE MARK
        /// U+1680, U+2000–U+200A (en quad … hair space), NARROW NO-BREAK SPACE U+202F and
        /// MEDIUM MATHEMATICAL SPACE U+205F. Default `true`.
        public var mapUnicodeSpaces = true

        /// Also map IDEOGRAPHIC SPACE U+3000 to an ASCII space. Default `false`: U+3000 is the
        /// normal space (and paragraph indent) of Chinese and Japanese text, so it is kept, and
        /// it counts as text (never trimmed) while kept.
        public var mapIdeographicSpace = false

        /// Turn every line break into LF: CRLF, lone CR, NEL U+0085, VT U+000B, FF U+000C,
        /// LINE SEPARATOR U+2028 and PARAGRAPH SEPARATOR U+2029. Default `true`.
        ///
        /// When off, only LF ends a line for the steps below, and CR is kept as text.
        public var normalizeLineEndings = true

        /// The most line feeds in a row; longer runs (including blank lines that hold only
        /// spaces or tabs) shrink to this many. Default 2 (at most one blank line between
        /// paragraphs); 0 turns the limit off.
        public var maxConsecutiveNewlines = 2

        /// Remove spaces and tabs at the end of every line. Default `true`.
        public var trimTrailingWhitespace = true

        /// Remove spaces, tabs and line breaks at the start and end of the document (what
        /// Python's `str.strip()` does, except that a kept U+3000 stays). Default `true`.
        public var trimDocument = true

        /// Repair the commonest mojibake: UTF-8 text that was decoded as Windows-1252 or
        /// Latin-1 and encoded again ("cafÃ©" → "café", "â€™" → "’"). Default `false`.
        ///
        /// Conservative: a run of non-ASCII characters that all exist in Windows-1252 is
        /// replaced only when its Windows-1252 bytes form valid UTF-8. See `docs/text.md` for
        /// what it cannot repair.
        public var repairMojibake = false

        /// The defaults described on each property.
        public init() {}

        /// Every step switched off: `clean` copies the text unchanged.
        public static var none: Options {
            var options = Options()
            options.removeControlCharacters = false
            options.removeZeroWidthCharacters = false
            options.mapUnicodeSpaces = false
            options.mapIdeographicSpace = false
            options.normalizeLineEndings = false
            options.maxConsecutiveNewlines = 0
            options.trimTrailingWhitespace = false
            options.trimDocument = false
            options.repairMojibake = false
            return options
        }
    }
}
