import Foundation
import RapportCore
import RapportStore

/// The one path every versioned change of a customer or a customer's record takes: update, soft
/// delete and restore, each with its audit line, written once instead of once per entity.
extension Dependencies {
    /// In one transaction as the acting user: reads the record through their scope (`notFound` when
    /// it is outside it), refuses a stale `version` (409 with the current one), applies `change`,
    /// stamps `updatedAt` and `version + 1`, saves it (the session re-checks the scope and the ids
    /// the record points at) and appends the audit line.
    /// - Parameters:
    ///   - version: the version the caller read; `nil` takes the current one (deletes from a list).
    ///   - onlyIfChanged: save nothing when `change` altered nothing (deleting a deleted record).
    func change<R: ScopedRecord>(_ acting: Acting, _ id: Identifier<R>, version: Int?, action: AuditAction,
                                 onlyIfChanged: Bool = false,
                                 _ change: @escaping @Sendable (inout R, ScopedSession) async throws -> Void) async throws -> R {
        let now = env.now()
        let deps = self
        return try await write(acting, entity: R.recordKind) { session in
            guard let before = try await R.find(id, in: session) else { throw StoreError.notFound }
            if let version, version != before.version { throw StoreError.versionConflict(current: before.version) }
            var after = before
            try await change(&after, session)
            if onlyIfChanged, try !Self.differs(before, after) { return before }
            after.updatedAt = now
            after.version = before.version + 1
            try await R.save(after, expectedVersion: before.version, in: session)
            try await session.catalog.appendAudit(try deps.audit(acting.id, R.recordKind, before.recordID, action,
                                                                 before: before, after: after))
            return after
        }
    }

    /// Soft-deletes a record (restorable); deleting a deleted one changes nothing.
    func delete<R: ScopedRecord>(_ acting: Acting, _ id: Identifier<R>, version: Int? = nil) async throws -> R {
        let now = env.now()
        return try await change(acting, id, version: version, action: .delete, onlyIfChanged: true) { record, _ in
            if record.deletedAt == nil { record.deletedAt = now }
        }
    }

    /// Brings a soft-deleted record back; restoring a live one changes nothing.
    func restore<R: ScopedRecord>(_ acting: Acting, _ id: Identifier<R>) async throws -> R {
        try await change(acting, id, version: nil, action: .restore, onlyIfChanged: true) { record, _ in record.deletedAt = nil }
    }

    /// Whether two versions of a record differ in anything but their stamps.
    static func differs<R: Encodable>(_ a: R, _ b: R) throws -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(a) != encoder.encode(b)
    }
}
