import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// One activity of a customer's timeline: `GET /activities/{id}/edit`, `POST /activities/{id}` (save, or
/// with `action=checkTone` show the tone findings for the outcome without saving),
/// `POST /activities/{id}/delete` (back to the customer with an undo banner) and `POST /activities/{id}/restore`.
struct ActivityPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("activities/:id/edit", use: env.page(.signedIn, edit))
        router.post("activities/:id", use: env.page(.signedIn, update))
        router.post("activities/:id/delete", use: env.page(.signedIn, delete))
        router.post("activities/:id/restore", use: env.page(.signedIn, restore))
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let activity = try await env.app.activities.get(acting, try page.id())
        if activity.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        return try await render(page, activity, form: ActivityForm.values(of: activity, clock: page.clock), outcome: EditOutcome())
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: ActivityID = try page.id()
        let before = try await env.app.activities.get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let version = try page.formVersion()
        if page.form["action"] == "checkTone" {
            do {
                let tone = try await ToneFindingsView.check(env.app, page.form.text("outcome"))
                return try await render(page, before, form: page.form, outcome: EditOutcome(), tone: tone)
            } catch AppError.invalid(let problems) {
                return try await render(page, before, form: page.form,
                                        outcome: .invalid(problems, env: env, language: page.language))
            }
        }
        do {
            let definitions = try await env.app.customFields.list(acting, object: .activity)
            let draft = try ActivityForm.draft(from: page.form, clock: page.clock, definitions: definitions, editing: true)
            _ = try await env.app.activities.update(acting, id, draft, version: version)
            return PageEnvironment.redirect(CustomerTab.link(before.customerID, "timeline"))
        } catch AppError.invalid(let problems) {
            return try await render(page, before, form: page.form,
                                    outcome: .invalid(problems, env: env, language: page.language))
        } catch AppError.conflict {
            let current = try await env.app.activities.get(acting, id)
            return try await render(page, current, form: ActivityForm.values(of: current, clock: page.clock), outcome: .stale)
        }
    }

    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let activity = try await env.app.activities.delete(acting, try page.id())
        return PageEnvironment.redirect(CustomerTab.link(activity.customerID, "timeline",
                                                         query: [("undoActivity", activity.id.description)],
                                                         fragment: "undo-banner"))
    }

    @Sendable func restore(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let activity = try await env.app.activities.restore(acting, try page.id())
        return PageEnvironment.redirect(CustomerTab.link(activity.customerID, "timeline"))
    }

    private func render(_ page: PageRequest, _ activity: Activity, form: FormData, outcome: EditOutcome,
                        tone: ToneFindingsView = .none) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, activity.customerID)
        async let contactsLoad = env.app.contacts.list(acting, of: customer.id)
        async let fieldsLoad = env.app.customFields.list(acting, object: .activity)
        let definitions = try await fieldsLoad
        var contacts = try await contactsLoad
        // A key person deleted since keeps their place in the list, so saving never drops the link unasked.
        if let linked = activity.contactID, !contacts.contains(where: { $0.id == linked }) {
            do { contacts.append(try await env.app.contacts.get(acting, linked)) } catch AppError.notFound {}
        }
        let model = ActivityFormModel(
            outcome: outcome.summary(shown: ActivityForm.shownFields),
            customer: RecordLink(id: customer.id.description, name: customer.name),
            activity: RecordLink(id: activity.id.description, version: form.text("version")),
            formAction: "/activities/\(activity.id)",
            formID: "activity-edit-form",
            fields: ActivityForm.fields(form: form, errors: outcome.errors, contacts: contacts, definitions: definitions,
                                        env: env, language: page.language),
            tone: tone.data(env: env, language: page.language))
        return try await env.render("activity_form", page, title: "activity.editTitle", model: model, status: outcome.status)
    }
}
