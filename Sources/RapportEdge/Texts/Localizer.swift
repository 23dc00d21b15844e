import Foundation
import RapportCore

/// User-facing texts, loaded once from `Locales/<language>.json` (flat key → text maps).
/// Every text shown to a user goes through here; a missing key shows the key itself and is
/// caught by the locale completeness test.
public struct Localizer: Sendable {
    public let texts: [Language: [String: String]]

    public init(texts: [Language: [String: String]]) {
        self.texts = texts
    }

    /// Loads the bundled locale files.
    public static func bundled() throws -> Localizer {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Locales") else {
                throw LocalizerError.missingFile(language.rawValue)
            }
            texts[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Localizer(texts: texts)
    }

    /// The text for a key, with `{0}`, `{1}`… replaced by `arguments`.
    public func text(_ key: String, _ language: Language, _ arguments: String...) -> String {
        text(key, language, arguments)
    }

    /// The text for `key` with `{0}`, `{1}`… replaced by `arguments`, and each plural choice
    /// `{n|one|other}` replaced by `one` when argument `n` is exactly "1", else by `other`
    /// ("{0} {0|day|days} left" → "1 day left", "3 days left"). Chinese texts need no choices.
    public func text(_ key: String, _ language: Language, _ arguments: [String]) -> String {
        let template = texts[language]?[key] ?? texts[.en]?[key] ?? key
        return Self.fill(template, arguments)
    }

    /// Fills `{n}` and `{n|one|other}` in one pass over the template.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return result + rest[open...] }
            let inside = rest[rest.index(after: open)..<close]
            let parts = inside.split(separator: "|", omittingEmptySubsequences: false)
            if let index = Int(parts[0]), arguments.indices.contains(index) {
                if parts.count == 3 {
                    result += arguments[index] == "1" ? parts[1] : parts[2]
                } else if parts.count == 1 {
                    result += arguments[index]
                } else {
                    result += rest[open...close]
                }
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The whole table for one language (templates read `t.key`).
    public func table(_ language: Language) -> [String: String] {
        texts[language] ?? [:]
    }

    /// A translated message for a field error: `error.<code>` with the detail as `{0}`.
    public func message(for error: FieldError, _ language: Language) -> String {
        text("error.\(error.code)", language, error.detail ?? "")
    }
}

public enum LocalizerError: Error {
    case missingFile(String)
}
