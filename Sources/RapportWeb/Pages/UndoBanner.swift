import Foundation
import RapportApp
import RapportCore

/// The "deleted — undo" banner on a customer's page after one of its key persons, activities or
/// notes was deleted there. The query names the record (`undoContact`, `undoActivity`, `undoNote`);
/// the banner shows only while that record is still deleted and belongs to this customer.
struct UndoBanner {
    let env: PageEnvironment

    /// The banner's text and the restore form's action, or `nil` when there is nothing to undo.
    func load(_ page: PageRequest, _ acting: Acting, customerID: CustomerID) async throws -> [String: Any]? {
        let query = page.query
        do {
            if let id = query["undoContact"].flatMap(ContactID.init) {
                let contact = try await env.app.contact(acting, id)
                guard contact.deletedAt != nil, contact.customerID == customerID else { return nil }
                return banner(env.text("contact.deleted", page.language, [contact.name]), action: "/contacts/\(id)/restore")
            }
            if let id = query["undoActivity"].flatMap(ActivityID.init) {
                let activity = try await env.app.activity(acting, id)
                guard activity.deletedAt != nil, activity.customerID == customerID else { return nil }
                return banner(env.text("activity.deleted", page.language, [activity.purpose]),
                              action: "/activities/\(id)/restore")
            }
            if let id = query["undoNote"].flatMap(NoteID.init) {
                let note = try await env.app.note(acting, id)
                guard note.deletedAt != nil, note.customerID == customerID else { return nil }
                return banner(env.text("note.deleted", page.language), action: "/notes/\(id)/restore")
            }
        } catch AppError.notFound {
            return nil
        }
        return nil
    }

    private func banner(_ text: String, action: String) -> [String: Any] {
        ["text": text, "action": action]
    }
}
