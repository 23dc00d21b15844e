/// What `/admin/users` shows (`admin_users`): every user, the form for a new one, and a new user's
/// generated password once, right after it was made.
struct AdminUsersModel: PageModel {
    /// One user.
    struct User: PageModel {
        let id: String
        let username: String
        let displayName: String
        /// The role in the reader's language.
        let role: String
        /// The team's name, or empty.
        let team: String
        let disabled: Bool
        let mustChangePassword: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "username": username
            case "displayName": displayName
            case "role": role
            case "team": team
            case "disabled": disabled
            case "mustChangePassword": mustChangePassword
            default: nil
            }
        }
    }

    /// A user just made with a generated password (shown this once, never stored in clear).
    struct Created: PageModel {
        let username: String
        let password: String

        func child(named name: String) -> Any? {
            switch name {
            case "username": username
            case "password": password
            default: nil
            }
        }
    }

    let users: [User]
    let fields: [FormField]
    let errors: FormErrors
    let created: Created?

    func child(named name: String) -> Any? {
        switch name {
        case "users": users
        case "fields": fields
        case "hasErrors": !errors.isEmpty
        case "otherErrors": errors.others(shown: ["username", "displayName", "role", "teamID", "password"])
        case "created": created
        default: nil
        }
    }
}
