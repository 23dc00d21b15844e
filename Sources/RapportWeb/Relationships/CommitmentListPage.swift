import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /commitments`: the promises the user can see, by due date. Filters: mine or all visible
/// (`scope`), state (`state`; absent means open, empty means any), overdue only (`overdue=1`), one
/// customer (`customer`); keyset paging with `cursor` like the customer list.
struct CommitmentListPage: Sendable {
    let env: PageEnvironment
    static let pageSize = 50

    func register(on router: RouterGroup<SessionContext>) {
        router.get("commitments", use: env.page(.signedIn, list))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let today = env.app.today(for: acting.user)
        let (filter, kept) = Self.filter(from: page.query, acting: acting, today: today)
        let cursor = page.query["cursor"].flatMap(PageCursor.init(token:))
        async let found = env.app.commitments.search(acting, filter, limit: Self.pageSize, cursor: cursor)
        async let directory = Directory.load(env.app, acting)
        let result = try await found
        let people = try await directory
        let customers = try await env.app.customers.names(acting, Array(Set(result.items.map(\.customerID))))
        var customer: RecordLink?
        if let customerID = filter.customerID {
            let name = try await env.app.customers.get(acting, customerID).name
            customer = RecordLink(id: customerID.description, name: name)
        }
        let model = CommitmentListModel(
            promises: result.items.map { c in
                CommitmentRow(c, today: today, people: people, contactName: nil, customerName: customers[c.customerID] ?? "",
                              env: env, language: language)
            },
            scopeOptions: Choices.list([("mine", env.text("commitments.scope.mine", language)),
                                        ("all", env.text("commitments.scope.all", language))], selected: kept["scope"]),
            stateOptions: Choices.of(CommitmentState.self, prefix: "commitmentState", selected: kept["state"] ?? "",
                                     blank: "filter.any", env: env, language: language),
            overdue: kept["overdue"] == "1",
            customer: customer,
            pager: Pager(path: "/commitments", kept: kept, cursor: cursor, next: result.nextCursor))
        return try await env.render("commitments", page, title: "commitments.title", model: model)
    }

    /// The filter and the parameters to keep in links. Values that are not ours are dropped.
    static func filter(from input: FormData, acting: Acting, today: CalendarDate) -> (CommitmentFilter, FormData) {
        var filter = CommitmentFilter()
        var kept = FormData()
        let scope = input["scope"] == "all" ? "all" : "mine"
        kept.set("scope", scope)
        if scope == "mine" { filter.ownerID = acting.id }
        if let raw = input["state"] {
            if let state = CommitmentState(rawValue: raw) { filter.state = state; kept.set("state", raw) } else { kept.set("state", "") }
        } else {
            filter.state = .open
            kept.set("state", CommitmentState.open.rawValue)
        }
        if input.isChecked("overdue") {
            filter.state = .open
            filter.dueBefore = today
            kept.set("state", CommitmentState.open.rawValue)
            kept.set("overdue", "1")
        }
        if let customer = input["customer"].flatMap(CustomerID.init) {
            filter.customerID = customer
            kept.set("customer", customer.description)
        }
        return (filter, kept)
    }
}
