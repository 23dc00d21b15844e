/// `/customers/{id}/history`: the customer's audit lines, newest first, with the fields each changed.
struct CustomerHistoryModel: PageModel {
    struct Entry: PageModel {
        let when, who, action: String
        let changes: [Change]

        func child(named name: String) -> Any? {
            switch name {
            case "when": when
            case "who": who
            case "action": action
            case "changes": changes
            case "hasChanges": !changes.isEmpty
            default: nil
            }
        }
    }

    /// One changed field; long texts are only named (`showValues` false).
    struct Change: PageModel {
        let field, old, new: String
        var showValues = true

        func child(named name: String) -> Any? {
            switch name {
            case "field": field
            case "old": old
            case "new": new
            case "showValues": showValues
            default: nil
            }
        }
    }

    let customer: RecordLink
    let entries: [Entry]

    func child(named name: String) -> Any? {
        switch name {
        case "customer": customer
        case "entries": entries
        case "hasEntries": !entries.isEmpty
        default: nil
        }
    }
}
