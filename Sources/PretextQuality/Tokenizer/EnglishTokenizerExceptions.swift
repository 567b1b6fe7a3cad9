/// The special cases of spaCy 3.8's English tokenizer: strings that are split into fixed
/// pieces (contractions such as "don't" → "do" "n't") or kept whole ("e.g.", "Mr.", ":)").
///
/// The table is generated here from the rules spaCy applies (pronoun × verb contractions,
/// title-case variants, typographic-apostrophe variants, times of day, abbreviations), so the
/// resulting set of keys and splits is the same as spaCy's `TOKENIZER_EXCEPTIONS` for English.
enum EnglishTokenizerExceptions {
    /// Every special case: the whole string and the pieces it becomes (concatenating to it).
    static let all: [(key: String, pieces: [String])] = build()

    private static func title(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    private static func build() -> [(key: String, pieces: [String])] {
        var table: [String: [String]] = [:]
        func add(_ pieces: [String]) { table[pieces.joined()] = pieces }
        func both(_ word: String, _ body: (String) -> Void) { for o in [word, title(word)] { body(o) } }

        // Base exceptions shared by all languages.
        for s in [" ", "\t", "\\t", "\n", "\\n", "\u{2014}", "\u{00A0}", "'", "\\\")", "<space>", "''", "C++"] {
            add([s])
        }
        for c in "abcdefghijklmnopqrstuvwxyzäöü" { add(["\(c)."]) }
        for e in emoticons.split(separator: " ") { add([String(e)]) }
        for u in ["c", "f", "k", "C", "F", "K"] { add(["°", u, "."]) }

        // Pronoun contractions.
        both("i") { o in
            add([o, "'m"]); add([o, "m"]); add([o, "'m", "a"]); add([o, "m", "a"])
        }
        for p in ["i", "you", "he", "she", "it", "we", "they"] {
            both(p) { o in
                add([o, "'ll"]); add([o, "ll"]); add([o, "'ll", "'ve"]); add([o, "ll", "ve"])
                add([o, "'d"]); add([o, "d"]); add([o, "'d", "'ve"]); add([o, "d", "ve"])
            }
        }
        for p in ["i", "you", "we", "they"] {
            both(p) { o in
                add([o, "'ve"]); add([o, "ve"])
            }
        }
        for p in ["you", "we", "they"] {
            both(p) { o in
                add([o, "'re"]); add([o, "re"])
            }
        }
        for p in ["he", "she", "it"] {
            both(p) { o in
                add([o, "'s"]); add([o, "s"])
            }
        }

        // W-words, demonstratives, "there".
        let singular: Set = ["that", "this"]
        let plural: Set = ["these", "those"]
        for w in ["who", "what", "when", "where", "why", "how", "there", "that", "this", "these", "those"] {
            both(w) { o in
                if !plural.contains(w) { add([o, "'s"]); add([o, "s"]) }
                add([o, "'ll"]); add([o, "ll"]); add([o, "'ll", "'ve"]); add([o, "ll", "ve"])
                if !singular.contains(w) {
                    add([o, "'re"]); add([o, "re"]); add([o, "'ve"]); add([o, "ve"])
                }
                add([o, "'d"]); add([o, "d"]); add([o, "'d", "'ve"]); add([o, "d", "ve"])
            }
        }

        // Negated modal and auxiliary verbs.
        for v in [
            "ca", "could", "do", "does", "did", "had", "may", "might", "must", "need", "ought",
            "sha", "should", "wo", "would",
        ] {
            both(v) { o in
                add([o, "n't"]); add([o, "nt"]); add([o, "n't", "'ve"]); add([o, "nt", "ve"])
            }
        }
        for v in ["could", "might", "must", "should", "would"] {
            both(v) { o in
                add([o, "'ve"]); add([o, "ve"])
            }
        }
        for v in ["ai", "are", "is", "was", "were", "have", "has", "dare"] {
            both(v) { o in
                add([o, "n't"]); add([o, "nt"])
            }
        }

        // Dropped letters.
        for w in ["doin", "goin", "nothin", "nuthin", "ol", "somethin"] {
            both(w) { o in
                add([o]); add([o + "'"])
            }
        }
        for w in ["em", "ll", "nuff"] { add([w]); add(["'" + w]) }

        // Times of day.
        for h in 1...12 {
            for p in ["a.m.", "am", "p.m.", "pm"] { add(["\(h)", p]) }
        }

        for pieces in [
            ["y'", "all"], ["y", "all"], ["how", "'d", "'y"], ["How", "'d", "'y"], ["not", "'ve"],
            ["not", "ve"], ["Not", "'ve"], ["Not", "ve"], ["can", "not"], ["Can", "not"], ["gon", "na"],
            ["Gon", "na"], ["got", "ta"], ["Got", "ta"], ["let", "'s"], ["Let", "'s"], ["c'm", "on"],
            ["C'm", "on"],
        ] {
            add(pieces)
        }
        for s in wholeWords.split(separator: " ") { add([String(s)]) }

        // spaCy drops these keys again (they are ordinary words).
        for s in [
            "Ill", "ill", "Its", "its", "Hell", "hell", "Shell", "shell", "Shed", "shed", "were", "Were",
            "Well", "well", "Whore", "whore",
        ] {
            table[s] = nil
        }

        // Every key with an ASCII apostrophe also exists with U+2019.
        for (key, pieces) in table where key.contains("'") {
            let curly = key.replacingApostrophes()
            table[curly] = pieces.map { $0.replacingApostrophes() }
        }
        return table.map { ($0.key, $0.value) }.sorted { $0.key < $1.key }
    }

    /// Strings kept as one token: clipped words, abbreviations with periods, state names.
    private static let wholeWords = """
        'S 's \u{2018}S \u{2018}s and/or w/o 're 'Cause 'cause 'cos 'Cos 'coz 'Coz 'cuz 'Cuz 'bout ma'am \
        Ma'am o'clock O'clock lovin' Lovin' lovin Lovin havin' Havin' havin Havin doin' Doin' doin Doin \
        goin' Goin' goin Goin Mt. Ak. Ala. Apr. Ariz. Ark. Aug. Calif. Colo. Conn. Dec. Del. Feb. Fla. \
        Ga. Ia. Id. Ill. Ind. Jan. Jul. Jun. Kan. Kans. Ky. La. Mar. Mass. Mich. Minn. Miss. N.C. N.D. \
        N.H. N.J. N.M. N.Y. Neb. Nebr. Nev. Nov. Oct. Okla. Ore. Pa. S.C. Sep. Sept. Tenn. Va. Wash. \
        Wis. 'd a.m. Adm. Bros. co. Co. Corp. D.C. Dr. e.g. E.g. E.G. Gen. Gov. i.e. I.e. I.E. Inc. \
        Jr. Ltd. Md. Messrs. Mo. Mont. Mr. Mrs. Ms. p.m. Ph.D. Prof. Rep. Rev. Sen. St. vs. v.s.
        """

    /// Emoticons kept as one token.
    private static let emoticons = """
        :) :-) :)) :-)) :))) :-))) (: (-: =) (= :] :-] [: [-: [= =] :o) (o: :} :-} 8) 8-) (-8 ;) ;-) \
        (; (-; :( :-( :(( :-(( :((( :-((( ): )-: =( >:( :') :'-) :'( :'-( :/ :-/ =/ =| :| :-| ]= =[ \
        :1 :P :-P :p :-p :O :-O :o :-o :0 :-0 :() >:o :* :-* :3 :-3 =3 :> :-> :X :-X :x :-x :D :-D \
        ;D ;-D =D xD XD xDD XDD 8D 8-D ^_^ ^__^ ^___^ >.< >.> <.< ._. ;_; -_- -__- v.v V.V v_v V_V \
        o_o o_O O_o O_O 0_o o_0 0_0 o.O O.o O.O o.o 0.0 o.0 0.o @_@ <3 <33 <333 </3 (^_^) (-_-) \
        (._.) (>_<) (*_*) (¬_¬) ಠ_ಠ ಠ︵ಠ (ಠ_ಠ) ¯\\(ツ)/¯ (╯°□°）╯︵┻━┻ ><(((*>
        """
}

extension String {
    fileprivate func replacingApostrophes() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "'" ? "\u{2019}" : $0 }))
    }
}
