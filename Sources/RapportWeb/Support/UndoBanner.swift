import Foundation
import RapportApp
import RapportCore

/// The "deleted — undo" banner on a customer's page after one of its key persons, activities,
/// notes, promises, care dates or results was deleted there. The query names the record
/// (`undoContact`, `undoActivity`, `undoNote`, `undoCommitment`, `undoCareDate`, `undoResult`);
/// the banner shows only while that record is still deleted and belongs to this customer.
struct UndoBanner {
    let env: PageEnvironment

    /// What the banner shows: its text and the restore form's action.
    struct Notice: PageModel {
        let text: String
        let action: String

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "action": action
            default: nil
            }
        }
    }

    /// The banner's text and the restore form's action, or `nil` when there is nothing to undo.
    func load(_ page: PageRequest, _ acting: Acting, customerID: CustomerID) async throws -> Notice? {
        let query = page.query
        do {
            if let id = query["undoContact"].flatMap(ContactID.init) {
                let contact = try await env.app.contacts.get(acting, id)
                guard contact.deletedAt != nil, contact.customerID == customerID else { return nil }
                return banner(env.text("contact.deleted", page.language, [contact.name]), action: "/contacts/\(id)/restore")
            }
            if let id = query["undoActivity"].flatMap(ActivityID.init) {
                let activity = try await env.app.activities.get(acting, id)
                guard activity.deletedAt != nil, activity.customerID == customerID else { return nil }
                return banner(env.text("activity.deleted", page.language, [activity.purpose]),
                              action: "/activities/\(id)/restore")
            }
            if let id = query["undoNote"].flatMap(NoteID.init) {
                let note = try await env.app.notes.get(acting, id)
                guard note.deletedAt != nil, note.customerID == customerID else { return nil }
                return banner(env.text("note.deleted", page.language), action: "/notes/\(id)/restore")
            }
            if let id = query["undoCommitment"].flatMap(CommitmentID.init) {
                let promise = try await env.app.commitments.get(acting, id)
                guard promise.deletedAt != nil, promise.customerID == customerID else { return nil }
                return banner(env.text("commitment.deleted", page.language, [promise.title]), action: "/commitments/\(id)/restore")
            }
            if let id = query["undoCareDate"].flatMap(CareDateID.init) {
                let date = try await env.app.careDates.get(acting, id)
                guard date.deletedAt != nil, date.customerID == customerID else { return nil }
                return banner(env.text("careDate.deleted", page.language), action: "/care-dates/\(id)/restore")
            }
            if let id = query["undoResult"].flatMap(CustomerResultID.init) {
                // Deleted results cannot be read back; the banner shows while the id is not among the live ones.
                let live = try await env.app.situations.results(acting, of: customerID)
                guard !live.contains(where: { $0.id == id }) else { return nil }
                return banner(env.text("result.deleted", page.language), action: "/customers/\(customerID)/results/\(id)/restore")
            }
        } catch AppError.notFound {
            return nil
        }
        return nil
    }

    private func banner(_ text: String, action: String) -> Notice {
        Notice(text: text, action: action)
    }
}
