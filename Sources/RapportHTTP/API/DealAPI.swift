import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Deals: `/api/v1/deals[/:id]`, the moves (`move`, `win`, `lose`, `reopen`, `order`), a deal's
/// stage history, `/api/v1/customers/:id/deals` and the `/api/v1/pipeline` summary.
struct DealAPI {
    let app: Rapport

    struct DealBody: Decodable {
        var draft: DealDraft
        let version: Int?
        init(from decoder: any Decoder) throws {
            draft = try DealDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
        }
    }

    struct MoveBody: Decodable {
        let stageID: DealStageID?
        let version: Int?
    }

    struct CloseBody: Decodable {
        let reason: String?
        let version: Int?
    }

    struct VersionBody: Decodable {
        let version: Int?
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("customers/:id/deals", use: listOfCustomer)
        group.post("customers/:id/deals", use: create)
        group.get("deals", use: list)
        group.get("deals/:id", use: get)
        group.patch("deals/:id", use: update)
        group.delete("deals/:id", use: delete)
        group.post("deals/:id/restore", use: restore)
        group.post("deals/:id/move", use: move)
        group.post("deals/:id/win", use: win)
        group.post("deals/:id/lose", use: lose)
        group.post("deals/:id/reopen", use: reopen)
        group.post("deals/:id/order", use: order)
        group.get("deals/:id/stage-changes", use: stageChanges)
        group.get("pipeline", use: pipeline)
        group.get("team/deal-outcome-mix", use: dealOutcomeMix)
    }

    private func version(_ body: Int?, _ p: RequestParameters) throws -> Int {
        guard let version = body ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        return version
    }

    @Sendable func listOfCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let items = try await app.deals.list(acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: items, nextCursor: nil))
    }

    /// `?owner=me|<id>&stage=&state=open|won|lost&customer=&closeFrom=&closeTo=&limit=&cursor=`
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let filter = DealFilter(ownerID: try p.meOrUser("owner", acting), stageID: try p.queryID("stage"), state: try p.enumValue("state"),
                                customerID: try p.queryID("customer"), closeFrom: try p.date("closeFrom"),
                                closeTo: try p.date("closeTo"))
        let page = try await app.deals.search(acting, filter, limit: try p.int("limit", default: 50, range: 1...200),
                                       cursor: try p.cursor())
        return try JSONBody.response(page)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customerID: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(DealBody.self, from: request, context: context)
        let deal = try await app.deals.create(acting, customerID: customerID, body.draft)
        var response = try JSONBody.response(deal, status: .created, version: deal.version)
        response.headers[.location] = "/api/v1/deals/\(deal.id)"
        return response
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let deal = try await app.deals.get(context.acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(deal, version: deal.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let body = try await JSONBody.decode(DealBody.self, from: request, context: context)
        let deal = try await app.deals.update(acting, try p.id(), body.draft, version: try version(body.version, p))
        return try JSONBody.response(deal, version: deal.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let deal = try await app.deals.delete(context.acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(deal, version: deal.version)
    }

    @Sendable func restore(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let deal = try await app.deals.restore(context.acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(deal, version: deal.version)
    }

    @Sendable func move(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let body = try await JSONBody.decode(MoveBody.self, from: request, context: context)
        guard let stageID = body.stageID else { throw AppError.invalid([FieldError("stageID", .required)]) }
        let deal = try await app.deals.move(acting, try p.id(), to: stageID, version: try version(body.version, p))
        return try JSONBody.response(deal, version: deal.version)
    }

    @Sendable func win(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await close(request, context: context, won: true)
    }

    @Sendable func lose(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await close(request, context: context, won: false)
    }

    private func close(_ request: Request, context: AuthenticatedContext, won: Bool) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let body = try await JSONBody.decode(CloseBody.self, from: request, context: context)
        let id: DealID = try p.id()
        let version = try version(body.version, p)
        let deal = won ? try await app.deals.win(acting, id, reason: body.reason ?? "", version: version)
            : try await app.deals.lose(acting, id, reason: body.reason ?? "", version: version)
        return try JSONBody.response(deal, version: deal.version)
    }

    @Sendable func reopen(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let body = try await JSONBody.decode(MoveBody.self, from: request, context: context)
        let deal = try await app.deals.reopen(acting, try p.id(), stageID: body.stageID, version: try version(body.version, p))
        return try JSONBody.response(deal, version: deal.version)
    }

    /// Creates the order of a won deal (one line: the deal's title, quantity 1, its amount) and
    /// answers the deal, now carrying `orderID`.
    @Sendable func order(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let body = try await JSONBody.decode(VersionBody.self, from: request, context: context)
        let deal = try await app.deals.createOrder(acting, try p.id(), version: try version(body.version, p))
        var response = try JSONBody.response(deal, status: .created, version: deal.version)
        if let orderID = deal.orderID { response.headers[.location] = "/api/v1/orders/\(orderID)" }
        return response
    }

    @Sendable func stageChanges(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let items = try await app.deals.stageChanges(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: items, nextCursor: nil))
    }

    /// `?owner=me|<id>&perStage=N` (N 0–200, default 50).
    @Sendable func pipeline(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let board = try await app.pipeline.board(acting, ownerID: try p.meOrUser("owner", acting),
                                           perStage: try p.int("perStage", default: 50, range: 0...200))
        return try JSONBody.response(board)
    }

    /// Managers and admins: people by temperament and buyer type among each owner's customers
    /// with won deals and with lost deals (what `/team/types` shows).
    @Sendable func dealOutcomeMix(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let rows = try await app.pipeline.outcomeMix(context.acting)
        return try JSONBody.response(Page(items: rows, nextCursor: nil))
    }
}
