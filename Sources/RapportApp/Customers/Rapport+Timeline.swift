import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// A customer's timeline, newest first.
    public func activities(_ acting: Acting, of customerID: CustomerID, limit: Int = 50, cursor: PageCursor? = nil) async throws -> Page<Activity> {
        _ = try await customer(acting, customerID)
        return try await mapped("activity") {
            try await store.read { try await $0.activities(of: customerID, limit: limit, cursor: cursor) }
        }
    }

    public func activity(_ acting: Acting, _ id: ActivityID) async throws -> Activity {
        guard let activity = try await store.read({ try await $0.activity(id, scope: acting.scope) }) else {
            throw AppError.notFound(entity: "activity")
        }
        return activity
    }

    /// Logs a contact with a customer, made by the acting user (time defaults to now).
    public func logActivity(_ acting: Acting, customerID: CustomerID, _ draft: ActivityDraft) async throws -> Activity {
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let parent = try await customer(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let custom = try await validatedCustom(draft.custom, object: .activity)
        let now = env.now()
        var activity = Activity(id: env.newID(), customerID: customerID, contactID: nil, userID: acting.id,
                                channel: .other, purpose: "", outcome: "", occurredAt: now, createdAt: now, updatedAt: now)
        draft.apply(to: &activity)
        activity.custom = custom.filter { $0.value != .null }
        try await checkActivityContact(activity)
        let entry = try audit(acting.id, "activity", activity.id.description, .create, before: nil as Activity?, after: activity)
        let saved = activity
        try await store.write { session in
            try await session.insertActivity(saved)
            try await session.appendAudit(entry)
        }
        return activity
    }

    public func updateActivity(_ acting: Acting, _ id: ActivityID, _ draft: ActivityDraft, version: Int) async throws -> Activity {
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        let before = try await activity(acting, id)
        var after = before
        draft.apply(to: &after)
        if let custom = draft.custom {
            for (key, value) in try await validatedCustom(custom, object: .activity) {
                if case .null = value { after.custom[key] = nil } else { after.custom[key] = value }
            }
        }
        // Only a new link is checked: a key person deleted since keeps their old activities.
        if after.contactID != before.contactID { try await checkActivityContact(after) }
        after.updatedAt = env.now()
        after.version = before.version + 1
        return try await saveActivity(acting, before: before, after: after, action: .update, version: version)
    }

    public func deleteActivity(_ acting: Acting, _ id: ActivityID) async throws -> Activity {
        let before = try await activity(acting, id)
        guard before.deletedAt == nil else { return before }
        var after = before
        after.deletedAt = env.now()
        after.version += 1
        return try await saveActivity(acting, before: before, after: after, action: .delete, version: before.version)
    }

    public func restoreActivity(_ acting: Acting, _ id: ActivityID) async throws -> Activity {
        let before = try await activity(acting, id)
        guard before.deletedAt != nil else { return before }
        var after = before
        after.deletedAt = nil
        after.version += 1
        return try await saveActivity(acting, before: before, after: after, action: .restore, version: before.version)
    }

    private func saveActivity(_ acting: Acting, before: Activity, after: Activity, action: AuditAction, version: Int) async throws -> Activity {
        let entry = try audit(acting.id, "activity", after.id.description, action, before: before, after: after)
        try await mapped("activity") {
            try await store.write { session in
                try await session.updateActivity(after, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    private func checkActivityContact(_ activity: Activity) async throws {
        guard let contactID = activity.contactID else { return }
        let contacts = try await store.read { try await $0.contacts(of: activity.customerID) }
        guard contacts.contains(where: { $0.id == contactID }) else {
            throw AppError.invalid([FieldError("contactID", "unknown")])
        }
    }

    // MARK: Notes

    public func notes(_ acting: Acting, of customerID: CustomerID) async throws -> [Note] {
        _ = try await customer(acting, customerID)
        return try await store.read { try await $0.notes(of: customerID) }
    }

    public func note(_ acting: Acting, _ id: NoteID) async throws -> Note {
        guard let note = try await store.read({ try await $0.note(id, scope: acting.scope) }) else {
            throw AppError.notFound(entity: "note")
        }
        return note
    }

    public func addNote(_ acting: Acting, customerID: CustomerID, body: String?) async throws -> Note {
        do { try Note.validate(body: body) } catch { throw AppError.invalid(error.errors) }
        let parent = try await customer(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let now = env.now()
        let note = Note(id: env.newID(), customerID: customerID, authorID: acting.id, body: body ?? "", createdAt: now, updatedAt: now)
        let entry = try audit(acting.id, "note", note.id.description, .create, before: nil as Note?, after: note)
        try await store.write { session in
            try await session.insertNote(note)
            try await session.appendAudit(entry)
        }
        return note
    }

    /// Edits a note; only its author (or an admin) may.
    public func updateNote(_ acting: Acting, _ id: NoteID, body: String?, version: Int) async throws -> Note {
        do { try Note.validate(body: body) } catch { throw AppError.invalid(error.errors) }
        let before = try await note(acting, id)
        guard before.authorID == acting.id || acting.isAdmin else { throw AppError.forbidden(reason: "notAuthor") }
        var after = before
        after.body = body ?? ""
        after.updatedAt = env.now()
        after.version += 1
        return try await saveNote(acting, before: before, after: after, action: .update, version: version)
    }

    public func deleteNote(_ acting: Acting, _ id: NoteID, restore: Bool = false) async throws -> Note {
        let before = try await note(acting, id)
        guard before.authorID == acting.id || acting.isManager else { throw AppError.forbidden(reason: "notAuthor") }
        guard (before.deletedAt == nil) != restore else { return before }
        var after = before
        after.deletedAt = restore ? nil : env.now()
        after.version += 1
        return try await saveNote(acting, before: before, after: after, action: restore ? .restore : .delete, version: before.version)
    }

    private func saveNote(_ acting: Acting, before: Note, after: Note, action: AuditAction, version: Int) async throws -> Note {
        let entry = try audit(acting.id, "note", after.id.description, action, before: before, after: after)
        try await mapped("note") {
            try await store.write { session in
                try await session.updateNote(after, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }
}
