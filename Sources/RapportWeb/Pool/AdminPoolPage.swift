import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /admin/pools`: every pool with its rules in one form each (help text beside each rule),
/// `POST /admin/pools` (new pool), `POST /admin/pools/{id}` (save rules), `POST /admin/pools/{id}/delete`.
struct AdminPoolPage: Sendable {
    let env: PageEnvironment

    static let numbers = ["dailyClaimCap", "holdingCap", "warnDays", "cooloffDays", "lockCap"]
    static let days = ["noFollowUpDays", "noDealDays", "notClosedDays"]
    static let switches = ["countClosed", "recycleClosed", "recycleWithOpenDeals"]

    func register(on router: RouterGroup<SessionContext>) {
        router.get("admin/pools", use: env.page(.admin, list))
        router.post("admin/pools", use: env.page(.admin, create))
        router.post("admin/pools/:id", use: env.page(.admin, save))
        router.post("admin/pools/:id/delete", use: env.page(.admin, delete))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        try await render(page, problem: nil, notice: page.query["saved"] != nil ? env.text("pool.admin.saved", page.language) : nil)
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        try await attempt(page) { acting in _ = try await env.app.pools.create(acting, try Self.draft(page.form)) }
    }

    @Sendable func save(_ page: PageRequest) async throws -> Response {
        let id: PoolID = try page.id()
        let version = try page.formVersion()
        return try await attempt(page) { acting in _ = try await env.app.pools.update(acting, id, try Self.draft(page.form), version: version) }
    }

    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let id: PoolID = try page.id()
        return try await attempt(page) { acting in try await env.app.pools.delete(acting, id) }
    }

    private func attempt(_ page: PageRequest, _ body: (Acting) async throws -> Void) async throws -> Response {
        let acting = page.acting
        do {
            try await body(acting)
            return PageEnvironment.redirect("/admin/pools?saved=1")
        } catch AppError.invalid(let problems) {
            let text = problems.map { "\(env.text("pool.rule.\($0.field)", page.language)): \(env.localizer.message(for: $0, page.language))" }
            return try await render(page, problem: text.joined(separator: " "), notice: nil, status: .unprocessableContent)
        } catch AppError.conflict {
            return try await render(page, problem: env.text("form.conflict", page.language), notice: nil, status: .conflict)
        }
    }

    /// The draft from a form: whole numbers; a blank day rule switches it off; unchecked switches are off.
    static func draft(_ form: FormData) throws -> PoolDraft {
        var draft = PoolDraft(name: form["name"])
        var problems: [FieldError] = []
        func number(_ field: String) -> Int? {
            guard let text = form.nonEmpty(field) else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { problems.append(FieldError(field, .invalid)); return nil }
            return value
        }
        draft.dailyClaimCap = number("dailyClaimCap")
        draft.holdingCap = number("holdingCap")
        draft.warnDays = number("warnDays")
        draft.cooloffDays = number("cooloffDays")
        draft.lockCap = number("lockCap")
        if form["rules"] != nil {
            draft.noFollowUpDays = .some(number("noFollowUpDays"))
            draft.noDealDays = .some(number("noDealDays"))
            draft.notClosedDays = .some(number("notClosedDays"))
            draft.countClosed = form.isChecked("countClosed")
            draft.recycleClosed = form.isChecked("recycleClosed")
            draft.recycleWithOpenDeals = form.isChecked("recycleWithOpenDeals")
        }
        if !problems.isEmpty { throw AppError.invalid(problems) }
        return draft
    }

    private func render(_ page: PageRequest, problem: String?, notice: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let pools = try await env.app.pools.list(acting)
        var counts: [PoolID: Int] = [:]
        for pool in pools { counts[pool.id] = try await env.app.pools.members(acting, pool.id, limit: 1).items.count }
        func rule(_ key: String, _ value: String, kind: String) -> AdminPoolsModel.Rule {
            AdminPoolsModel.Rule(key: key, value: value, label: env.text("pool.rule.\(key)", language),
                                 help: env.text("pool.help.\(key)", language), isSwitch: kind == "switch")
        }
        let model = AdminPoolsModel(
            pools: pools.map { p in
                let r = p.rules
                let values: [String: String] = [
                    "dailyClaimCap": String(r.dailyClaimCap), "holdingCap": String(r.holdingCap), "warnDays": String(r.warnDays),
                    "cooloffDays": String(r.cooloffDays), "lockCap": String(r.lockCap),
                    "noFollowUpDays": r.noFollowUpDays.map(String.init) ?? "", "noDealDays": r.noDealDays.map(String.init) ?? "",
                    "notClosedDays": r.notClosedDays.map(String.init) ?? "", "countClosed": r.countClosed ? "1" : "",
                    "recycleClosed": r.recycleClosed ? "1" : "", "recycleWithOpenDeals": r.recycleWithOpenDeals ? "1" : "",
                ]
                return AdminPoolsModel.Pool(
                    id: p.id.description, name: p.name, version: String(p.version), isDefault: p.isDefault,
                    canDelete: !p.isDefault && counts[p.id] == 0,
                    rules: Self.numbers.map { rule($0, values[$0] ?? "", kind: "number") }
                        + Self.days.map { rule($0, values[$0] ?? "", kind: "number") }
                        + Self.switches.map { rule($0, values[$0] ?? "", kind: "switch") })
            },
            problem: problem, notice: notice)
        return try await env.render("admin_pools", page, title: "pool.admin.title", model: model, status: status)
    }
}
