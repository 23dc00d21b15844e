import RapportCore
import RapportEdge

/// Translated field messages for a form, keyed like `FieldError.field` (`name`, `profile.needs`,
/// `custom.<key>`). Templates read simple names from `errors.<field>`; sections and custom
/// fields carry their own message in their item.
struct FormErrors: PageModel {
    private(set) var messages: [String: String] = [:]

    init() {}

    init(_ errors: [FieldError], env: PageEnvironment, language: Language) {
        for error in errors {
            let message = env.localizer.message(for: error, language)
            if let earlier = messages[error.field] {
                if !earlier.contains(message) { messages[error.field] = earlier + " " + message }
            } else {
                messages[error.field] = message
            }
        }
    }

    /// One message under a field that a form adds itself (a value it could not even parse).
    mutating func add(_ field: String, _ message: String) {
        messages[field] = message
    }

    var isEmpty: Bool { messages.isEmpty }

    subscript(_ field: String) -> String? { messages[field] }

    /// Templates read `errors.<field>`.
    func child(named name: String) -> Any? { messages[name] }

    /// Messages for fields the form does not show, so none is silently lost.
    func others(shown: Set<String>) -> [String] {
        messages.filter { !shown.contains($0.key) && !$0.key.hasPrefix("custom.") && !$0.key.hasPrefix("profile.") }
            .sorted { $0.key < $1.key }.map(\.value)
    }
}

/// One `<option>` of a select (or one box of a checkbox group): value, label and whether it is chosen.
struct Choice: PageModel {
    let value: String
    let label: String
    let selected: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

/// `<option>` lists for selects.
enum Choices {
    /// Every case of an enum, labelled `<prefix>.<rawValue>`, with an optional blank first entry.
    static func of<E: RawRepresentable & CaseIterable>(_ type: E.Type, prefix: String, selected: String?,
                                                      blank: String? = nil, env: PageEnvironment,
                                                      language: Language) -> [Choice] where E.RawValue == String {
        let pairs = E.allCases.map { ($0.rawValue, env.text("\(prefix).\($0.rawValue)", language)) }
        return list(pairs, selected: selected, blank: blank.map { env.text($0, language) })
    }

    /// Options from value/label pairs.
    static func list(_ pairs: [(String, String)], selected: String?, blank: String? = nil) -> [Choice] {
        var options: [Choice] = []
        if let blank { options.append(Choice(value: "", label: blank, selected: (selected ?? "").isEmpty)) }
        for (value, label) in pairs {
            options.append(Choice(value: value, label: label, selected: value == selected))
        }
        return options
    }
}
