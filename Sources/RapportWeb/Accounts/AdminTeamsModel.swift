/// What `/admin/teams` shows (`admin_teams`): every team as a form (name, manager) and the form
/// for a new team.
struct AdminTeamsModel: PageModel {
    /// One team.
    struct Team: PageModel {
        let id: String
        let name: String
        let version: String
        let managerOptions: [Choice]
        /// "3 members".
        let members: String

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "version": version
            case "managerOptions": managerOptions
            case "members": members
            default: nil
            }
        }
    }

    let teams: [Team]
    let fields: [FormField]
    let errors: FormErrors
    let notice: String?

    func child(named name: String) -> Any? {
        switch name {
        case "teams": teams
        case "hasTeams": !teams.isEmpty
        case "fields": fields
        case "hasErrors": !errors.isEmpty
        case "otherErrors": errors.others(shown: ["name", "managerID"])
        case "notice": notice
        default: nil
        }
    }
}
