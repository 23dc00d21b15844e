import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// The pool actions on a customer's page: `POST /customers/{id}/pool/lock`, `…/unlock` and
/// `…/release` (with a reason). Refusals come back to the customer's pool section.
struct PoolCustomerPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.post("customers/:id/pool/lock", use: env.page(.signedIn, lock))
        router.post("customers/:id/pool/unlock", use: env.page(.signedIn, unlock))
        router.post("customers/:id/pool/release", use: env.page(.signedIn, release))
    }

    @Sendable func lock(_ page: PageRequest) async throws -> Response {
        let id: CustomerID = try page.id()
        return try await act(page, id) { _ = try await env.app.pools.lock(page.acting, id) }
    }

    @Sendable func unlock(_ page: PageRequest) async throws -> Response {
        let id: CustomerID = try page.id()
        return try await act(page, id) { _ = try await env.app.pools.unlock(page.acting, id) }
    }

    @Sendable func release(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        let name = try await env.app.customers.get(acting, id).name
        var released = false
        let refused = try await act(page, id) {
            try await env.app.pools.release(acting, id, reason: page.form.text("reason"))
            released = true
        }
        guard released else { return refused }
        var query = FormData()
        query.set("done", "released")
        query.set("name", name)
        return PageEnvironment.redirect(query.url("/pool"))
    }

    /// Runs the action; back to the customer's pool section, with the refusal when there is one.
    private func act(_ page: PageRequest, _ id: CustomerID, _ body: () async throws -> Void) async throws -> Response {
        do {
            try await body()
            return PageEnvironment.redirect(CustomerTab.link(id, "pool"))
        } catch let error as AppError {
            let text: String
            switch error {
            case .invalid(let problems): text = problems.map { env.localizer.message(for: $0, page.language) }.joined(separator: " ")
            case .forbidden(let reason): text = env.text("reason.\(reason.rawValue)", page.language)
            case .conflict: text = env.text("pool.taken", page.language)
            default: throw error
            }
            return PageEnvironment.redirect(CustomerTab.link(id, "pool", query: [("poolProblem", text)]))
        }
    }
}
