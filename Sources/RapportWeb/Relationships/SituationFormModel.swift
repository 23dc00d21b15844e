/// What the situation page (`/customers/{id}/situation`) shows: join reasons in ranked places,
/// signing motivation and business type, with errors or a conflict.
struct SituationFormModel: PageModel {
    let customer: RecordLink
    let version: String
    /// One select per rank of join reasons.
    let ranks: [FormField]
    /// The message about the join reasons as a whole (nil when none).
    let reasonsError: String?
    /// Motivation and business type.
    let fields: [FormField]
    /// The last save: a conflict, or field messages (`conflict`, `hasErrors`, `otherErrors`).
    let outcome: EditOutcome.Summary

    func child(named name: String) -> Any? {
        switch name {
        case "customer": customer
        case "version": version
        case "ranks": ranks
        case "reasonsError": reasonsError ?? ""
        case "hasReasonsError": reasonsError != nil
        case "fields": fields
        default: outcome.child(named: name)
        }
    }
}
