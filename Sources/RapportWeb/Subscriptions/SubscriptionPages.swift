import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// Subscription forms on the customer page and the win-back list: `POST /customers/{id}/subscriptions`,
/// `POST /subscriptions/{id}/renew`, `POST /subscriptions/{id}/churn`, `POST /customers/{id}/winback-attempts`,
/// `GET /winback` (churned customers by reason, with an attempt form and the "what works" table).
/// A refused form comes back to the customer page naming the field.
struct SubscriptionPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.post("customers/:id/subscriptions", use: env.page(.signedIn, create))
        router.post("subscriptions/:id/renew", use: env.page(.signedIn, renew))
        router.post("subscriptions/:id/churn", use: env.page(.signedIn, churn))
        router.post("customers/:id/winback-attempts", use: env.page(.signedIn, attempt))
        router.get("winback", use: env.page(.signedIn, list))
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let customerID: CustomerID = try page.id()
        return try await refusedBack(to: customerID) {
            var draft = SubscriptionDraft(startsOn: try date(page, "startsOn"), endsOn: try date(page, "endsOn"),
                                          price: try price(page, "price"))
            if let months = page.form.nonEmpty("termMonths") {
                guard let value = Int(months) else { throw AppError.invalid([FieldError("termMonths", .invalid)]) }
                draft.termMonths = value
            }
            _ = try await env.app.subscriptions.create(acting, customerID: customerID, draft)
        }
    }

    @Sendable func renew(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let term = try await env.app.subscriptions.get(acting, try page.id())
        return try await refusedBack(to: term.customerID) {
            let input = RenewalInput(endsOn: try date(page, "endsOn"), price: try price(page, "price"),
                                     reasons: page.form.all("renewalReasons"), note: page.form.text("renewalNote"))
            _ = try await env.app.subscriptions.renew(acting, term.id, input, version: try page.formVersion())
        }
    }

    @Sendable func churn(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let term = try await env.app.subscriptions.get(acting, try page.id())
        return try await refusedBack(to: term.customerID) {
            let input = ChurnInput(reasons: page.form.all("churnReasons"), note: page.form.text("churnNote"),
                                   churnedOn: try date(page, "churnedOn"))
            _ = try await env.app.subscriptions.churn(acting, term.id, input, version: try page.formVersion())
        }
    }

    @Sendable func attempt(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let customerID: CustomerID = try page.id()
        let back = PageEnvironment.safeLocalPath(page.form["back"]) ?? CustomerTab.link(customerID, "subscriptions")
        let draft = WinbackAttemptDraft(approach: page.form["approach"].flatMap(WinbackApproach.init(rawValue:)),
                                        outcome: page.form["outcome"].flatMap(WinbackOutcome.init(rawValue:)),
                                        note: page.form.text("note"), attemptedOn: try date(page, "attemptedOn"))
        do {
            _ = try await env.app.winback.recordAttempt(acting, customerID: customerID, draft)
            return PageEnvironment.redirect(back)
        } catch AppError.invalid(let problems) {
            let field = problems.first?.field ?? "other"
            return PageEnvironment.redirect(CustomerTab.link(customerID, "subscriptions",
                                                             query: [("subscriptionError", field)]))
        }
    }

    /// Runs a change; afterwards (or when refused) back to the customer's subscriptions.
    private func refusedBack(to customerID: CustomerID, _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
            return PageEnvironment.redirect(CustomerTab.link(customerID, "subscriptions"))
        } catch AppError.invalid(let problems) {
            let field = problems.first?.field ?? "other"
            return PageEnvironment.redirect(CustomerTab.link(customerID, "subscriptions",
                                                             query: [("subscriptionError", field)]))
        } catch AppError.conflict {
            return PageEnvironment.redirect(CustomerTab.link(customerID, "subscriptions",
                                                             query: [("subscriptionError", "version")]))
        }
    }

    private func date(_ page: PageRequest, _ field: String) throws -> CalendarDate? {
        guard let text = page.form.nonEmpty(field) else { return nil }
        guard let day = CalendarDate(parsing: text) else { throw AppError.invalid([FieldError(field, .invalid)]) }
        return day
    }

    private func price(_ page: PageRequest, _ field: String) throws -> Int64? {
        guard let text = page.form.nonEmpty(field) else { return nil }
        guard let value = MinorUnits.parse(text) else { throw AppError.invalid([FieldError(field, .invalid)]) }
        return value
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let reason = page.query.nonEmpty("reason")
        let cursor = page.query.nonEmpty("cursor").flatMap(PageCursor.init(token:))
        async let entriesLoad = env.app.winback.list(acting, reason: reason, limit: 50, cursor: cursor)
        async let taxonomyLoad = env.app.subscriptions.churnTaxonomy()
        async let tableLoad = env.app.winback.effectiveness(acting)
        async let peopleLoad = Directory.load(env.app, acting)
        let (entries, taxonomy, table, people) = try await (entriesLoad, taxonomyLoad, tableLoad, peopleLoad)
        let view = SubscriptionView(env: env, language: language, taxonomy: taxonomy)
        let back = page.currentPath
        let rows = entries.items.map { entry in
            WinbackListModel.Row(
                customerID: entry.customerID.description, name: entry.customerName,
                url: CustomerTab.link(entry.customerID, "subscriptions"),
                owner: people.name(entry.ownerID), churnedOn: entry.churnedOn.description,
                reasons: view.reasons(entry.churnReasons), note: entry.churnNote,
                attempts: String(entry.attempts),
                lastOutcome: entry.lastOutcome.map { env.text("winback.outcome.\($0.rawValue)", language) } ?? "",
                attemptAction: "/customers/\(entry.customerID)/winback-attempts", back: back)
        }
        let reasons = taxonomy.churnLeaves.map { leaf in
            WinbackListModel.ReasonChoice(code: leaf.node.code,
                                          label: taxonomy.label(leaf.node.code, language, withGroups: true) ?? leaf.node.code,
                                          selected: leaf.node.code == reason)
        }
        let cells = table.map { cell in
            WinbackListModel.Cell(reason: taxonomy.label(cell.reason, language) ?? cell.reason,
                                  approach: env.text("winback.approach.\(cell.approach.rawValue)", language),
                                  attempts: String(cell.attempts), returns: String(cell.returns),
                                  rate: cell.attempts > 0 ? "\(cell.returns * 100 / cell.attempts)%" : "–")
        }
        var next = ""
        if let token = entries.nextCursor {
            var query = FormData(pairs: [("cursor", token)])
            if let reason { query.set("reason", reason) }
            next = query.url("/winback")
        }
        let model = WinbackListModel(rows: rows, reasons: reasons, filtered: reason != nil,
                                     approaches: view.approaches(), outcomes: view.outcomes(), cells: cells, nextURL: next)
        return try await env.render("winback", page, title: "winback.title", model: model)
    }
}
