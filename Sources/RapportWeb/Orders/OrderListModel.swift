/// What `/orders` shows (`orders`): the filters, the totals of everything they select, one page of
/// orders and the paging links.
struct OrderListModel: PageModel {
    /// The customer the list is narrowed to.
    struct Customer: PageModel {
        let id: String
        let name: String
        /// Where a new order for the customer starts.
        let newURL: String

        func child(named key: String) -> Any? {
            switch key {
            case "id": id
            case "name": name
            case "newURL": newURL
            default: nil
            }
        }
    }

    let orders: [OrderRow]
    /// One line per currency.
    let totals: [String]
    let statusOptions: [Choice]
    let repOptions: [Choice]
    let from: String
    let through: String
    let customer: Customer?
    /// Links to the first and the next page.
    let pager: Pager

    func child(named name: String) -> Any? {
        switch name {
        case "orders": orders
        case "hasOrders": !orders.isEmpty
        case "totals": totals
        case "statusOptions": statusOptions
        case "repOptions": repOptions
        case "from": from
        case "through": through
        case "customer": customer
        default: pager.child(named: name)
        }
    }
}
