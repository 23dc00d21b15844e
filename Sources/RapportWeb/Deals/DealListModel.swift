/// What `/deals?view=list` shows (`deals_list`): the filter form, one page of deals and the
/// paging links.
struct DealListModel: PageModel {
    let deals: [DealRow]
    let ownerOptions: [Choice]
    let stageOptions: [Choice]
    let stateOptions: [Choice]
    let closeFrom: String
    let closeTo: String
    let customer: RecordLink?
    /// Links to the first and the next page.
    let pager: Pager
    let boardURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "deals": deals
        case "hasDeals": !deals.isEmpty
        case "ownerOptions": ownerOptions
        case "stageOptions": stageOptions
        case "stateOptions": stateOptions
        case "closeFrom": closeFrom
        case "closeTo": closeTo
        case "customer": customer
        case "boardURL": boardURL
        default: pager.child(named: name)
        }
    }
}
