/// What the sign-in page `/login` shows (`login`). Nobody is signed in yet, so the page answers
/// the layout's `csrf`, `hasCSRF` and `currentPath` itself: its anti-forgery token is the
/// double-submit cookie's.
struct SignInModel: PageModel {
    /// The double-submit token.
    let csrf: String
    let username: String
    let errors: FormErrors
    /// Why signing in failed, or nil.
    let message: String?

    func child(named name: String) -> Any? {
        switch name {
        case "csrf": csrf
        case "hasCSRF": true
        case "currentPath": "/login"
        case "username": username
        case "errors": errors
        case "hasMessage": message != nil
        case "message": message ?? ""
        default: nil
        }
    }
}
