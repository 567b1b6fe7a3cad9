/// The slices' names and indices: 0 is the whole corpus (`all`), then `lang:…` and
/// `source:…` slices as they are met.
struct SliceIndex: Sendable {
    private(set) var names = ["all"]
    private var indices = ["all": 0]
    private var lastLanguage = (name: "", index: -1)
    private var lastSource = (name: "", index: -1)

    mutating func index(language: String) -> Int {
        if lastLanguage.index < 0 || lastLanguage.name != language {
            lastLanguage = (language, index(of: "lang:" + language))
        }
        return lastLanguage.index
    }

    mutating func index(source: String) -> Int {
        if lastSource.index < 0 || lastSource.name != source {
            lastSource = (source, index(of: "source:" + source))
        }
        return lastSource.index
    }

    private mutating func index(of name: String) -> Int {
        if let index = indices[name] { return index }
        indices[name] = names.count
        names.append(name)
        return names.count - 1
    }
}
