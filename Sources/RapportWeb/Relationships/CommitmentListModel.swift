/// What `/commitments` shows: one page of promises by due date, the filters as chosen, and how
/// to page on.
struct CommitmentListModel: PageModel {
    let promises: [CommitmentRow]
    let scopeOptions: [Choice]
    let stateOptions: [Choice]
    let overdue: Bool
    /// Nil when the list is not narrowed to one customer.
    let customer: RecordLink?
    /// Links to the first and the next page.
    let pager: Pager

    func child(named name: String) -> Any? {
        switch name {
        case "promises": promises
        case "hasPromises": !promises.isEmpty
        case "scopeOptions": scopeOptions
        case "stateOptions": stateOptions
        case "overdue": overdue
        case "customer": customer
        default: pager.child(named: name)
        }
    }
}
