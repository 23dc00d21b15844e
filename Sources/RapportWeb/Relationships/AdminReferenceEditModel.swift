/// What `/admin/reference/{name}` shows: one reference file's text in a textarea, errors naming the
/// place, and after a conflict the admin's own text beside the latest one.
struct AdminReferenceEditModel: PageModel {
    let file: AdminReferenceListModel.File
    let field: FormField
    /// The admin's text when someone else saved first (shown read-only to copy from).
    let mine: String?
    /// The version posted was stale; the form shows the saved text.
    let conflict: Bool
    let hasErrors: Bool
    /// Messages for fields the form does not show.
    let otherErrors: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "file": file
        case "field": field
        case "hasMine": mine != nil
        case "mine": mine ?? ""
        case "conflict": conflict
        case "hasErrors": hasErrors
        case "otherErrors": otherErrors
        default: nil
        }
    }
}
