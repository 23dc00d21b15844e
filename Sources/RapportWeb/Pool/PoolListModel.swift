/// What `/pool` shows (`pool`): one pool's customers with claim (and, for managers, assign)
/// forms, the user's claims and holdings against the caps, the pool picker and paging links.
struct PoolListModel: PageModel {
    /// One pool of the picker.
    struct Pool: PageModel {
        let id: String
        let name: String
        /// Whether it is the pool shown.
        let current: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "current": current
            case "url": "/pool?pool=\(id)"
            default: nil
            }
        }
    }

    /// One customer in the pool. The forms' `poolID`, `canAssign` and `assignees` are the page's,
    /// read through the row.
    struct Member: PageModel {
        let id: String
        let name: String
        let industry: String
        let region: String
        let source: String
        /// When it entered the pool, in the user's time zone.
        let entered: String
        /// Who held it before, or empty.
        let previousOwner: String
        /// Why it entered the pool, in the reader's language.
        let reason: String

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "industry": industry
            case "region": region
            case "source": source
            case "entered": entered
            case "previousOwner": previousOwner
            case "reason": reason
            default: nil
            }
        }
    }

    let pools: [Pool]
    let poolID: String
    let poolName: String
    /// "Claimed today: 2 / 5".
    let claimsLine: String
    /// "Holding: 20 / 50".
    let holdingLine: String
    let atDailyCap: Bool
    let members: [Member]
    /// The users a manager can assign to (empty for reps).
    let assignees: [Choice]
    let canAssign: Bool
    /// Links to the first and the next page.
    let pager: Pager
    /// Why the last claim or assignment was refused.
    let problem: String?
    /// What the last claim, assignment or release did.
    let notice: String?

    func child(named name: String) -> Any? {
        switch name {
        case "pools": pools
        case "hasManyPools": pools.count > 1
        case "poolID": poolID
        case "poolName": poolName
        case "claimsLine": claimsLine
        case "holdingLine": holdingLine
        case "atDailyCap": atDailyCap
        case "members": members
        case "hasMembers": !members.isEmpty
        case "canAssign": canAssign
        case "assignees": assignees
        case "problem": problem
        case "notice": notice
        default: pager.child(named: name)
        }
    }
}
