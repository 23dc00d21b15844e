/// What `/admin/reference/{name}` shows: one reference file's text in a textarea, errors naming the
/// place, and after a conflict the admin's own text beside the latest one.
struct AdminReferenceEditModel: PageModel {
    let file: AdminReferenceListModel.File
    let field: FormField
    /// The admin's text when someone else saved first (shown read-only to copy from).
    let mine: String?
    /// The last save: a conflict, or field messages (`conflict`, `hasErrors`, `otherErrors`).
    let outcome: EditOutcome.Summary

    func child(named name: String) -> Any? {
        switch name {
        case "file": file
        case "field": field
        case "hasMine": mine != nil
        case "mine": mine ?? ""
        default: outcome.child(named: name)
        }
    }
}
