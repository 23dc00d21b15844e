/// One receipt of an order's payments (the order page). The void button's `canVoid` is the
/// page's, read through the row. Built by `OrderView.receipt`.
struct ReceiptRow: PageModel {
    let id: String
    let amount: String
    let receivedOn: String
    /// The payment method in the reader's language.
    let method: String
    let reference: String
    let recordedBy: String
    let voided: Bool
    /// "Voided … by …", or empty.
    let voidedLine: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "amount": amount
        case "receivedOn": receivedOn
        case "method": method
        case "reference": reference
        case "recordedBy": recordedBy
        case "voided": voided
        case "voidedLine": voidedLine
        default: nil
        }
    }
}
