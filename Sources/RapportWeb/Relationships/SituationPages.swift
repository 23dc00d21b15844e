import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// The customer's situation and results: `GET|POST /customers/{id}/situation` (join reasons ranked in
/// up to nine places, signing motivation, business type), `POST /customers/{id}/results` (the form on
/// the customer page), `POST /customers/{id}/results/{result}/delete` (with an undo banner) and
/// `POST /customers/{id}/results/{result}/restore`.
struct SituationPages: Sendable {
    let env: PageEnvironment
    let file: CustomerFilePage
    static let ranks = JoinReason.allCases.count

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/:id/situation", use: env.page(.signedIn, edit))
        router.post("customers/:id/situation", use: env.page(.signedIn, update))
        router.post("customers/:id/results", use: env.page(.signedIn, record))
        router.post("customers/:id/results/:result/delete", use: env.page(.signedIn, deleteResult))
        router.post("customers/:id/results/:result/restore", use: env.page(.signedIn, restoreResult))
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, try page.id())
        if customer.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let view = try await env.app.situations.get(acting, of: customer.id)
        return try await render(page, customer: customer, form: Self.values(of: view), outcome: EditOutcome())
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, try page.id())
        let version = try page.formVersion()
        let form = page.form
        let draft = CustomerSituationDraft(joinReasons: (1...Self.ranks).map { form.text("rank\($0)") },
                                           motivation: form.text("motivation"), businessType: form.text("businessType"))
        do {
            _ = try await env.app.situations.update(acting, of: customer.id, draft, version: version)
            return PageEnvironment.redirect(CustomerTab.link(customer.id, "situation"))
        } catch AppError.invalid(let problems) {
            return try await render(page, customer: customer, form: form, outcome: .invalid(problems, env: env, language: page.language))
        } catch AppError.conflict {
            let view = try await env.app.situations.get(acting, of: customer.id)
            return try await render(page, customer: customer, form: Self.values(of: view), outcome: .stale)
        }
    }

    @Sendable func record(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        do {
            let (record, note) = try ResultForm.record(from: page.form)
            _ = try await env.app.situations.recordResult(acting, of: id, record, note: note)
            return PageEnvironment.redirect(CustomerTab.link(id, "results"))
        } catch AppError.invalid(let problems) {
            var forms = CustomerFilePage.InlineForms(status: .unprocessableContent)
            forms.relationships.result = page.form
            forms.relationships.resultErrors = FormErrors(problems, env: env, language: page.language)
            return try await file.render(page, id: id, tab: .service, forms: forms)
        }
    }

    @Sendable func deleteResult(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        let result: CustomerResultID = try page.id("result")
        try await env.app.situations.deleteResult(acting, of: id, result)
        return PageEnvironment.redirect(CustomerTab.link(id, "results", query: [("undoResult", result.description)],
                                                         fragment: "undo-banner"))
    }

    @Sendable func restoreResult(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        try await env.app.situations.deleteResult(acting, of: id, try page.id("result"), restore: true)
        return PageEnvironment.redirect(CustomerTab.link(id, "results"))
    }

    private static func values(of view: SituationView) -> FormData {
        var form = FormData(pairs: [("motivation", view.situation.motivation?.rawValue ?? ""),
                                    ("businessType", view.situation.businessType?.rawValue ?? ""),
                                    ("version", String(view.version))])
        for (index, reason) in view.situation.joinReasons.enumerated() { form.set("rank\(index + 1)", reason.rawValue) }
        return form
    }

    private func render(_ page: PageRequest, customer: Customer, form: FormData, outcome: EditOutcome) async throws -> Response {
        let language = page.language
        let errors = outcome.errors
        let ranks: [FormField] = (1...Self.ranks).map { rank in
            FormField.select("rank\(rank)", env.text("situation.rank", language, [String(rank)]),
                             options: Choices.of(JoinReason.self, prefix: "joinReason", selected: form["rank\(rank)"],
                                                 blank: "form.none", env: env, language: language), errors: errors)
        }
        let model = SituationFormModel(
            customer: RecordLink(id: customer.id.description, name: customer.name),
            version: form.text("version"),
            ranks: ranks,
            reasonsError: errors["joinReasons"],
            fields: [
                FormField.select("motivation", env.text("situation.field.motivation", language),
                                 options: Choices.of(SigningMotivation.self, prefix: "motivation", selected: form["motivation"],
                                                     blank: "form.none", env: env, language: language), errors: errors),
                FormField.select("businessType", env.text("situation.field.businessType", language),
                                 options: Choices.of(BusinessType.self, prefix: "businessType", selected: form["businessType"],
                                                     blank: "form.none", env: env, language: language), errors: errors),
            ],
            outcome: EditOutcome.Summary(conflict: outcome.conflict, hasErrors: !errors.isEmpty,
                otherErrors: errors.others(shown: ["joinReasons", "motivation", "businessType"])))
        return try await env.render("situation_form", page, title: "situation.editTitle", model: model, status: outcome.status)
    }
}
