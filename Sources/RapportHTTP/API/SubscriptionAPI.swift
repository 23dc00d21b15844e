import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Subscriptions, churn and win-back: `/api/v1/customers/:id/subscriptions`, `/api/v1/subscriptions/:id`
/// (renew, churn, restore), `/api/v1/winback`, `/api/v1/customers/:id/winback-attempts`,
/// `/api/v1/winback/effectiveness`, `/api/v1/churn-reasons`.
struct SubscriptionAPI {
    let app: Rapport

    /// A request body plus its optional `version`.
    struct Versioned<Body: Decodable>: Decodable {
        var body: Body
        let version: Int?
        init(from decoder: any Decoder) throws {
            body = try Body(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
        }
    }

    /// One reason in the caller's language.
    struct ReasonNode: Encodable {
        let code: String
        let label: String
        let children: [ReasonNode]
        init(_ node: ChurnTaxonomy.Node, _ language: Language) {
            code = node.code
            label = node.label(language)
            children = node.children.map { ReasonNode($0, language) }
        }
    }

    struct Reasons: Encodable {
        let churn: [ReasonNode]
        let renewalDespite: [ReasonNode]
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("customers/:id/subscriptions", use: listOfCustomer)
        group.post("customers/:id/subscriptions", use: create)
        group.get("subscriptions/:id", use: get)
        group.patch("subscriptions/:id", use: update)
        group.delete("subscriptions/:id", use: delete)
        group.post("subscriptions/:id/restore", use: restore)
        group.post("subscriptions/:id/renew", use: renew)
        group.post("subscriptions/:id/churn", use: churn)
        group.get("winback", use: winback)
        group.get("winback/effectiveness", use: effectiveness)
        group.get("customers/:id/winback-attempts", use: attempts)
        group.post("customers/:id/winback-attempts", use: recordAttempt)
        group.get("churn-reasons", use: reasons)
    }

    @Sendable func listOfCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let items = try await app.subscriptions.list(acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: items, nextCursor: nil))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customerID: CustomerID = try RequestParameters(request: request, context: context).id()
        let draft = try await JSONBody.decode(SubscriptionDraft.self, from: request, context: context)
        let term = try await app.subscriptions.create(acting, customerID: customerID, draft)
        var response = try JSONBody.response(term, status: .created, version: term.version)
        response.headers[.location] = "/api/v1/subscriptions/\(term.id)"
        return response
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let term = try await app.subscriptions.get(context.acting,
                                              try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(term, version: term.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: SubscriptionID = try p.id()
        let body = try await JSONBody.decode(Versioned<SubscriptionDraft>.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let term = try await app.subscriptions.update(acting, id, body.body, version: version)
        return try JSONBody.response(term, version: term.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let term = try await app.subscriptions.delete(context.acting,
                                                    try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(term, version: term.version)
    }

    @Sendable func restore(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let term = try await app.subscriptions.restore(context.acting,
                                                     try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(term, version: term.version)
    }

    /// Answers 201 with the new term.
    @Sendable func renew(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let body = try await JSONBody.decode(Versioned<RenewalInput>.self, from: request, context: context)
        let next = try await app.subscriptions.renew(acting, try p.id(), body.body, version: body.version ?? p.ifMatch())
        var response = try JSONBody.response(next, status: .created, version: next.version)
        response.headers[.location] = "/api/v1/subscriptions/\(next.id)"
        return response
    }

    @Sendable func churn(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let body = try await JSONBody.decode(Versioned<ChurnInput>.self, from: request, context: context)
        let term = try await app.subscriptions.churn(acting, try p.id(), body.body, version: body.version ?? p.ifMatch())
        return try JSONBody.response(term, version: term.version)
    }

    /// `?reason=<code>&limit=&cursor=`
    @Sendable func winback(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let page = try await app.winback.list(acting, reason: try p.string("reason", max: 100),
                                             limit: try p.int("limit", default: 50, range: 1...200), cursor: try p.cursor())
        return try JSONBody.response(page)
    }

    @Sendable func effectiveness(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        try JSONBody.response(Page(items: try await app.winback.effectiveness(context.acting), nextCursor: nil))
    }

    @Sendable func attempts(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let items = try await app.winback.attempts(acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(Page(items: items, nextCursor: nil))
    }

    @Sendable func recordAttempt(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customerID: CustomerID = try RequestParameters(request: request, context: context).id()
        let draft = try await JSONBody.decode(WinbackAttemptDraft.self, from: request, context: context)
        let attempt = try await app.winback.recordAttempt(acting, customerID: customerID, draft)
        return try JSONBody.response(attempt, status: .created)
    }

    @Sendable func reasons(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        _ = context.acting
        let taxonomy = try await app.subscriptions.churnTaxonomy()
        let language = context.language
        return try JSONBody.response(Reasons(churn: taxonomy.churn.map { ReasonNode($0, language) },
                                             renewalDespite: taxonomy.renewalDespite.map { ReasonNode($0, language) }))
    }
}
