import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// One note on a customer: `GET /notes/{id}/edit`, `POST /notes/{id}` (save), `POST /notes/{id}/delete`
/// (back to the customer with an undo banner) and `POST /notes/{id}/restore`. Who may do what is the
/// use cases' decision; a refusal becomes the 403 page.
struct NotePages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("notes/:id/edit", use: env.page(.signedIn, edit))
        router.post("notes/:id", use: env.page(.signedIn, update))
        router.post("notes/:id/delete", use: env.page(.signedIn, delete))
        router.post("notes/:id/restore", use: env.page(.signedIn, restore))
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let note = try await env.app.notes.get(acting, try page.id())
        if note.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        // Refuse before showing a form that could never be saved.
        guard NoteRights(note, acting).canEdit else { throw AppError.forbidden(reason: .notAuthor) }
        return try await render(page, note, form: Self.values(of: note), outcome: EditOutcome())
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: NoteID = try page.id()
        let before = try await env.app.notes.get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let version = try page.formVersion()
        do {
            _ = try await env.app.notes.update(acting, id, body: page.form.text("body"), version: version)
            return PageEnvironment.redirect(CustomerTab.link(before.customerID, "notes"))
        } catch AppError.invalid(let problems) {
            return try await render(page, before, form: page.form, outcome: .invalid(problems, env: env, language: page.language))
        } catch AppError.conflict {
            let current = try await env.app.notes.get(acting, id)
            return try await render(page, current, form: Self.values(of: current), outcome: .stale)
        }
    }

    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let note = try await env.app.notes.delete(acting, try page.id())
        return PageEnvironment.redirect(CustomerTab.link(note.customerID, "notes", query: [("undoNote", note.id.description)],
                                                         fragment: "undo-banner"))
    }

    @Sendable func restore(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let note = try await env.app.notes.delete(acting, try page.id(), restore: true)
        return PageEnvironment.redirect(CustomerTab.link(note.customerID, "notes"))
    }

    private static func values(of note: Note) -> FormData {
        FormData(pairs: [("body", note.body), ("version", String(note.version))])
    }

    private func render(_ page: PageRequest, _ note: Note, form: FormData, outcome: EditOutcome) async throws -> Response {
        let acting = page.acting
        let customer = try await env.app.customers.get(acting, note.customerID)
        let model = NoteFormModel(
            outcome: outcome.summary(shown: ["body"]),
            customer: RecordLink(id: customer.id.description, name: customer.name),
            note: RecordLink(id: note.id.description, version: form.text("version")),
            bodyField: FormField.textarea("body", env.text("note.field.text", page.language), value: form.text("body"),
                                          errors: outcome.errors, rows: 6))
        return try await env.render("note_form", page, title: "note.editTitle", model: model, status: outcome.status)
    }
}
