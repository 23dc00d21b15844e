import Foundation
import RapportApp
import RapportCore

/// The order part of a customer's page (rendered by customer_section_order.mustache): recent
/// orders, lifetime revenue and profit, what is still outstanding and overdue, a "new order" link.
struct OrderSection {
    let env: PageEnvironment

    struct Model: PageModel {
        let orders: [OrderRow]
        /// Lifetime revenue and profit, one line per currency.
        let totals: [String]
        /// What is outstanding and overdue, one line per currency.
        let payments: [String]
        let hasOverdue: Bool
        let newOrderURL: String
        let allOrdersURL: String
        let canAdd: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "orders": orders
            case "hasOrders": !orders.isEmpty
            case "totals": totals
            case "payments": payments
            case "hasOverdue": hasOverdue
            case "newOrderURL": newOrderURL
            case "allOrdersURL": allOrdersURL
            case "canAdd": canAdd
            default: nil
            }
        }
    }

    func model(_ context: CustomerSectionContext) async throws -> Model? {
        let language = context.language
        let filter = OrderFilter(customerID: context.customer.id)
        async let recentLoad = env.app.orders.search(context.acting, filter, limit: 5)
        async let totalsLoad = env.app.orders.totals(context.acting, filter)
        async let dueLoad = env.app.payments.ofCustomer(context.acting, context.customer.id)
        let (recent, totals, payments) = try await (recentLoad, totalsLoad, dueLoad)
        let view = OrderView(env: env, language: language)
        let name = context.customer.name
        return Model(
            orders: recent.items.map { view.row($0, customerName: name, people: context.people) },
            totals: view.totals(totals),
            payments: payments.map {
                env.text("order.section.outstandingLine", language,
                         [view.money($0.outstanding, $0.currency), view.money($0.overdue, $0.currency)])
            },
            hasOverdue: payments.contains { $0.overdue > 0 },
            newOrderURL: "/orders/new?customer=\(context.customer.id)",
            allOrdersURL: "/orders?customer=\(context.customer.id)",
            canAdd: context.editable)
    }
}
