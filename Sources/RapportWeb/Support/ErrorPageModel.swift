/// The error page (`error.mustache`): the status code, what went wrong (the layout's title) and
/// a way on — home when signed in, else the sign-in page.
struct ErrorPageModel: PageModel {
    let status: Int
    let details: [String]
    let showHome: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "status": String(status)
        case "details": details
        case "showHome": showHome
        default: nil
        }
    }
}
