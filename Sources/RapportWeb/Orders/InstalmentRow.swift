/// One instalment of an order's payment plan (the order page; `/payments/due` adds the order and
/// customer). Money with its currency, states labelled. Built by `OrderView.instalment`.
struct InstalmentRow: PageModel {
    let id: String
    /// The instalment's number within the plan, as text.
    let seq: String
    let amount: String
    let received: String
    let outstanding: String
    let dueOn: String
    let remindOn: String
    /// The payment method in the reader's language.
    let method: String
    /// The state in the reader's language.
    let state: String
    /// The state's raw value (for the badge's class).
    let stateKey: String
    let isOpen: Bool
    let note: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "seq": seq
        case "amount": amount
        case "received": received
        case "outstanding": outstanding
        case "dueOn": dueOn
        case "remindOn": remindOn
        case "method": method
        case "state": state
        case "stateKey": stateKey
        case "isOpen": isOpen
        case "note": note
        default: nil
        }
    }
}
