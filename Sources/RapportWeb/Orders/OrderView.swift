import Foundation
import RapportApp
import RapportCore

/// How orders, instalments and receipts read on pages: money with its currency, labelled states.
struct OrderView {
    let env: PageEnvironment
    let language: Language

    func money(_ minor: Int64, _ currency: String) -> String { MinorUnits.display(minor, currency: currency) }

    /// A list row of an order.
    func row(_ order: Order, customerName: String, people: Directory) -> OrderRow {
        OrderRow(
            id: order.id.description, number: order.number,
            orderedOn: order.orderedOn.description, customerName: customerName,
            customerURL: "/customers/\(order.customerID)", rep: people.name(order.repID),
            status: env.label("order.status", order.status, language), statusKey: order.status.rawValue,
            revenue: money(order.revenue, order.currency), profit: money(order.profit, order.currency),
            cancelled: order.status == .cancelled)
    }

    func instalment(_ item: PaymentInstalment, currency: String) -> InstalmentRow {
        InstalmentRow(
            id: item.id.description, seq: String(item.seq), amount: money(item.amount, currency),
            received: money(item.received, currency), outstanding: money(item.outstanding, currency),
            dueOn: item.dueOn.description, remindOn: item.remindOn.description,
            method: env.label("payment.method", item.method, language),
            state: env.label("payment.state", item.state, language), stateKey: item.state.rawValue,
            isOpen: item.state.isOpen, note: item.note)
    }

    func receipt(_ r: PaymentReceipt, currency: String, people: Directory, clock: UserClock) -> ReceiptRow {
        ReceiptRow(
            id: r.id.description, amount: money(r.amount, currency), receivedOn: r.receivedOn.description,
            method: env.label("payment.method", r.method, language), reference: r.reference,
            recordedBy: people.name(r.recordedBy), voided: r.voidedAt != nil,
            voidedLine: r.voidedAt.map { env.text("order.receipt.voidedLine", language, [clock.display($0), people.name(r.voidedBy)]) } ?? "")
    }

    /// Totals per currency as one line each ("¥12,000.00 revenue · ¥3,000.00 profit · 4 orders").
    func totals(_ totals: [OrderTotals]) -> [String] {
        totals.map {
            env.text("orders.totalsLine", language, [String($0.count), money($0.revenue, $0.currency), money($0.profit, $0.currency)])
        }
    }
}
