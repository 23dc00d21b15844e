import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// The public pool (公海): `/api/v1/pools[/:id[/customers|/standing]]`,
/// `/api/v1/customers/:id/{claim,release,assign,lock,unlock,pool,pool-events}`, `/api/v1/pool/recycle`.
struct PoolAPI {
    let app: Rapport

    struct PoolBody: Decodable {
        var draft: PoolDraft
        let version: Int?
        private enum Keys: String, CodingKey { case teamID, noFollowUpDays, noDealDays, notClosedDays }
        init(from decoder: any Decoder) throws {
            draft = try PoolDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
            // `null` switches a day rule off (or clears the team); the synthesized decoder reads it as "not given".
            let c = try decoder.container(keyedBy: Keys.self)
            if c.contains(.teamID), try c.decodeNil(forKey: .teamID) { draft.teamID = .some(nil) }
            if c.contains(.noFollowUpDays), try c.decodeNil(forKey: .noFollowUpDays) { draft.noFollowUpDays = .some(nil) }
            if c.contains(.noDealDays), try c.decodeNil(forKey: .noDealDays) { draft.noDealDays = .some(nil) }
            if c.contains(.notClosedDays), try c.decodeNil(forKey: .notClosedDays) { draft.notClosedDays = .some(nil) }
        }
    }

    struct ReleaseBody: Decodable { let reason: String? }
    struct AssignBody: Decodable { let userID: UserID? }
    struct RecycleBody: Decodable { let dryRun: Bool? }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("pools", use: list)
        group.post("pools", use: create)
        group.get("pools/:id", use: get)
        group.patch("pools/:id", use: update)
        group.delete("pools/:id", use: delete)
        group.get("pools/:id/customers", use: members)
        group.get("pools/:id/standing", use: standing)
        group.post("customers/:id/claim", use: claim)
        group.post("customers/:id/release", use: release)
        group.post("customers/:id/assign", use: assign)
        group.post("customers/:id/lock", use: lock)
        group.post("customers/:id/unlock", use: unlock)
        group.get("customers/:id/pool", use: membership)
        group.get("customers/:id/pool-events", use: events)
        group.post("pool/recycle", use: recycle)
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try JSONBody.response(Page(items: try await app.pools.list(context.acting), nextCursor: nil))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(PoolBody.self, from: request, context: context)
        let pool = try await app.pools.create(acting, body.draft)
        var response = try JSONBody.response(pool, status: .created, version: pool.version)
        response.headers[.location] = "/api/v1/pools/\(pool.id)"
        return response
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let pool = try await app.pools.get(context.acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(pool, version: pool.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: PoolID = try p.id()
        let body = try await JSONBody.decode(PoolBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let pool = try await app.pools.update(acting, id, body.draft, version: version)
        return try JSONBody.response(pool, version: pool.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try await app.pools.delete(context.acting, try RequestParameters(request: request, context: context).id())
        return Response(status: .noContent)
    }

    /// `?limit=&cursor=`: the customers in the pool now, newest first.
    @Sendable func members(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let page = try await app.pools.members(acting, try p.id(), limit: try p.int("limit", default: 50, range: 1...200),
                                             cursor: try p.cursor())
        return try JSONBody.response(page)
    }

    @Sendable func standing(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        return try JSONBody.response(try await app.pools.standing(acting, try RequestParameters(request: request, context: context).id()))
    }

    @Sendable func claim(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customer = try await app.pools.claim(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(customer, version: customer.version)
    }

    @Sendable func assign(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(AssignBody.self, from: request, context: context)
        guard let user = body.userID else { throw AppError.invalid([FieldError("userID", .required)]) }
        let customer = try await app.pools.assign(acting, id, to: user)
        return try JSONBody.response(customer, version: customer.version)
    }

    @Sendable func release(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(ReleaseBody.self, from: request, context: context)
        try await app.pools.release(acting, id, reason: body.reason ?? "")
        return Response(status: .noContent)
    }

    @Sendable func lock(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        return try JSONBody.response(try await app.pools.lock(acting, try RequestParameters(request: request, context: context).id()))
    }

    @Sendable func unlock(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        return try JSONBody.response(try await app.pools.unlock(acting, try RequestParameters(request: request, context: context).id()))
    }

    @Sendable func membership(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        return try JSONBody.response(try await app.pools.membership(acting, of: try RequestParameters(request: request, context: context).id()))
    }

    @Sendable func events(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        return try JSONBody.response(try await app.pools.events(acting, of: try p.id(), limit: try p.int("limit", default: 100, range: 1...200),
                                                                cursor: try p.cursor()))
    }

    /// Admins: run a recycle pass now (`{"dryRun": true}` reports without writing).
    @Sendable func recycle(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        try acting.requireAdmin()
        let body = try await JSONBody.decode(RecycleBody.self, from: request, context: context)
        return try JSONBody.response(try await app.background.runRecyclePass(dryRun: body.dryRun ?? false))
    }
}
