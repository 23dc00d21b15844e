/// What `/admin/users/{id}` shows (`admin_user`): the user's form, the password reset forms (not
/// for oneself), and after a one-time reset the new password once.
struct AdminUserModel: PageModel {
    /// The user edited.
    struct Subject: PageModel {
        let id: String
        let username: String
        let displayName: String

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "username": username
            case "displayName": displayName
            default: nil
            }
        }
    }

    /// A one-time password just set (shown on this response only).
    struct OneTime: PageModel {
        let intro: String
        let password: String
        /// What became of the user's API tokens.
        let tokens: String

        func child(named name: String) -> Any? {
            switch name {
            case "intro": intro
            case "password": password
            case "tokens": tokens
            default: nil
            }
        }
    }

    let subject: Subject
    /// The version the form sends back.
    let version: String
    let fields: [FormField]
    /// The user edited is the admin themselves (they change their password on their account).
    let isSelf: Bool
    let passwordField: FormField
    let errors: FormErrors
    let revokeTokensLabel: String
    let revokeTokensHint: String
    let oneTime: OneTime?
    /// What the last change did, or nil.
    let notice: String?
    let noticeIsWarning: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "subject": subject
        case "version": version
        case "fields": fields
        case "isSelf": isSelf
        case "passwordField": passwordField
        case "hasErrors": !errors.isEmpty
        case "otherErrors": errors.others(shown: ["displayName", "role", "teamID", "disabled", "newPassword"])
        case "revokeTokensLabel": revokeTokensLabel
        case "revokeTokensHint": revokeTokensHint
        case "oneTime": oneTime
        case "notice": notice
        case "noticeIsWarning": noticeIsWarning
        default: nil
        }
    }
}
