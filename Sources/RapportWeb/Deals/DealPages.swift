import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// One deal: `GET /deals/new?customer=ID`, `POST /deals` (create), `GET /deals/{id}` (details, edit
/// form, move, close, reopen, create order, stage history), `POST /deals/{id}` (save),
/// `POST /deals/{id}/move` (back to `back` or the deal), `GET|POST /deals/{id}/close?outcome=won|lost`
/// (asks the reason), `POST /deals/{id}/reopen`, `POST /deals/{id}/order`, `POST /deals/{id}/delete`
/// (to the customer with an undo banner) and `POST /deals/{id}/restore`.
struct DealPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("deals/new", use: env.page(.signedIn, new))
        router.post("deals", use: env.page(.signedIn, create))
        router.get("deals/:id", use: env.page(.signedIn, show))
        router.post("deals/:id", use: env.page(.signedIn, update))
        router.post("deals/:id/move", use: env.page(.signedIn, move))
        router.get("deals/:id/close", use: env.page(.signedIn, closeForm))
        router.post("deals/:id/close", use: env.page(.signedIn, close))
        router.post("deals/:id/reopen", use: env.page(.signedIn, reopen))
        router.post("deals/:id/order", use: env.page(.signedIn, order))
        router.post("deals/:id/delete", use: env.page(.signedIn, delete))
        router.post("deals/:id/restore", use: env.page(.signedIn, restore))
    }

    @Sendable func new(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        guard let customerID = page.query["customer"].flatMap(CustomerID.init) else { throw AppError.notFound(entity: .customer) }
        let customer = try await env.app.customers.get(acting, customerID)
        if customer.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        return try await DealDetailView(env: env).renderForm(page, customer: customer, deal: nil, form: FormData(), outcome: EditOutcome())
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        guard let customerID = page.form["customer"].flatMap(CustomerID.init) else { throw PageError.badRequest }
        let customer = try await env.app.customers.get(acting, customerID)
        do {
            let draft = try DealForm.draft(from: page.form, isNew: true, choosesOwner: acting.isManager)
            let deal = try await env.app.deals.create(acting, customerID: customer.id, draft)
            return PageEnvironment.redirect("/deals/\(deal.id)")
        } catch AppError.invalid(let problems) {
            return try await DealDetailView(env: env).renderForm(page, customer: customer, deal: nil, form: page.form,
                                                                 outcome: .invalid(problems, env: env, language: page.language))
        }
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let deal = try await env.app.deals.get(acting, try page.id())
        let customer = try await env.app.customers.get(acting, deal.customerID)
        return try await DealDetailView(env: env).renderForm(page, customer: customer, deal: deal, form: DealForm.values(of: deal),
                                                             outcome: EditOutcome())
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: DealID = try page.id()
        let before = try await env.app.deals.get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let customer = try await env.app.customers.get(acting, before.customerID)
        let version = try page.formVersion()
        do {
            let draft = try DealForm.draft(from: page.form, isNew: false, choosesOwner: acting.isManager)
            _ = try await env.app.deals.update(acting, id, draft, version: version)
            return PageEnvironment.redirect("/deals/\(id)")
        } catch AppError.invalid(let problems) {
            return try await DealDetailView(env: env).renderForm(page, customer: customer, deal: before, form: page.form,
                                                                 outcome: .invalid(problems, env: env, language: page.language))
        } catch AppError.conflict {
            let current = try await env.app.deals.get(acting, id)
            return try await DealDetailView(env: env).renderForm(page, customer: customer, deal: current,
                                                                 form: DealForm.values(of: current), outcome: .stale)
        }
    }

    /// The kanban's no-JavaScript move (and the detail page's): back to where the form came from.
    @Sendable func move(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: DealID = try page.id()
        guard let stage = page.form["stageID"].flatMap(DealStageID.init) else { throw PageError.badRequest }
        _ = try await env.app.deals.move(acting, id, to: stage, version: try page.formVersion())
        return PageEnvironment.redirect(PageEnvironment.safeLocalPath(page.form["back"]) ?? "/deals/\(id)")
    }

    @Sendable func closeForm(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let deal = try await env.app.deals.get(acting, try page.id())
        let won = page.query["outcome"] != "lost"
        return try await DealDetailView(env: env).renderClose(page, deal: deal, won: won, reason: "", errors: FormErrors(), status: .ok)
    }

    @Sendable func close(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: DealID = try page.id()
        let won = page.form["outcome"] != "lost"
        let reason = page.form.text("reason")
        do {
            let version = try page.formVersion()
            _ = won ? try await env.app.deals.win(acting, id, reason: reason, version: version)
                : try await env.app.deals.lose(acting, id, reason: reason, version: version)
            return PageEnvironment.redirect("/deals/\(id)")
        } catch AppError.invalid(let problems) {
            let deal = try await env.app.deals.get(acting, id)
            return try await DealDetailView(env: env).renderClose(page, deal: deal, won: won, reason: reason,
                                                                  errors: FormErrors(problems, env: env, language: page.language),
                                                                  status: .unprocessableContent)
        }
    }

    @Sendable func reopen(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: DealID = try page.id()
        let stage = page.form.nonEmpty("stageID").flatMap(DealStageID.init)
        _ = try await env.app.deals.reopen(acting, id, stageID: stage, version: try page.formVersion())
        return PageEnvironment.redirect("/deals/\(id)")
    }

    @Sendable func order(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: DealID = try page.id()
        _ = try await env.app.deals.createOrder(acting, id, version: try page.formVersion())
        return PageEnvironment.redirect("/deals/\(id)")
    }

    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let deal = try await env.app.deals.delete(acting, try page.id())
        return PageEnvironment.redirect(FormData(pairs: [("undoDeal", deal.id.description)]).url("/deals/\(deal.id)"))
    }

    @Sendable func restore(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let deal = try await env.app.deals.restore(acting, try page.id())
        return PageEnvironment.redirect("/deals/\(deal.id)")
    }
}
