import Foundation
/// One form control as the `field` partial renders it. Every item carries every key, so a
/// missing key never picks up a value from an outer template context.
enum FormField {
    /// A single-line input (`type` text, email, tel, url, number, date, datetime-local, password).
    static func input(_ name: String, _ label: String, value: String, errors: FormErrors, type: String = "text",
                      required: Bool = false, hint: String = "", list: String = "") -> [String: Any] {
        var item = base(name, label, errors: errors, required: required, hint: hint)
        item["list"] = list
        item["hasList"] = !list.isEmpty
        item["isInput"] = true
        item["type"] = type
        item["value"] = value
        item["hasStep"] = type == "number"
        return item
    }

    static func textarea(_ name: String, _ label: String, value: String, errors: FormErrors, rows: Int = 3,
                         hint: String = "") -> [String: Any] {
        var item = base(name, label, errors: errors, required: false, hint: hint)
        item["isTextarea"] = true
        item["value"] = value
        item["rows"] = String(rows)
        return item
    }

    /// A select; `options` from `Choices` (value, label, selected).
    static func select(_ name: String, _ label: String, options: [[String: Any]], errors: FormErrors,
                       required: Bool = false) -> [String: Any] {
        var item = base(name, label, errors: errors, required: required, hint: "")
        item["isSelect"] = true
        item["options"] = options
        return item
    }

    /// One checkbox sending `1` when ticked.
    static func checkbox(_ name: String, _ label: String, checked: Bool, errors: FormErrors, hint: String = "") -> [String: Any] {
        var item = base(name, label, errors: errors, required: false, hint: hint)
        item["isCheckbox"] = true
        item["checked"] = checked
        return item
    }

    /// A group of checkboxes sharing one name (multi-choice).
    static func checkboxes(_ name: String, _ label: String, options: [[String: Any]], errors: FormErrors) -> [String: Any] {
        var item = base(name, label, errors: errors, required: false, hint: "")
        item["isCheckboxes"] = true
        item["options"] = options
        return item
    }

    private static func base(_ name: String, _ label: String, errors: FormErrors, required: Bool,
                             hint: String) -> [String: Any] {
        [
            "name": name,
            "id": "f-" + name.replacingOccurrences(of: ".", with: "-"),
            "label": label,
            "required": required,
            "hint": hint,
            "hasHint": !hint.isEmpty,
            "error": errors[name] ?? "",
            "hasError": errors[name] != nil,
            "isInput": false, "isTextarea": false, "isSelect": false, "isCheckbox": false, "isCheckboxes": false,
            "type": "text", "value": "", "hasStep": false, "list": "", "hasList": false, "rows": "3", "options": [[String: Any]](), "checked": false,
        ]
    }
}
