import Foundation
import RapportCore
import RapportStore

/// Notes on a customer: kept by their author, deleted by the author or a manager.
public struct Notes: Sendable {
    let deps: Dependencies

    public func list(_ acting: Acting, of customerID: CustomerID) async throws -> [Note] {
        try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.notes(of: customerID)
        }
    }

    /// One page of a customer's live notes, newest first (the customer page's timeline part).
    public func page(_ acting: Acting, of customerID: CustomerID, limit: Int, cursor: PageCursor?) async throws -> Page<Note> {
        try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.notes(of: customerID, limit: limit, cursor: cursor)
        }
    }

    public func get(_ acting: Acting, _ id: NoteID) async throws -> Note {
        try await deps.read(acting, entity: Note.recordKind) { session in
            guard let note = try await session.record(Note.self, id) else { throw StoreError.notFound }
            return note
        }
    }

    public func add(_ acting: Acting, customerID: CustomerID, body: String?) async throws -> Note {
        do { try Note.validate(body: body) } catch { throw AppError.invalid(error.errors) }
        let now = deps.env.now()
        let note = Note(id: deps.env.newID(), customerID: customerID, authorID: acting.id, body: body ?? "", createdAt: now, updatedAt: now)
        let entry = try deps.audit(acting.id, Note.recordKind, note.id.description, .create, before: nil as Note?, after: note)
        try await deps.write(acting, entity: .customer) { session in
            try await session.insert(note)
            try await session.catalog.appendAudit(entry)
        }
        return note
    }

    /// Edits a note; only its author (or an admin) may.
    /// Changes a note's text; PATCH semantics: a nil `body` keeps the text (only the version moves).
    public func update(_ acting: Acting, _ id: NoteID, body: String?, version: Int) async throws -> Note {
        if let body {
            do { try Note.validate(body: body) } catch { throw AppError.invalid(error.errors) }
        }
        return try await deps.change(acting, id, version: version, action: .update) { note, _ in
            guard note.authorID == acting.id || acting.isAdmin else { throw AppError.forbidden(reason: .notAuthor) }
            if let body { note.body = body }
        }
    }

    /// Deletes (or restores) a note; its author or a manager may.
    public func delete(_ acting: Acting, _ id: NoteID, restore: Bool = false) async throws -> Note {
        let note = try await get(acting, id)
        guard note.authorID == acting.id || acting.isManager else { throw AppError.forbidden(reason: .notAuthor) }
        return restore ? try await deps.restore(acting, id) : try await deps.delete(acting, id)
    }
}
