import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Promises: `/api/v1/customers/:id/commitments`, `/api/v1/commitments[/:id]`.
struct CommitmentAPI {
    let app: Rapport

    struct CommitmentBody: Decodable {
        var draft: CommitmentDraft
        let version: Int?
        private enum Keys: String, CodingKey { case contactID }
        init(from decoder: any Decoder) throws {
            draft = try CommitmentDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
            // `"contactID": null` unlinks the key person; the synthesized decoder reads it as "not given".
            let c = try decoder.container(keyedBy: Keys.self)
            if c.contains(.contactID), try c.decodeNil(forKey: .contactID) { draft.contactID = .some(nil) }
        }
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("customers/:id/commitments", use: listOfCustomer)
        group.post("customers/:id/commitments", use: create)
        group.get("commitments", use: list)
        group.get("commitments/:id", use: get)
        group.patch("commitments/:id", use: update)
        group.delete("commitments/:id", use: delete)
        group.post("commitments/:id/restore", use: restore)
    }

    @Sendable func listOfCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let items = try await app.commitments.list(acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: items, nextCursor: nil))
    }

    /// `?owner=me|<id>&state=open&overdue=true&dueBefore=&dueBy=&customer=`
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        var filter = CommitmentFilter(state: try p.enumValue("state"), customerID: try p.queryID("customer"),
                                      dueBefore: try p.date("dueBefore"), dueOnOrBefore: try p.date("dueBy"))
        if let owner = try p.meOrUser("owner", acting) { filter.ownerID = owner }
        if try p.bool("overdue") {
            filter.state = .open
            filter.dueBefore = app.today(for: acting.user)
        }
        let page = try await app.commitments.search(acting, filter, limit: try p.int("limit", default: 50, range: 1...200),
                                             cursor: try p.cursor())
        return try JSONBody.response(page)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customerID: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(CommitmentBody.self, from: request, context: context)
        let promise = try await app.commitments.create(acting, customerID: customerID, body.draft)
        var response = try JSONBody.response(promise, status: .created, version: promise.version)
        response.headers[.location] = "/api/v1/commitments/\(promise.id)"
        return response
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let promise = try await app.commitments.get(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(promise, version: promise.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: CommitmentID = try p.id()
        let body = try await JSONBody.decode(CommitmentBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let promise = try await app.commitments.update(acting, id, body.draft, version: version)
        return try JSONBody.response(promise, version: promise.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let promise = try await app.commitments.delete(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(promise, version: promise.version)
    }

    @Sendable func restore(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let promise = try await app.commitments.restore(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(promise, version: promise.version)
    }
}
