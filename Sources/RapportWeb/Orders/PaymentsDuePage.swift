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
        var data: [String: Any] = [
            "items": found.items.map { due -> [String: Any] in
                var row = view.instalment(due.instalment, currency: due.currency)
                row["orderNumber"] = due.orderNumber
                row["orderURL"] = "/orders/\(due.instalment.orderID)#payments"
                row["customerName"] = due.customerName
                row["customerURL"] = "/customers/\(due.customerID)"
                row["rep"] = people.name(due.repID)
                row["overdue"] = due.instalment.state == .overdue
                return row
            },
            "hasItems": !found.items.isEmpty,
            "days": String(days), "mine": mine,
            "isPaged": cursor != nil, "firstURL": kept.url("/payments/due"),
        ]
        if let next = found.nextCursor {
            kept.set("cursor", next)
            data["hasNext"] = true
            data["nextURL"] = kept.url("/payments/due")
        }
        return try await env.render("payments_due", page, title: "payments.due.title", data)
    }
}
