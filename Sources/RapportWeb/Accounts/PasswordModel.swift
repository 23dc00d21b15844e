/// What `/account/password` shows (`password`): the change-password form, with a warning when the
/// user must change it before going on.
struct PasswordModel: PageModel {
    let fields: [FormField]
    /// The user signed in with a one-time password.
    let mustChange: Bool
    let errors: FormErrors

    func child(named name: String) -> Any? {
        switch name {
        case "fields": fields
        case "mustChange": mustChange
        case "hasErrors": !errors.isEmpty
        case "otherErrors": errors.others(shown: ["currentPassword", "password", "confirm"])
        default: nil
        }
    }
}
