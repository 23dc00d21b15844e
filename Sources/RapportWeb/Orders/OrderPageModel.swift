/// What the order page `/orders/{id}` shows (`order`): the order with its lines and totals, the
/// payment plan, receipts, the re-plan and receipt forms, and which actions the order allows.
struct OrderPageModel: PageModel {
    /// The order's head and totals; money with its currency.
    struct Order: PageModel {
        let id: String
        let number: String
        let orderedOn: String
        let status: String
        let statusKey: String
        let rep: String
        let note: String
        let revenue: String
        let cost: String
        let profit: String
        let version: String
        let deleted: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "number": number
            case "orderedOn": orderedOn
            case "status": status
            case "statusKey": statusKey
            case "rep": rep
            case "note": note
            case "hasNote": !note.isEmpty
            case "revenue": revenue
            case "cost": cost
            case "profit": profit
            case "version": version
            case "deleted": deleted
            default: nil
            }
        }
    }

    /// One order line; numbers as text.
    struct Line: PageModel {
        let lineNo: String
        let description: String
        let quantity: String
        let unitPrice: String
        let amount: String
        let costAmount: String

        func child(named name: String) -> Any? {
            switch name {
            case "lineNo": lineNo
            case "description": description
            case "quantity": quantity
            case "unitPrice": unitPrice
            case "amount": amount
            case "costAmount": costAmount
            default: nil
            }
        }
    }

    /// The payment plan's sums.
    struct Plan: PageModel {
        let received: String
        let outstanding: String
        let overdue: String
        let hasOverdue: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "received": received
            case "outstanding": outstanding
            case "overdue": overdue
            case "hasOverdue": hasOverdue
            default: nil
            }
        }
    }

    let order: Order
    let customer: RecordLink
    let lines: [Line]
    let plan: Plan
    let instalments: [InstalmentRow]
    let receipts: [ReceiptRow]
    let receiptFields: [FormField]
    let planFields: [FormField]
    let canReplan: Bool
    let canReceive: Bool
    let canVoid: Bool
    let canFulfil: Bool
    let canReopen: Bool
    let canCancel: Bool
    let canDelete: Bool
    /// The last form post: a conflict, or field messages (`conflict`, `hasErrors`, `otherErrors`).
    let outcome: EditOutcome.Summary

    func child(named name: String) -> Any? {
        switch name {
        case "order": order
        case "customer": customer
        case "lines": lines
        case "plan": plan
        case "instalments": instalments
        case "receipts": receipts
        case "hasReceipts": !receipts.isEmpty
        case "receiptFields": receiptFields
        case "planFields": planFields
        case "canReplan": canReplan
        case "canReceive": canReceive
        case "canVoid": canVoid
        case "canFulfil": canFulfil
        case "canReopen": canReopen
        case "canCancel": canCancel
        case "canDelete": canDelete
        default: outcome.child(named: name)
        }
    }
}
