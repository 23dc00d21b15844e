/// What the care-date edit page (`/care-dates/{id}/edit`) shows: the form with the date's values
/// (or the posted ones with errors, or the saved ones after a conflict) and the delete button.
struct CareDateFormModel: PageModel {

    /// The care date edited and the version the form posts back (`careDate.id`, `careDate.version`).
    struct CareDate: PageModel {
        let id: String
        let version: String

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "version": version
            default: nil
            }
        }
    }

    let careDate: CareDate
    let customer: RecordLink
    let fields: [FormField]
    /// The version posted was stale; the form shows the saved values.
    let conflict: Bool
    let hasErrors: Bool
    /// Messages for fields the form does not show.
    let otherErrors: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "careDate": careDate
        case "customer": customer
        case "fields": fields
        case "conflict": conflict
        case "hasErrors": hasErrors
        case "otherErrors": otherErrors
        default: nil
        }
    }
}
