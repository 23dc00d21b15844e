/// What the order form `/orders/new` and `/orders/{id}/edit` shows (`order_form`): the order's
/// fields and its line rows (a product select and typed values each, with the row's messages).
struct OrderFormModel: PageModel {
    /// One line row of the form, as typed.
    struct Row: PageModel {
        /// The row's index, as text (the fields are named `line<row>.…`).
        let row: String
        let options: [Choice]
        let description: String
        let quantity: String
        let unitPrice: String
        let unitCost: String
        let messages: [String]

        func child(named name: String) -> Any? {
            switch name {
            case "row": row
            case "options": options
            case "description": description
            case "quantity": quantity
            case "unitPrice": unitPrice
            case "unitCost": unitCost
            case "messages": messages
            case "hasMessages": !messages.isEmpty
            default: nil
            }
        }
    }

    let customer: RecordLink
    /// Where the form posts.
    let action: String
    let isNew: Bool
    let version: String
    /// How many line rows the form has, as text.
    let rowCount: String
    /// Where "cancel" goes.
    let backURL: String
    /// Receipts were recorded: the lines can no longer change.
    let linesLocked: Bool
    /// The last save: a conflict, or field messages (`conflict`, `hasErrors`, `otherErrors`).
    let outcome: EditOutcome.Summary
    let fields: [FormField]
    let rows: [Row]
    let lineErrors: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "customer": customer
        case "action": action
        case "isNew": isNew
        case "version": version
        case "rowCount": rowCount
        case "backURL": backURL
        case "linesLocked": linesLocked
        case "fields": fields
        case "rows": rows
        case "lineErrors": lineErrors
        case "hasLineErrors": !lineErrors.isEmpty
        default: outcome.child(named: name)
        }
    }
}
