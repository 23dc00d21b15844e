import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /orders`: the orders of the customers the user can see, newest first, with the revenue and
/// profit of everything the filters select. Filters: status, rep, date range (`from`, `through`),
/// one customer; keyset paging with `cursor`.
struct OrderListPage: Sendable {
    let env: PageEnvironment
    static let pageSize = 50

    func register(on router: RouterGroup<SessionContext>) {
        router.get("orders", use: env.page(.signedIn, list))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let (filter, kept) = Self.filter(from: page.query)
        let cursor = page.query["cursor"].flatMap(PageCursor.init(token:))
        async let found = env.app.orders.search(acting, filter, limit: Self.pageSize, cursor: cursor)
        async let totalsLoad = env.app.orders.totals(acting, filter)
        async let directory = Directory.load(env.app, acting)
        let (result, totals, people) = try await (found, totalsLoad, directory)
        let names = try await env.app.customers.names(acting, result.items.map(\.customerID))
        let view = OrderView(env: env, language: language)
        let reps = people.assignableOwners(acting).map { ($0.id.description, $0.displayName) }
        var customer: OrderListModel.Customer?
        if let customerID = filter.customerID {
            let name = try await env.app.customers.get(acting, customerID).name
            customer = OrderListModel.Customer(id: customerID.description, name: name, newURL: "/orders/new?customer=\(customerID)")
        }
        let model = OrderListModel(
            orders: result.items.map { view.row($0, customerName: names[$0.customerID] ?? "", people: people) },
            totals: view.totals(totals),
            statusOptions: Choices.of(OrderStatus.self, prefix: "order.status", selected: kept["status"] ?? "",
                                      blank: "filter.any", env: env, language: language),
            repOptions: Choices.list(reps, selected: kept["rep"] ?? "", blank: env.text("filter.any", language)),
            from: kept["from"] ?? "", through: kept["through"] ?? "", customer: customer,
            pager: Pager(path: "/orders", kept: kept, cursor: cursor, next: result.nextCursor))
        return try await env.render("orders", page, title: "orders.title", model: model)
    }

    /// The filter and the parameters to keep in links; values that are not ours are dropped.
    static func filter(from input: FormData) -> (OrderFilter, FormData) {
        var filter = OrderFilter()
        var kept = FormData()
        if let status = input["status"].flatMap(OrderStatus.init(rawValue:)) { filter.status = status; kept.set("status", status.rawValue) }
        if let rep = input["rep"].flatMap(UserID.init) { filter.repID = rep; kept.set("rep", rep.description) }
        if let from = input["from"].flatMap(CalendarDate.init(parsing:)) { filter.from = from; kept.set("from", from.description) }
        if let through = input["through"].flatMap(CalendarDate.init(parsing:)) { filter.through = through; kept.set("through", through.description) }
        if let customer = input["customer"].flatMap(CustomerID.init) { filter.customerID = customer; kept.set("customer", customer.description) }
        return (filter, kept)
    }
}
