import RapportCore

/// What `layout.mustache` reads around every page: the texts (`t`), the language switch, the
/// stylesheet, the signed-in user and top-bar counts, the anti-forgery token and the title. A
/// page's own model is asked first (`LayeredContext`), so a page may answer any of these itself.
struct LayoutModel: PageModel {
    /// The signed-in user as the top bar shows them.
    struct User: PageModel {
        let name: String
        let isAdmin: Bool
        let isManager: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "isAdmin": isAdmin
            case "isManager": isManager
            default: nil
            }
        }
    }

    let texts: TextTable
    let language: Language
    let stylesheet: String
    /// The page's path, where the language switch comes back to.
    let currentPath: String
    let user: User?
    let csrf: String?
    /// The page title, already translated.
    var title = ""
    var badges: NavBadges?

    func child(named name: String) -> Any? {
        switch name {
        case "t": texts
        case "lang": language.rawValue
        case "isZh": language == .zhHans
        case "isEn": language == .en
        case "stylesheet": stylesheet
        case "currentPath": currentPath
        case "signedIn": user != nil
        case "user": user
        case "csrf": csrf
        case "hasCSRF": csrf != nil
        case "title": title
        case "badges": badges
        default: nil
        }
    }
}
