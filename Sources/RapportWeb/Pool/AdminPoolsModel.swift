/// What `/admin/pools` shows (`admin_pools`): every pool with its rules in one form each (help
/// text beside each rule), and the form for a new pool.
struct AdminPoolsModel: PageModel {
    /// One pool and its rules.
    struct Pool: PageModel {
        let id: String
        let name: String
        let version: String
        let isDefault: Bool
        /// Not the default pool and nobody in it.
        let canDelete: Bool
        let rules: [Rule]

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "version": version
            case "isDefault": isDefault
            case "canDelete": canDelete
            case "rules": rules
            default: nil
            }
        }
    }

    /// One rule's control: a number (blank switches a day rule off) or a switch. The element ids
    /// use the pool's `id`, read through the rule.
    struct Rule: PageModel {
        let key: String
        /// The number, or "1" for a switch that is on.
        let value: String
        let label: String
        let help: String
        let isSwitch: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "key": key
            case "value": value
            case "label": label
            case "help": help
            case "isNumber": !isSwitch
            case "isSwitch": isSwitch
            case "checked": value == "1"
            default: nil
            }
        }
    }

    let pools: [Pool]
    /// Why the last change was refused.
    let problem: String?
    /// "Saved" after a change.
    let notice: String?

    func child(named name: String) -> Any? {
        switch name {
        case "pools": pools
        case "problem": problem
        case "notice": notice
        default: nil
        }
    }
}
