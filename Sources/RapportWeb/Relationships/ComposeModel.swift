/// What the compose page (`/customers/{id}/compose`) shows: the message form, the language of the
/// after-deal draft, and the tone findings of the last check.
struct ComposeModel: PageModel {
    let customerID: String
    let customerName: String
    let fields: [FormField]
    let languageField: FormField
    let hasErrors: Bool
    /// Messages for fields the form does not show.
    let otherErrors: [String]
    let tone: ToneFindingsView.Model
    let toneScript: String
    /// The texts the live check needs, as JSON (the template escapes it into an attribute).
    let liveLabels: String

    func child(named name: String) -> Any? {
        switch name {
        case "customer": RecordLink(id: customerID, name: customerName)
        case "fields": fields
        case "languageField": languageField
        case "hasErrors": hasErrors
        case "otherErrors": otherErrors
        case "tone": tone
        case "toneScript": toneScript
        case "liveLabels": liveLabels
        default: nil
        }
    }
}
