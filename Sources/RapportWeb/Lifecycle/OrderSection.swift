import Foundation
import RapportApp
import RapportCore

/// The order part of a customer's page (rendered by customer_section_order.mustache): recent
/// orders, lifetime revenue and profit, what is still outstanding and overdue, a "new order" link.
struct OrderSection {
    let env: PageEnvironment

    /// The template keys, or nil when the part has nothing to show.
    func data(_ context: CustomerSectionContext) async throws -> [String: Any]? {
        let language = context.language
        let filter = OrderFilter(customerID: context.customer.id)
        async let recentLoad = env.app.orders.search(context.acting, filter, limit: 5)
        async let totalsLoad = env.app.orders.totals(context.acting, filter)
        async let dueLoad = env.app.payments.ofCustomer(context.acting, context.customer.id)
        let (recent, totals, payments) = try await (recentLoad, totalsLoad, dueLoad)
        let view = OrderView(env: env, language: language)
        let name = context.customer.name
        return [
            "orders": recent.items.map { view.row($0, customerName: name, people: context.people) },
            "hasOrders": !recent.items.isEmpty,
            "totals": view.totals(totals),
            "payments": payments.map {
                env.text("order.section.outstandingLine", language,
                         [view.money($0.outstanding, $0.currency), view.money($0.overdue, $0.currency)])
            },
            "hasOverdue": payments.contains { $0.overdue > 0 },
            "newOrderURL": "/orders/new?customer=\(context.customer.id)",
            "allOrdersURL": "/orders?customer=\(context.customer.id)",
            "canAdd": context.editable,
        ]
    }
}
