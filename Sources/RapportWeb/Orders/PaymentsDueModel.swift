/// What `/payments/due` shows (`payments_due`): open instalments due soon or overdue, with their
/// order and customer, the filters and the paging links.
struct PaymentsDueModel: PageModel {
    /// One instalment with its order, customer and rep.
    struct Item: PageModel {
        let instalment: InstalmentRow
        let orderNumber: String
        let orderURL: String
        let customerName: String
        let customerURL: String
        let rep: String
        let overdue: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "orderNumber": orderNumber
            case "orderURL": orderURL
            case "customerName": customerName
            case "customerURL": customerURL
            case "rep": rep
            case "overdue": overdue
            default: instalment.child(named: name)
            }
        }
    }

    let items: [Item]
    /// How many days ahead, as text.
    let days: String
    /// Whether only the user's own orders are shown.
    let mine: Bool
    /// Links to the first and the next page.
    let pager: Pager

    func child(named name: String) -> Any? {
        switch name {
        case "items": items
        case "hasItems": !items.isEmpty
        case "days": days
        case "mine": mine
        default: pager.child(named: name)
        }
    }
}
