/// What the deal page `/deals/{id}` and the new-deal page `/deals/new` show (`deal`): the deal's
/// status and actions (not on a new deal), the form, and the stage history.
struct DealPageModel: PageModel {
    /// The deal shown: its row's names plus what only the deal page reads. The history is the
    /// page's, read from inside the deal's section; the deal does not answer it.
    struct Detail: PageModel {
        let row: DealRow
        let closeReason: String
        /// The close date, or empty.
        let closedOn: String
        let isClosed: Bool
        let isDeleted: Bool
        let canOrder: Bool
        /// The order made from the deal, or empty.
        let orderID: String
        /// Whether the deal was just deleted here (the undo banner).
        let undo: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "closeReason": closeReason
            case "closedOn": closedOn
            case "isClosed": isClosed
            case "isDeleted": isDeleted
            case "canOrder": canOrder
            case "orderID": orderID
            case "hasOrder": !orderID.isEmpty
            case "undo": undo
            default: row.child(named: name)
            }
        }
    }

    /// One stage change, newest first.
    struct Change: PageModel {
        let at: String
        let user: String
        /// The stage before, or "created".
        let from: String
        let to: String

        func child(named name: String) -> Any? {
            switch name {
            case "at": at
            case "user": user
            case "from": from
            case "to": to
            default: nil
            }
        }
    }

    /// The last save: a conflict, or field messages (`conflict`, `hasErrors`, `otherErrors`).
    let outcome: EditOutcome.Summary
    let isNew: Bool
    let customer: RecordLink
    /// Where the form posts.
    let action: String
    /// The version the form sends back (empty on a new deal).
    let version: String
    let editable: Bool
    let fields: [FormField]
    /// Nil on a new deal.
    let deal: Detail?
    let history: [Change]
    /// The stages the move and reopen selects offer, the deal's own selected.
    let stageOptions: [Choice]

    func child(named name: String) -> Any? {
        switch name {
        case "isNew": isNew
        case "customer": customer
        case "action": action
        case "version": version
        case "editable": editable
        case "fields": fields
        case "deal": deal
        case "history": history
        case "stageOptions": stageOptions
        default: outcome.child(named: name)
        }
    }
}
