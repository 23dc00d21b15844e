/// A record a page names or posts back: its id, its name, and the version a form sends
/// (`customer.id`, `customer.name`, `note.version` in templates).
struct RecordLink: PageModel {
    let id: String
    var name = ""
    var version = ""

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "name": name
        case "version": version
        default: nil
        }
    }
}
