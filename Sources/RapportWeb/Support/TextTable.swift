import RapportCore
import RapportEdge

/// One language's texts as templates see them: `{{t.customer.field.name}}` walks the dotted
/// key `customer.field.name` one segment at a time. A missing key renders as the key itself,
/// so it is easy to spot (the locale test keeps both files complete).
struct TextTable: TemplateModel, Sendable {
    private let texts: [String: String]
    private let prefixes: Set<String>
    private let prefix: String

    init(texts: [String: String]) {
        self.texts = texts
        var prefixes = Set<String>()
        for key in texts.keys {
            var parts = key.split(separator: ".").map(String.init)
            while parts.count > 1 {
                parts.removeLast()
                prefixes.insert(parts.joined(separator: "."))
            }
        }
        self.prefixes = prefixes
        self.prefix = ""
    }

    private init(texts: [String: String], prefixes: Set<String>, prefix: String) {
        self.texts = texts
        self.prefixes = prefixes
        self.prefix = prefix
    }

    func child(named name: String) -> Any? {
        let key = prefix.isEmpty ? name : prefix + "." + name
        if let text = texts[key] { return text }
        if prefixes.contains(key) { return TextTable(texts: texts, prefixes: prefixes, prefix: key) }
        return key
    }

    /// The tables for every language, English filling any gap.
    static func all(from localizer: Localizer) -> [Language: TextTable] {
        var tables: [Language: TextTable] = [:]
        for language in Language.allCases {
            let merged = localizer.table(.en).merging(localizer.table(language)) { _, chosen in chosen }
            tables[language] = TextTable(texts: merged)
        }
        return tables
    }
}
