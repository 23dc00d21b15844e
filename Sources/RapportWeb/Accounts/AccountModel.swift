/// What `/account` shows (`account`): the user's profile form, their API tokens with a form for
/// a new one, and a new token's secret once, right after it was made.
struct AccountModel: PageModel {
    /// The signed-in user's name and role.
    struct Account: PageModel {
        let username: String
        /// The role in the reader's language.
        let role: String

        func child(named name: String) -> Any? {
            switch name {
            case "username": username
            case "role": role
            default: nil
            }
        }
    }

    /// One API token.
    struct Token: PageModel {
        let id: String
        let name: String
        let created: String
        /// When it was last used, or empty.
        let lastUsed: String
        let revoked: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "created": created
            case "lastUsed": lastUsed
            case "revoked": revoked
            default: nil
            }
        }
    }

    /// A token just made, with its secret (shown this once; only its hash is kept).
    struct NewToken: PageModel {
        let name: String
        let secret: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "secret": secret
            default: nil
            }
        }
    }

    let account: Account
    /// The version the profile form sends back.
    let version: String
    let fields: [FormField]
    /// Every known time zone (the time zone field's suggestions).
    let zones: [String]
    let tokens: [Token]
    let tokenField: FormField
    let errors: FormErrors
    let notice: String?
    let newToken: NewToken?

    func child(named name: String) -> Any? {
        switch name {
        case "account": account
        case "version": version
        case "fields": fields
        case "zones": zones
        case "tokens": tokens
        case "hasTokens": !tokens.isEmpty
        case "tokenField": tokenField
        case "hasErrors": !errors.isEmpty
        case "otherErrors": errors.others(shown: ["displayName", "language", "timeZone", "tokenName"])
        case "notice": notice
        case "newToken": newToken
        default: nil
        }
    }
}
