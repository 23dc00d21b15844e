import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// `/api/v1/customers`: list, search, create, read, update, delete, restore, history, duplicates.
struct CustomerAPI {
    let app: Rapport

    /// A PATCH or POST body: the draft fields plus the version read (for updates).
    struct Body: Decodable {
        let draft: CustomerDraft
        let version: Int?
        init(from decoder: any Decoder) throws {
            draft = try CustomerDraft(from: decoder)
            let container = try decoder.container(keyedBy: VersionKey.self)
            version = try container.decodeIfPresent(Int.self, forKey: .version)
        }
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("customers", use: list)
        group.post("customers", use: create)
        group.get("customers/duplicates", use: duplicates)
        group.get("customers/:id", use: get)
        group.patch("customers/:id", use: update)
        group.delete("customers/:id", use: delete)
        group.post("customers/:id/restore", use: restore)
        group.get("customers/:id/history", use: history)
    }

    static func query(_ p: RequestParameters) throws -> CustomerQuery {
        var query = CustomerQuery()
        query.search = try p.string("q", max: 200)
        query.kind = try p.enumValue("kind")
        query.status = try p.enumValue("status")
        query.ownerID = try p.queryID("ownerID")
        query.unowned = try p.bool("unowned")
        query.teamID = try p.queryID("teamID")
        query.industry = try p.string("industry", max: 100)
        query.region = try p.string("region", max: 100)
        query.tag = try p.string("tag", max: 50)
        query.stage = try p.enumValue("stage")
        query.deleted = try p.enumValue("deleted") ?? .exclude
        if let sort = try p.string("sort", max: 20) {
            let descending = sort.hasPrefix("-")
            guard let key = CustomerSort(rawValue: descending ? String(sort.dropFirst()) : sort) else {
                throw APIError.malformed(field: "sort", reason: .sortChoice)
            }
            query.sort = key
            query.descending = descending
        }
        query.limit = try p.int("limit", default: 50, range: 1...CustomerQuery.maxLimit)
        query.cursor = try p.cursor()
        return query
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let query = try Self.query(RequestParameters(request: request, context: context))
        return try JSONBody.response(try await app.customers.list(acting, query))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let allow = try RequestParameters(request: request, context: context).bool("allowDuplicate")
        let body = try await JSONBody.decode(Body.self, from: request, context: context)
        let customer = try await app.customers.create(acting, body.draft, allowDuplicate: allow)
        var response = try JSONBody.response(customer, status: .created, version: customer.version)
        response.headers[.location] = "/api/v1/customers/\(customer.id)"
        return response
    }

    @Sendable func duplicates(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let matches = try await app.customers.duplicates(acting, name: try p.string("name", max: 200) ?? "",
                                               phone: try p.string("phone", max: 100) ?? "",
                                               email: try p.string("email", max: 254) ?? "",
                                               registrationNumber: try p.string("registrationNumber", max: 100) ?? "")
        return try JSONBody.response(["items": matches])
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customer = try await app.customers.get(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(customer, version: customer.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: CustomerID = try p.id()
        let body = try await JSONBody.decode(Body.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let customer = try await app.customers.update(acting, id, body.draft, version: version)
        return try JSONBody.response(customer, version: customer.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let customer = try await app.customers.delete(acting, try p.id(), version: p.ifMatch())
        return try JSONBody.response(customer, version: customer.version)
    }

    @Sendable func restore(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customer = try await app.customers.restore(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(customer, version: customer.version)
    }

    @Sendable func history(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let entries = try await app.customers.history(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(["items": entries])
    }
}

/// The `version` key that update bodies carry next to the record's fields.
enum VersionKey: String, CodingKey {
    case version
}
