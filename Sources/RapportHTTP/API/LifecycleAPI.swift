import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Lifecycle stages, recorded facts and the summary: `/api/v1/customers/:id/lifecycle`,
/// `/api/v1/customers/:id/lifecycle-facts[/:factId]`, `/api/v1/lifecycle/summary`.
struct LifecycleAPI {
    let app: Rapport

    struct FactBody: Decodable {
        let kind: LifecycleFactKind
        let evidence: String?
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("customers/:id/lifecycle", use: get)
        group.post("customers/:id/lifecycle-facts", use: record)
        group.delete("customers/:id/lifecycle-facts/:factId", use: revoke)
        group.get("lifecycle/summary", use: summary)
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let view = try await app.lifecycles.get(acting, of: try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(view)
    }

    @Sendable func record(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customerID: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(FactBody.self, from: request, context: context)
        let fact = try await app.lifecycles.recordFact(acting, customerID: customerID, kind: body.kind, evidence: body.evidence)
        return try JSONBody.response(fact, status: .created)
    }

    @Sendable func revoke(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let fact = try await app.lifecycles.revokeFact(acting, customerID: try p.id(), try p.id("factId"))
        return try JSONBody.response(fact)
    }

    /// `?months=12`: counts per stage over the customers the user may see, and the monthly flow.
    @Sendable func summary(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let months = try RequestParameters(request: request, context: context).int("months", default: 12, range: 1...60)
        return try JSONBody.response(try await app.lifecycles.summary(acting, months: months))
    }
}
