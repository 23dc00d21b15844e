/// `/admin/fields/{id}/edit`: a custom field's labels and options (`admin_field.mustache`).
struct CustomFieldEditModel: PageModel {
    /// What cannot change: the key, the kind of record and the kind of value.
    struct Field: PageModel {
        let id, key, version, object, kind: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "key": key
            case "version": version
            case "object": object
            case "kind": kind
            default: nil
            }
        }
    }

    let outcome: EditOutcome.Summary
    let field: Field
    let fields: [FormField]

    func child(named name: String) -> Any? {
        switch name {
        case "field": field
        case "fields": fields
        default: outcome.child(named: name)
        }
    }
}
