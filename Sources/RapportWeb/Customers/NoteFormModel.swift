/// The page to edit a note (`/notes/{id}/edit`, `note_form.mustache`).
struct NoteFormModel: PageModel {
    let outcome: EditOutcome.Summary
    let customer: RecordLink
    /// The note's id and the version the form sends.
    let note: RecordLink
    let bodyField: FormField

    func child(named name: String) -> Any? {
        switch name {
        case "customer": customer
        case "note": note
        case "bodyField": bodyField
        default: outcome.child(named: name)
        }
    }
}
