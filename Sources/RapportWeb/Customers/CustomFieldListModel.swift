/// `/admin/fields`: the custom fields per kind of record (with the trash), the form to add one,
/// and the undo banner after a delete.
struct CustomFieldListModel: PageModel {
    /// The fields of one kind of record (customers, key persons, activities).
    struct Group: PageModel {
        let title: String
        let rows: [Row]

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "fields": rows
            case "hasFields": !rows.isEmpty
            default: nil
            }
        }
    }

    struct Row: PageModel {
        let id, key, labelZh, labelEn, kind, options, version: String
        let deleted: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "key": key
            case "labelZh": labelZh
            case "labelEn": labelEn
            case "kind": kind
            case "options": options
            case "version": version
            case "deleted": deleted
            default: nil
            }
        }
    }

    /// The banner after a delete: the field to restore at the version the delete left.
    struct Undo: PageModel {
        let id, version, text: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "version": version
            case "text": text
            default: nil
            }
        }
    }

    let groups: [Group]
    /// The form to add a field.
    let fields: [FormField]
    let errors: FormErrors
    let otherErrors: [String]
    let undo: Undo?

    func child(named name: String) -> Any? {
        switch name {
        case "groups": groups
        case "fields": fields
        case "hasErrors": !errors.isEmpty
        case "otherErrors": otherErrors
        case "undo": undo
        default: nil
        }
    }
}
