import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /customers`: search, filters, sortable columns, keyset paging, count, the user's saved
/// views (`POST /customers/views` saves the current filters under a name, `POST
/// /customers/views/{id}/delete` removes one) and (for managers) the trash.
struct CustomerListPage: Sendable {
    let env: PageEnvironment
    static let pageSize = 25

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers", use: env.page(.signedIn, list))
        router.post("customers/views", use: env.page(.signedIn, saveView))
        router.post("customers/views/:id/delete", use: env.page(.signedIn, deleteView))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        try await render(page, input: page.query, viewName: "", viewErrors: FormErrors())
    }

    /// Saves the posted filters as a view and opens it; a bad name shows the list again with the error.
    @Sendable func saveView(_ page: PageRequest) async throws -> Response {
        let (_, filters) = Self.query(from: FormData(encoded: page.form.text("query")), acting: page.acting)
        do {
            _ = try await env.app.savedViews.save(page.acting, list: "customers", name: page.form.text("name"),
                                                  query: filters.encoded)
            return PageEnvironment.redirect(filters.url("/customers"))
        } catch AppError.invalid(let problems) {
            return try await render(page, input: filters, viewName: page.form.text("name"),
                                    viewErrors: FormErrors(problems, env: env, language: page.language),
                                    status: .unprocessableContent)
        }
    }

    @Sendable func deleteView(_ page: PageRequest) async throws -> Response {
        guard let id = page.context.parameters.get("id") else { throw AppError.notFound(entity: .savedView) }
        _ = try await env.app.savedViews.delete(page.acting, id: id)
        return PageEnvironment.redirect("/customers")
    }

    private func render(_ page: PageRequest, input: FormData, viewName: String, viewErrors: FormErrors,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let (query, filters) = Self.query(from: input, acting: acting)
        async let viewsLoad = env.app.savedViews.list(acting, list: "customers")
        async let found = env.app.customers.listLines(acting, query)
        async let count = env.app.customers.count(acting, query, cap: Self.countCap)
        async let directory = Directory.load(env.app, acting)
        let result = try await found
        let people = try await directory
        let total = try await count
        let clock = page.clock
        let today = env.app.today(for: acting.user)
        async let undoLoad = undoBanner(page, acting)
        let model = CustomerListModel(
            q: filters.text("q"),
            tag: filters.text("tag"),
            kindOptions: Choices.of(CustomerKind.self, prefix: "kind", selected: filters["kind"], blank: "filter.any",
                                    env: env, language: language),
            statusOptions: Choices.of(CustomerStatus.self, prefix: "status", selected: filters["status"],
                                      blank: "filter.any", env: env, language: language),
            stageOptions: Choices.of(LifecycleStage.self, prefix: "lifecycle.stage", selected: filters["stage"],
                                     blank: "filter.any", env: env, language: language),
            sortOptions: Choices.list(Self.sorts.map { ($0.value, env.text($0.label, language)) }, selected: filters["sort"]),
            nameHeader: header("customer.field.name", key: "name", filters: filters, language: language),
            stageHeader: header("lifecycle.stageLabel", key: "stage", filters: filters, language: language),
            lastTouchHeader: header("customers.column.lastTouch", key: "lastTouch", firstDescending: true, filters: filters,
                                    language: language),
            ownerOptions: acting.isManager
                ? people.userChoices(people.assignableOwners(acting), selected: query.ownerID, blank: env.text("filter.any", language))
                : nil,
            trash: query.deleted == .only,
            customers: result.items.map { customer in
                let fact = customer.facts
                return CustomerListModel.Row(
                    id: customer.id.description, name: customer.name, region: customer.region, owner: people.name(customer.ownerID),
                    status: env.label("status", customer.status, language),
                    phone: customer.phone, mainContact: fact.mainContact ?? "",
                    stage: fact.stage.map { LifecycleText.stage($0, env, language) } ?? "",
                    stageKey: fact.stage?.rawValue ?? "",
                    lastTouch: fact.lastTouch.map { LastTouchText.text($0, env: env, clock: clock, today: today, language: language) } ?? "")
            },
            countText: total > Self.countCap
                ? env.text("customers.countMore", language, [Self.countCap.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))])
                : env.text("customers.count", language, [String(total)]),
            isFiltered: filters.pairs.contains { ["q", "kind", "status", "stage", "owner", "tag"].contains($0.name) },
            trashURL: FormData(pairs: [("deleted", "only")]).url("/customers"),
            pager: Pager(path: "/customers", kept: filters, cursor: query.cursor, next: result.nextCursor),
            undo: try await undoLoad,
            views: try await viewsLoad.map { view in
                let opened = Self.query(from: FormData(encoded: view.query), acting: acting).1
                return CustomerListModel.View(id: view.id, name: view.name, url: opened.url("/customers"),
                                              current: opened.encoded == filters.encoded)
            },
            viewQuery: filters.encoded,
            viewNameField: FormField.input("name", env.text("views.name", language), value: viewName, errors: viewErrors))
        return try await env.render("customers", page, title: query.deleted == .only ? "trash.title" : "customers.title",
                                    model: model, status: status)
    }

    /// Beyond this many matches the list says "1,000+ customers" instead of counting them all.
    static let countCap = 1000

    static let sorts: [(value: String, label: String)] = [
        ("name", "sort.name"), ("-name", "sort.nameDesc"), ("-lastTouch", "sort.lastTouchDesc"),
        ("lastTouch", "sort.lastTouchAsc"), ("stage", "sort.stageAsc"), ("-stage", "sort.stageDesc"),
        ("-updatedAt", "sort.updatedDesc"), ("-createdAt", "sort.createdDesc"),
    ]

    /// A sortable column heading; the list's current sort is `name` when none is chosen.
    private func header(_ labelKey: String, key: String, firstDescending: Bool = false, filters: FormData,
                        language: Language) -> SortHeader {
        var kept = filters
        kept.set("sort", nil)
        return SortHeader(label: env.text(labelKey, language), key: key, firstDescending: firstDescending,
                          current: filters["sort"] ?? "name", kept: kept, path: "/customers")
    }

    /// The query for the list and the filters to keep in links (without the cursor). Values that
    /// are not ours (a hand-edited URL) are dropped rather than refused.
    static func query(from input: FormData, acting: Acting) -> (CustomerQuery, FormData) {
        var query = CustomerQuery(limit: pageSize)
        var kept = FormData()
        if let q = input.nonEmpty("q"), q.count <= 200 { query.search = q; kept.set("q", q) }
        if let kind = input["kind"].flatMap(CustomerKind.init(rawValue:)) { query.kind = kind; kept.set("kind", kind.rawValue) }
        if let status = input["status"].flatMap(CustomerStatus.init(rawValue:)) {
            query.status = status; kept.set("status", status.rawValue)
        }
        if let stage = input["stage"].flatMap(LifecycleStage.init(rawValue:)) { query.stage = stage; kept.set("stage", stage.rawValue) }
        if acting.isManager, let owner = input["owner"].flatMap(UserID.init) {
            query.ownerID = owner; kept.set("owner", owner.description)
        }
        if let tag = input.nonEmpty("tag"), tag.count <= 50 { query.tag = tag; kept.set("tag", tag) }
        if let sort = input["sort"], sorts.contains(where: { $0.value == sort }) {
            query.descending = sort.hasPrefix("-")
            query.sort = CustomerSort(rawValue: String(sort.drop(while: { $0 == "-" }))) ?? .name
            kept.set("sort", sort)
        }
        if acting.isManager, input["deleted"] == "only" { query.deleted = .only; kept.set("deleted", "only") }
        query.cursor = input["cursor"].flatMap(PageCursor.init(token:))
        return (query, kept)
    }

    /// After a delete: the customer's name and an undo button.
    private func undoBanner(_ page: PageRequest, _ acting: Acting) async throws -> CustomerListModel.Undo? {
        guard let id = page.query["undo"].flatMap(CustomerID.init) else { return nil }
        do {
            let customer = try await env.app.customers.get(acting, id)
            guard customer.deletedAt != nil else { return nil }
            return CustomerListModel.Undo(id: id.description, text: env.text("customer.deleted", page.language, [customer.name]))
        } catch AppError.notFound {
            return nil
        }
    }
}
