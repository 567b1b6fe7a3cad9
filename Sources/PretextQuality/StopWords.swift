/// Stop-word lists for the Gopher "enough stop words" rule.
///
/// English is the rule's definition in datatrove (`STOP_WORDS` of the Gopher quality filter).
/// The Chinese and Japanese lists were written for Pretext: frequent function words
/// (particles, pronouns, copulas, auxiliaries, conjunctions). Single characters are included so
/// that the character-based fallback splitter finds them; multi-character words match once ICU
/// word segmentation is in use.
public enum StopWords {
    /// datatrove's Gopher stop words (matched case-sensitively, as datatrove does).
    public static let english: Set<String> = ["the", "be", "to", "of", "and", "that", "have", "with"]

    /// Chinese function words (simplified and traditional forms).
    public static let chinese: Set<String> = [
        "的", "了", "是", "在", "和", "有", "我", "他", "她", "它", "这", "那", "不", "也", "就", "都",
        "而", "及", "与", "或", "但", "被", "把", "对", "从", "到", "让", "给", "着", "过", "们", "个",
        "之", "其", "为", "以", "于", "上", "中", "很", "还", "又", "再", "所", "因", "如", "则", "并",
        "這", "個", "們", "為", "於", "與", "對", "從", "讓", "還", "過", "並", "則",
        "我们", "他们", "她们", "你们", "这个", "那个", "这些", "那些", "因为", "所以", "但是", "如果",
        "已经", "可以", "没有", "就是", "还是", "而且", "以及", "或者", "自己", "什么", "一个",
        "我們", "他們", "這個", "這些", "因為", "沒有", "已經", "甚麼", "什麼",
    ]

    /// Japanese function words (particles, auxiliaries, copulas, demonstratives).
    public static let japanese: Set<String> = [
        "の", "に", "は", "を", "た", "が", "で", "て", "と", "し", "れ", "さ", "も", "な", "へ", "か",
        "だ", "る", "や", "ら", "い", "う", "こ", "そ", "あ", "ど", "よ", "ね", "ま", "す",
        "です", "ます", "した", "して", "する", "いる", "ある", "こと", "もの", "この", "その", "あの",
        "これ", "それ", "から", "まで", "より", "など", "ない", "なる", "られ", "れる", "ため", "よう",
    ]

    /// The list for a language code ("en", "zh", "zh-Hant", "ja", …); English otherwise.
    public static func forLanguage(_ code: String?) -> Set<String> {
        switch QualityConfig.baseLanguage(code) {
        case "zh": return chinese
        case "ja": return japanese
        default: return english
        }
    }
}
