import PretextCore

/// Applies a recipe to a source body: edits, then a reorder, then boilerplate.
enum VariantMaker {
    /// The variant of `source` that `recipe` describes, drawing from `rng`.
    static func apply(_ recipe: VariantRecipe, to source: DocumentBody, using rng: inout SplitMix64) -> DocumentBody {
        var body = source
        let operations = Set(recipe.operations)
        if operations.contains(.edit) { edit(&body, rate: recipe.editRate, using: &rng) }
        if operations.contains(.reorder) { reorder(&body, using: &rng) }
        if operations.contains(.prepend) { body.header = boilerplate(using: &rng) }
        if operations.contains(.append) { body.footer = boilerplate(using: &rng) }
        return body
    }

    /// Edits every sentence at `rate`.
    static func edit(_ body: inout DocumentBody, rate: Double, using rng: inout SplitMix64) {
        let language = body.language
        for p in body.paragraphs.indices {
            for s in body.paragraphs[p].indices {
                body.paragraphs[p][s].units = edit(
                    body.paragraphs[p][s].units, rate: rate, language: language, using: &rng)
            }
        }
    }

    /// Every unit, with probability `rate`, substituted, preceded by a new unit, or deleted;
    /// a sentence never ends up empty.
    static func edit(
        _ units: [TextUnit], rate: Double, language: SyntheticLanguage, using rng: inout SplitMix64
    ) -> [TextUnit] {
        var edited: [TextUnit] = []
        edited.reserveCapacity(units.count + 4)
        for unit in units {
            guard rng.chance(rate) else {
                edited.append(unit)
                continue
            }
            switch rng.int(in: 0...2) {
            case 0: edited.append(TextUnit(text: newUnit(language, using: &rng), commaAfter: unit.commaAfter))
            case 1: edited += [TextUnit(text: newUnit(language, using: &rng)), unit]
            default: break
            }
        }
        if edited.isEmpty { edited = [TextUnit(text: newUnit(language, using: &rng))] }
        return edited
    }

    /// A fresh word (English) or character (Chinese).
    static func newUnit(_ language: SyntheticLanguage, using rng: inout SplitMix64) -> String {
        switch language {
        case .english: EnglishVocabulary.shared.draw(using: &rng)
        case .chinese: ChineseVocabulary.shared.drawCharacter(using: &rng)
        }
    }

    /// Swaps two paragraphs, or two sentences of the only paragraph.
    static func reorder(_ body: inout DocumentBody, using rng: inout SplitMix64) {
        if let (i, j) = twoIndices(body.paragraphs.count, using: &rng) {
            body.paragraphs.swapAt(i, j)
        } else if !body.paragraphs.isEmpty, let (i, j) = twoIndices(body.paragraphs[0].count, using: &rng) {
            body.paragraphs[0].swapAt(i, j)
        }
    }

    /// Two distinct indices below `count`, or nil when there are fewer than two.
    private static func twoIndices(_ count: Int, using rng: inout SplitMix64) -> (Int, Int)? {
        guard count >= 2 else { return nil }
        let first = rng.int(in: 0...count - 1)
        let second = (first + rng.int(in: 1...count - 1)) % count
        return (first, second)
    }

    /// 1–3 boilerplate lines.
    private static func boilerplate(using rng: inout SplitMix64) -> [String] {
        (0..<rng.int(in: 1...3)).map { _ in BoilerplateLines.shared.draw(using: &rng) }
    }
}
