import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /pool` (`?pool=<id>&cursor=`): a pool's customers with claim buttons, the user's claims
/// today and holdings against the caps, and for managers an assign select. `POST /pool/claim/{id}`
/// and `POST /pool/assign/{id}` come back here; a refusal (cap, cool-off, taken) is shown on the page.
struct PoolPage: Sendable {
    let env: PageEnvironment
    static let pageSize = 50

    func register(on router: RouterGroup<SessionContext>) {
        router.get("pool", use: env.page(.signedIn, list))
        router.post("pool/claim/:id", use: env.page(.signedIn, claim))
        router.post("pool/assign/:id", use: env.page(.signedIn, assign))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        let notice = page.query["done"].map { env.text("pool.done.\($0 == "assigned" ? "assigned" : "claimed")", page.language,
                                                      [page.query.text("name")]) }
        return try await render(page, poolID: page.query["pool"].flatMap(PoolID.init), problem: nil, notice: notice)
    }

    @Sendable func claim(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let poolID = page.form["pool"].flatMap(PoolID.init)
        do {
            let customer = try await env.app.pools.claim(acting, try page.id())
            return PageEnvironment.redirect(back(poolID, done: "claimed", name: customer.name))
        } catch let error as AppError {
            return try await render(page, poolID: poolID, problem: problemText(error, page.language), notice: nil,
                                    status: .unprocessableContent)
        }
    }

    @Sendable func assign(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let poolID = page.form["pool"].flatMap(PoolID.init)
        do {
            guard let user = page.form["userID"].flatMap(UserID.init) else { throw AppError.invalid([FieldError("userID", .required)]) }
            let customer = try await env.app.pools.assign(acting, try page.id(), to: user)
            return PageEnvironment.redirect(back(poolID, done: "assigned", name: customer.name))
        } catch let error as AppError {
            if case .notFound = error { throw error }
            return try await render(page, poolID: poolID, problem: problemText(error, page.language), notice: nil,
                                    status: .unprocessableContent)
        }
    }

    private func back(_ pool: PoolID?, done: String, name: String) -> String {
        var query = FormData()
        if let pool { query.set("pool", pool.description) }
        query.set("done", done)
        query.set("name", name)
        return query.url("/pool")
    }

    /// The refusal as one sentence: the cap with its numbers, the cool-off date, or "someone was faster".
    private func problemText(_ error: AppError, _ language: Language) -> String {
        switch error {
        case .invalid(let problems): problems.map { env.localizer.message(for: $0, language) }.joined(separator: " ")
        case .conflict: env.text("pool.taken", language)
        case .forbidden(let reason): env.text("reason.\(reason.rawValue)", language)
        default: env.text("pool.taken", language)
        }
    }

    private func render(_ page: PageRequest, poolID: PoolID?, problem: String?, notice: String?,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let pools = try await env.app.pools.list(acting)
        guard let pool = pools.first(where: { $0.id == poolID }) ?? pools.first(where: \.isDefault) ?? pools.first else {
            throw AppError.notFound(entity: .pool)
        }
        let cursor = page.query["cursor"].flatMap(PageCursor.init(token:))
        async let membersLoad = env.app.pools.members(acting, pool.id, limit: Self.pageSize, cursor: cursor)
        async let standingLoad = env.app.pools.standing(acting, pool.id)
        async let directoryLoad = Directory.load(env.app, acting)
        let (members, standing, people) = try await (membersLoad, standingLoad, directoryLoad)
        let assignees = acting.isManager ? people.users.filter { user in
            guard !user.disabled, user.role != .admin || acting.isAdmin else { return false }
            return acting.scope.contains(owner: user.id, team: user.teamID) || acting.isAdmin
        } : []
        let clock = page.clock
        let model = PoolListModel(
            pools: pools.map { p in PoolListModel.Pool(id: p.id.description, name: p.name, current: p.id == pool.id) },
            poolID: pool.id.description,
            poolName: pool.name,
            claimsLine: env.text("pool.standing.claims", language, [String(standing.claimedToday), String(standing.dailyClaimCap)]),
            holdingLine: env.text("pool.standing.holding", language, [String(standing.holding), String(standing.holdingCap)]),
            atDailyCap: standing.claimedToday >= standing.dailyClaimCap,
            members: members.items.map { m in
                PoolListModel.Member(
                    id: m.customerID.description, name: m.name, industry: m.industry, region: m.region,
                    source: m.source, entered: clock.display(m.enteredAt), previousOwner: m.previousOwnerName ?? "",
                    reason: env.hasText("pool.reason.\(m.reason)", language) ? env.text("pool.reason.\(m.reason)", language) : m.reason)
            },
            assignees: Choices.list(assignees.map { ($0.id.description, $0.displayName) }, selected: nil),
            canAssign: acting.isManager && !assignees.isEmpty,
            pager: Pager(path: "/pool", kept: FormData(pairs: [("pool", pool.id.description)]), cursor: cursor,
                         next: members.nextCursor),
            problem: problem, notice: notice)
        return try await env.render("pool", page, title: "pool.title", model: model, status: status)
    }
}
