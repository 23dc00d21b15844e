/// What `/agenda` shows: the day's items in groups, in the order a rep works through them, and
/// for managers the select to look at a team member's agenda instead.
struct AgendaModel: PageModel {
    /// One group (overdue promises, due today, planned contacts, …); only non-empty groups are shown.
    struct Group: PageModel {
        /// The group's key (`overdue`, `dueToday`, …), in the section's class.
        let key: String
        let title: String
        let items: [Item]

        func child(named name: String) -> Any? {
            switch name {
            case "id": "agenda-\(key)"
            case "key": key
            case "title": title
            case "count": String(items.count)
            case "items": items
            default: nil
            }
        }
    }

    /// One item: what it is, when, for which customer and person, and where to act on it.
    struct Item: PageModel {
        let title: String
        /// The item kind's raw value (`commitmentOverdue`, `careDate`, …).
        let kind: String
        let when: String
        let late: Bool
        /// Empty when the item has no customer (a holiday).
        let customerName: String
        let customerURL: String?
        /// Nil when the item names no person.
        let personName: String?
        let personURL: String?
        let owner: String
        let showOwner: Bool
        /// The item's own record; empty for care dates and holidays.
        let link: String
        let linkLabel: String
        /// Where to write to the customer (nil for holidays and items without a customer).
        let composeURL: String?
        /// The guidance card of the item's person (empty when no type is known).
        let guidance: [GuidanceCardView.Section]

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "kind": kind
            case "when": when
            case "late": late
            case "customerName": customerName
            case "hasCustomer": customerURL != nil
            case "customerURL": customerURL ?? ""
            case "personName": personName ?? ""
            case "hasPerson": personName != nil
            case "personURL": personURL ?? ""
            case "hasPersonURL": personURL != nil
            case "owner": owner
            case "showOwner": showOwner
            case "link": link
            case "hasLink": !link.isEmpty
            case "linkLabel": linkLabel
            case "canWrite": composeURL != nil
            case "composeURL": composeURL ?? ""
            case "guidance": guidance
            case "hasGuidance": !guidance.isEmpty
            case "guidanceSummary": guidance.map(\.name).joined(separator: " · ")
            default: nil
            }
        }
    }

    let groups: [Group]
    let todayLine: String
    /// The reader's own agenda (not a team member's).
    let isOwn: Bool
    /// More overdue promises than the agenda lists.
    let morePromises: Bool
    /// Whose agenda this is, when not the reader's own; empty otherwise.
    let whoseLine: String
    /// The reader and their team members, for managers with a team; empty otherwise.
    let memberOptions: [Choice]

    func child(named name: String) -> Any? {
        switch name {
        case "groups": groups
        case "hasItems": !groups.isEmpty
        case "todayLine": todayLine
        case "isOwn": isOwn
        case "morePromises": morePromises
        case "whoseLine": whoseLine
        case "memberOptions": memberOptions
        case "hasMembers": !memberOptions.isEmpty
        default: nil
        }
    }
}
