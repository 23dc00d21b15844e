import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /payments/due`: open instalments due within the next `days` (default 7) or already
/// overdue, across the customers the user can see; `mine=1` keeps the user's own orders.
struct PaymentsDuePage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("payments/due", use: env.page(.signedIn, list))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let today = env.app.today(for: acting.user)
        let days = min(max(Int(page.query.text("days")) ?? 7, 0), 365)
        let mine = page.query.isChecked("mine")
        let cursor = page.query["cursor"].flatMap(PageCursor.init(token:))
        let found = try await env.app.payments.due(acting, through: today.adding(days: days), repID: mine ? acting.id : nil,
                                                     limit: 50, cursor: cursor)
        let people = try await Directory.load(env.app, acting)
        let view = OrderView(env: env, language: language)
        var kept = FormData()
        kept.set("days", String(days))
        if mine { kept.set("mine", "1") }
        let model = PaymentsDueModel(
            items: found.items.map { due in
                PaymentsDueModel.Item(
                    instalment: view.instalment(due.instalment, currency: due.currency),
                    orderNumber: due.orderNumber, orderURL: "/orders/\(due.instalment.orderID)#payments",
                    customerName: due.customerName, customerURL: "/customers/\(due.customerID)",
                    rep: people.name(due.repID), overdue: due.instalment.state == .overdue)
            },
            days: String(days), mine: mine, pager: Pager(path: "/payments/due", kept: kept, cursor: cursor, next: found.nextCursor))
        return try await env.render("payments_due", page, title: "payments.due.title", model: model)
    }
}
