import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// `/api/v1/contacts` and a customer's `/contacts`: key persons.
struct ContactAPI {
    let app: Rapport

    struct Body: Decodable {
        let draft: ContactDraft
        let version: Int?
        init(from decoder: any Decoder) throws {
            draft = try ContactDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
        }
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("customers/:id/contacts", use: listOfCustomer)
        group.post("customers/:id/contacts", use: create)
        group.get("contacts", use: list)
        group.get("contacts/:id", use: get)
        group.patch("contacts/:id", use: update)
        group.delete("contacts/:id", use: delete)
        group.post("contacts/:id/restore", use: restore)
    }

    @Sendable func listOfCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let items = try await app.contacts.list(acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: items, nextCursor: nil))
    }

    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let page = try await app.contacts.search(acting, search: try p.string("q", max: 200),
                                          limit: try p.int("limit", default: 50, range: 1...200), cursor: try p.cursor())
        return try JSONBody.response(page)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let customerID: CustomerID = try p.id()
        let body = try await JSONBody.decode(Body.self, from: request, context: context)
        let contact = try await app.contacts.create(acting, customerID: customerID, body.draft, allowDuplicate: try p.bool("allowDuplicate"))
        var response = try JSONBody.response(contact, status: .created, version: contact.version)
        response.headers[.location] = "/api/v1/contacts/\(contact.id)"
        return response
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let contact = try await app.contacts.get(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(contact, version: contact.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: ContactID = try p.id()
        let body = try await JSONBody.decode(Body.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let contact = try await app.contacts.update(acting, id, body.draft, version: version)
        return try JSONBody.response(contact, version: contact.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let contact = try await app.contacts.delete(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(contact, version: contact.version)
    }

    @Sendable func restore(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let contact = try await app.contacts.restore(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(contact, version: contact.version)
    }
}
