/// What the care-date edit page (`/care-dates/{id}/edit`) shows: the form with the date's values
/// (or the posted ones with errors, or the saved ones after a conflict) and the delete button.
struct CareDateFormModel: PageModel {
    /// The care date edited and the version the form posts back (`careDate.id`, `careDate.version`).
    let careDate: RecordLink
    let customer: RecordLink
    let fields: [FormField]
    /// The last save: a conflict, or field messages (`conflict`, `hasErrors`, `otherErrors`).
    let outcome: EditOutcome.Summary

    func child(named name: String) -> Any? {
        switch name {
        case "careDate": careDate
        case "customer": customer
        case "fields": fields
        default: outcome.child(named: name)
        }
    }
}
