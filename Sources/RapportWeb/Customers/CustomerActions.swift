import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// The posts on a customer's page: delete (with undo), restore, log an activity, add a note.
struct CustomerActions: Sendable {
    let env: PageEnvironment
    let file: CustomerFilePage

    func register(on router: RouterGroup<SessionContext>) {
        router.post("customers/:id/delete", use: env.page(.signedIn, delete))
        router.post("customers/:id/restore", use: env.page(.signedIn, restore))
        router.post("customers/:id/activities", use: env.page(.signedIn, logActivity))
        router.post("customers/:id/notes", use: env.page(.signedIn, addNote))
    }

    /// Moves the customer to the trash and shows the list with an undo banner.
    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        _ = try await env.app.customers.delete(acting, id)
        return PageEnvironment.redirect(FormData(pairs: [("undo", id.description)]).url("/customers"))
    }

    @Sendable func restore(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        _ = try await env.app.customers.restore(acting, id)
        return PageEnvironment.redirect("/customers/\(id)")
    }

    @Sendable func logActivity(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        do {
            let definitions = try await env.app.customFields.list(acting, object: .activity)
            let draft = try ActivityForm.draft(from: page.form, clock: page.clock, definitions: definitions)
            _ = try await env.app.activities.log(acting, customerID: id, draft)
            return PageEnvironment.redirect(CustomerTab.link(id, "timeline"))
        } catch AppError.invalid(let problems) {
            let forms = CustomerFilePage.InlineForms(activity: page.form,
                                                     activityErrors: FormErrors(problems, env: env, language: page.language),
                                                     status: .unprocessableContent)
            return try await file.render(page, id: id, tab: .timeline, forms: forms)
        }
    }

    @Sendable func addNote(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomerID = try page.id()
        do {
            _ = try await env.app.notes.add(acting, customerID: id, body: page.form.text("body"))
            return PageEnvironment.redirect(CustomerTab.link(id, "notes"))
        } catch AppError.invalid(let problems) {
            let forms = CustomerFilePage.InlineForms(note: page.form,
                                                     noteErrors: FormErrors(problems, env: env, language: page.language),
                                                     status: .unprocessableContent)
            return try await file.render(page, id: id, tab: .timeline, forms: forms)
        }
    }
}
