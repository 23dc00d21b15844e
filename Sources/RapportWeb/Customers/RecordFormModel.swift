/// The page to add or edit a customer (`customer_form.mustache`) or a key person
/// (`contact_form.mustache`): groups of fields, the duplicate warning, the save's outcome.
struct RecordFormModel: PageModel {
    let outcome: EditOutcome.Summary
    let isNew: Bool
    /// The customer a key person belongs to (nil on the customer form).
    var customer: RecordLink?
    let action: String
    let cancelURL: String
    let version: String
    let groups: [FieldGroup]
    let duplicates: [DuplicateNotice]

    func child(named name: String) -> Any? {
        switch name {
        case "isNew": isNew
        case "customer": customer
        case "action": action
        case "cancelURL": cancelURL
        case "version": version
        case "groups": groups
        case "duplicates": duplicates
        case "hasDuplicates": !duplicates.isEmpty
        default: outcome.child(named: name)
        }
    }
}
