/// What the promise form page shows (new: `/customers/{id}/commitments/new`, edit:
/// `/commitments/{id}/edit`): the fields, errors or a conflict, and on an existing promise who
/// recorded it and the delete button.
struct CommitmentFormModel: PageModel {
    /// The promise being edited: its id and who recorded it when.
    struct Promise: PageModel {
        let id: String
        let line: String

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "line": line
            default: nil
            }
        }
    }

    let customer: RecordLink
    /// Nil for a new promise.
    let promise: Promise?
    /// Where the form posts.
    let action: String
    let version: String
    /// The "done" quick action led here: the evidence is asked for.
    let askEvidence: Bool
    let fields: [FormField]
    /// The last save: a conflict, or field messages (`conflict`, `hasErrors`, `otherErrors`).
    let outcome: EditOutcome.Summary

    func child(named name: String) -> Any? {
        switch name {
        case "customer": customer
        case "promise": promise
        case "isNew": promise == nil
        case "action": action
        case "version": version
        case "askEvidence": askEvidence
        case "fields": fields
        default: outcome.child(named: name)
        }
    }
}
