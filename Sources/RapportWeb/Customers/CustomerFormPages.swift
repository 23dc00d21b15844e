import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /customers/new`, `POST /customers`, `GET /customers/{id}/edit`, `POST /customers/{id}`.
struct CustomerFormPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/new", use: env.page(.signedIn, new))
        router.post("customers", use: env.page(.signedIn, create))
        router.get("customers/:id/edit", use: env.page(.signedIn, edit))
        router.post("customers/:id", use: env.page(.signedIn, update))
    }


    @Sendable func new(_ page: PageRequest) async throws -> Response {
        try await render(page, form: CustomerForm.blank(), customerID: nil, outcome: EditOutcome())
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let definitions = try await env.app.customFields.list(acting, object: .customer)
        do {
            let draft = try CustomerForm.draft(from: page.form, definitions: definitions, canAssign: acting.isManager)
            let customer = try await env.app.customers.create(acting, draft, allowDuplicate: page.form.isChecked("allowDuplicate"))
            return PageEnvironment.redirect("/customers/\(customer.id)")
        } catch AppError.invalid(let problems) {
            let outcome = EditOutcome.invalid(problems, env: env, language: page.language)
            return try await render(page, form: page.form, customerID: nil, outcome: outcome)
        } catch AppError.duplicate(let matches) {
            return try await render(page, form: page.form, customerID: nil, outcome: EditOutcome(duplicates: matches, status: .conflict))
        }
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        let customer = try await env.app.customers.get(acting, id)
        return try await render(page, form: CustomerForm.values(of: customer), customerID: id, outcome: EditOutcome())
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        let version = try page.formVersion()
        let definitions = try await env.app.customFields.list(acting, object: .customer)
        do {
            let draft = try CustomerForm.draft(from: page.form, definitions: definitions, canAssign: acting.isManager)
            _ = try await env.app.customers.update(acting, id, draft, version: version)
            return PageEnvironment.redirect("/customers/\(id)")
        } catch AppError.invalid(let problems) {
            let outcome = EditOutcome.invalid(problems, env: env, language: page.language)
            return try await render(page, form: page.form, customerID: id, outcome: outcome)
        } catch AppError.conflict {
            // Someone saved first: show what is stored now, with its version, and say so.
            let current = try await env.app.customers.get(acting, id)
            return try await render(page, form: CustomerForm.values(of: current), customerID: id,
                                    outcome: EditOutcome.stale)
        }
    }

    private func render(_ page: PageRequest, form: FormData, customerID: CustomerID?, outcome: EditOutcome) async throws -> Response {
        let acting = page.acting
        let language = page.language
        async let definitions = env.app.customFields.list(acting, object: .customer)
        async let directory = Directory.load(env.app, acting)
        let people = try await directory
        let owners = acting.isManager ? people.assignableOwners(acting) : nil
        let groups = CustomerForm.groups(form: form, errors: outcome.errors, definitions: try await definitions,
                                         owners: owners, isNew: customerID == nil, env: env, language: language)
        let model = RecordFormModel(
            outcome: outcome.summary(shown: CustomerForm.shownFields),
            isNew: customerID == nil,
            action: customerID.map { "/customers/\($0)" } ?? "/customers",
            cancelURL: customerID.map { "/customers/\($0)" } ?? "/customers",
            version: form.text("version"),
            groups: groups,
            duplicates: outcome.duplicates.map { DuplicateNotice($0, env: env, language: language) })
        let title = customerID == nil ? "customer.newTitle" : "customer.editTitle"
        return try await env.render("customer_form", page, title: title, model: model, status: outcome.status)
    }
}
