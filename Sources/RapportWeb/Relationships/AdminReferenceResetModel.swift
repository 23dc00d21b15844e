/// What `/admin/reference/{name}/reset` shows: the question whether to put the shipped file back.
struct AdminReferenceResetModel: PageModel {
    let file: AdminReferenceListModel.File

    func child(named name: String) -> Any? {
        switch name {
        case "file": file
        default: nil
        }
    }
}
