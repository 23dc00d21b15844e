import Foundation

/// One form control as the `field` partial renders it. It answers every key the partial reads
/// (with an empty value where a control has none), so a key never picks up a value from an outer
/// template context.
struct FormField: PageModel {
    /// What kind of control, with what only that kind has.
    enum Control: Sendable {
        /// A single-line input (`type` text, email, tel, url, number, date, datetime-local, password).
        case input(type: String, list: String)
        case textarea(rows: Int)
        case select([Choice])
        /// One checkbox sending `1` when ticked.
        case checkbox(checked: Bool)
        /// A group of checkboxes sharing one name (multi-choice).
        case checkboxes([Choice])
    }

    let name: String
    /// The element id: `f-<name>` unless the page holds several forms (`prefixed`).
    var id: String
    let label: String
    let required: Bool
    let hint: String
    let error: String?
    let value: String
    let control: Control

    private init(_ name: String, _ label: String, errors: FormErrors, required: Bool = false, hint: String = "",
                 value: String = "", control: Control) {
        self.name = name
        self.id = "f-" + name.replacingOccurrences(of: ".", with: "-")
        self.label = label
        self.required = required
        self.hint = hint
        self.error = errors[name]
        self.value = value
        self.control = control
    }

    static func input(_ name: String, _ label: String, value: String, errors: FormErrors, type: String = "text",
                      required: Bool = false, hint: String = "", list: String = "") -> FormField {
        FormField(name, label, errors: errors, required: required, hint: hint, value: value,
                  control: .input(type: type, list: list))
    }

    static func textarea(_ name: String, _ label: String, value: String, errors: FormErrors, rows: Int = 3,
                         hint: String = "") -> FormField {
        FormField(name, label, errors: errors, hint: hint, value: value, control: .textarea(rows: rows))
    }

    /// A select; `options` from `Choices`.
    static func select(_ name: String, _ label: String, options: [Choice], errors: FormErrors,
                       required: Bool = false, hint: String = "") -> FormField {
        FormField(name, label, errors: errors, required: required, hint: hint, control: .select(options))
    }

    static func checkbox(_ name: String, _ label: String, checked: Bool, errors: FormErrors, hint: String = "") -> FormField {
        FormField(name, label, errors: errors, hint: hint, control: .checkbox(checked: checked))
    }

    static func checkboxes(_ name: String, _ label: String, options: [Choice], errors: FormErrors) -> FormField {
        FormField(name, label, errors: errors, control: .checkboxes(options))
    }

    /// The same field with the id `<prefix>-<name>`, for forms that share a page with others.
    func prefixed(_ prefix: String) -> FormField {
        var copy = self
        copy.id = prefix + "-" + name.replacingOccurrences(of: ".", with: "-")
        return copy
    }

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "id": id
        case "label": label
        case "required": required
        case "hint": hint
        case "hasHint": !hint.isEmpty
        case "error": error ?? ""
        case "hasError": error != nil
        case "value": value
        case "isInput": if case .input = control { true } else { false }
        case "isTextarea": if case .textarea = control { true } else { false }
        case "isSelect": if case .select = control { true } else { false }
        case "isCheckbox": if case .checkbox = control { true } else { false }
        case "isCheckboxes": if case .checkboxes = control { true } else { false }
        case "type": if case .input(let type, _) = control { type } else { "text" }
        case "hasStep": if case .input("number", _) = control { true } else { false }
        case "list": if case .input(_, let list) = control { list } else { "" }
        case "hasList": if case .input(_, let list) = control { !list.isEmpty } else { false }
        case "rows": if case .textarea(let rows) = control { String(rows) } else { "3" }
        case "checked": if case .checkbox(let checked) = control { checked } else { false }
        case "options":
            switch control {
            case .select(let options), .checkboxes(let options): options
            default: [Choice]()
            }
        default: nil
        }
    }
}

/// A titled group of form fields (a fieldset; the templates read `title` and `fields`).
struct FieldGroup: PageModel {
    let title: String
    let fields: [FormField]

    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "fields": fields
        default: nil
        }
    }
}
