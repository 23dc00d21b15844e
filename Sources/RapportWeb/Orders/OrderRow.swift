/// One order as a list row (`/orders`, a customer's order section); money with its currency.
/// Built by `OrderView.row`.
struct OrderRow: PageModel {
    let id: String
    let number: String
    let orderedOn: String
    let customerName: String
    let customerURL: String
    /// The rep's name.
    let rep: String
    /// The status in the reader's language.
    let status: String
    /// The status's raw value (for the badge's class).
    let statusKey: String
    let revenue: String
    let profit: String
    let cancelled: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "number": number
        case "url": "/orders/\(id)"
        case "orderedOn": orderedOn
        case "customerName": customerName
        case "customerURL": customerURL
        case "rep": rep
        case "status": status
        case "statusKey": statusKey
        case "revenue": revenue
        case "profit": profit
        case "cancelled": cancelled
        default: nil
        }
    }
}
