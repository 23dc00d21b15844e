/// The page to log an activity with the tone check (`/customers/{id}/activities/new`) and to edit
/// one (`/activities/{id}/edit`), both `activity_form.mustache`.
struct ActivityFormModel: PageModel {
    let outcome: EditOutcome.Summary
    let customer: RecordLink
    /// The activity edited (its id and the version the form sends); nil on the new page.
    let activity: RecordLink?
    let formAction: String
    let formID: String
    let fields: [FormField]
    /// The tone check's findings after "check tone".
    let tone: ToneFindingsView.Model

    func child(named name: String) -> Any? {
        switch name {
        case "customer": customer
        case "activity": activity
        case "isNew": activity == nil
        case "formAction": formAction
        case "formID": formID
        case "fields": fields
        case "tone": tone
        default: outcome.child(named: name)
        }
    }
}
