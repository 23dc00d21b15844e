import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// Care dates of a customer: `POST /customers/{id}/care-dates` (the form on the customer page),
/// `GET /care-dates/{id}/edit`, `POST /care-dates/{id}` (save), `POST /care-dates/{id}/delete` (back to
/// the customer with an undo banner) and `POST /care-dates/{id}/restore`.
struct CareDatePages: Sendable {
    let env: PageEnvironment
    let file: CustomerFilePage

    func register(on router: RouterGroup<SessionContext>) {
        router.post("customers/:id/care-dates", use: env.page(.signedIn, create))
        router.get("care-dates/:id/edit", use: env.page(.signedIn, edit))
        router.post("care-dates/:id", use: env.page(.signedIn, update))
        router.post("care-dates/:id/delete", use: env.page(.signedIn, delete))
        router.post("care-dates/:id/restore", use: env.page(.signedIn, restore))
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        do {
            let (date, contact) = try CareDateForm.draft(from: page.form)
            _ = try await env.app.careDates.add(acting, customerID: id, contactID: contact, date)
            return PageEnvironment.redirect(CustomerTab.link(id, "care-dates"))
        } catch AppError.invalid(let problems) {
            var forms = CustomerFilePage.InlineForms(status: .unprocessableContent)
            forms.relationships.careDate = page.form
            forms.relationships.careDateErrors = FormErrors(problems, env: env, language: page.language)
            return try await file.render(page, id: id, tab: .service, forms: forms)
        }
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let date = try await env.app.careDates.get(acting, try page.id())
        if date.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        return try await render(page, date, form: CareDateForm.values(of: date), outcome: EditOutcome())
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CareDateID = try page.id()
        let before = try await env.app.careDates.get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let version = try page.formVersion()
        do {
            let (date, contact) = try CareDateForm.draft(from: page.form)
            // An unchanged key person is left alone (it may have been deleted since; the link stays).
            let link: ContactID?? = contact == before.contactID ? nil : .some(contact)
            _ = try await env.app.careDates.update(acting, id, contactID: link, CareDatePatch(replacingWith: date),
                                                    version: version)
            return PageEnvironment.redirect(CustomerTab.link(before.customerID, "care-dates"))
        } catch AppError.invalid(let problems) {
            return try await render(page, before, form: page.form, outcome: .invalid(problems, env: env, language: page.language))
        } catch AppError.conflict {
            let current = try await env.app.careDates.get(acting, id)
            return try await render(page, current, form: CareDateForm.values(of: current), outcome: .stale)
        }
    }

    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let date = try await env.app.careDates.delete(acting, try page.id())
        return PageEnvironment.redirect(CustomerTab.link(date.customerID, "care-dates",
                                                         query: [("undoCareDate", date.id.description)],
                                                         fragment: "undo-banner"))
    }

    @Sendable func restore(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let date = try await env.app.careDates.delete(acting, try page.id(), restore: true)
        return PageEnvironment.redirect(CustomerTab.link(date.customerID, "care-dates"))
    }

    private func render(_ page: PageRequest, _ date: CustomerCareDate, form: FormData, outcome: EditOutcome) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, date.customerID)
        var contacts = try await env.app.contacts.list(acting, of: customer.id)
        // A key person deleted since keeps their place, so saving never drops the link unasked.
        if let linked = date.contactID, !contacts.contains(where: { $0.id == linked }) {
            do { contacts.append(try await env.app.contacts.get(acting, linked)) } catch AppError.notFound {}
        }
        let model = CareDateFormModel(
            careDate: RecordLink(id: date.id.description, version: form.text("version")),
            customer: RecordLink(id: customer.id.description, name: customer.name),
            fields: CareDateForm.fields(form: form, errors: outcome.errors, contacts: contacts, env: env,
                                        language: page.language),
            outcome: outcome.summary(shown: CareDateForm.shownFields))
        return try await env.render("care_date_form", page, title: "careDate.editTitle", model: model, status: outcome.status)
    }
}
