import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /customers/{id}/activities/new`: the activity form on its own page, with the tone check.
/// `POST` to the same address saves it (back to the customer's timeline) or, with
/// `action=checkTone`, shows the findings for the outcome and keeps everything typed, unsaved.
struct ActivityNewPage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/:id/activities/new", use: env.page(.signedIn, show))
        router.post("customers/:id/activities/new", use: env.page(.signedIn, submit))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        var form = ActivityForm.blank(clock: page.clock, now: env.app.env.now())
        if let contact = page.query.nonEmpty("contact") { form.set("contactID", contact) }
        return try await render(page, id: try page.id(), form: form, outcome: EditOutcome(), tone: .none)
    }

    @Sendable func submit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        do {
            if page.form["action"] == "checkTone" {
                let tone = try await ToneFindingsView.check(env.app, page.form.text("outcome"))
                return try await render(page, id: id, form: page.form, outcome: EditOutcome(), tone: tone)
            }
            let definitions = try await env.app.customFields.list(acting, object: .activity)
            let draft = try ActivityForm.draft(from: page.form, clock: page.clock, definitions: definitions)
            _ = try await env.app.activities.log(acting, customerID: id, draft)
            return PageEnvironment.redirect(CustomerTab.link(id, "timeline"))
        } catch AppError.invalid(let problems) {
            return try await render(page, id: id, form: page.form,
                                    outcome: .invalid(problems, env: env, language: page.language), tone: .none)
        }
    }

    private func render(_ page: PageRequest, id: CustomerID, form: FormData, outcome: EditOutcome,
                        tone: ToneFindingsView) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, id)
        if customer.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        async let contactsLoad = env.app.contacts.list(acting, of: id)
        async let fieldsLoad = env.app.customFields.list(acting, object: .activity)
        let (contacts, definitions) = try await (contactsLoad, fieldsLoad)
        let model = ActivityFormModel(
            outcome: outcome.summary(shown: ActivityForm.shownFields),
            customer: RecordLink(id: customer.id.description, name: customer.name),
            activity: nil,
            formAction: "/customers/\(id)/activities/new",
            formID: "activity-new-form",
            fields: ActivityForm.fields(form: form, errors: outcome.errors, contacts: contacts, definitions: definitions,
                                        env: env, language: page.language),
            tone: tone.data(env: env, language: page.language))
        return try await env.render("activity_form", page, title: "activity.newTitle", model: model, status: outcome.status)
    }
}
