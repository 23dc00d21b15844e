import Foundation
import RapportCore
import RapportStore

/// The same one path for the shared catalogue (teams, users, field definitions, stages, pools,
/// products): read inside the transaction, refuse a stale version, change, stamp, save, audit.
/// The caller has already checked that the acting user may change the catalogue.
extension Dependencies {
    func changeCatalog<R: CatalogRecord>(_ acting: Acting?, _ id: Identifier<R>, version: Int?, action: AuditAction,
                                         onlyIfChanged: Bool = false,
                                         _ change: @escaping @Sendable (inout R, CatalogSession) async throws -> Void) async throws -> R {
        let now = env.now()
        let deps = self
        let body: @Sendable (CatalogSession) async throws -> R = { catalog in
            guard let before = try await R.find(id, in: catalog) else { throw StoreError.notFound }
            if let version, version != before.version { throw StoreError.versionConflict(current: before.version) }
            var after = before
            try await change(&after, catalog)
            if onlyIfChanged, try !Self.differs(before, after) { return before }
            after.updatedAt = now
            after.version = before.version + 1
            try await R.save(after, expectedVersion: before.version, in: catalog)
            try await catalog.appendAudit(try deps.audit(acting?.id, R.recordKind, before.recordID, action, before: before, after: after))
            return after
        }
        if let acting {
            return try await write(acting, entity: R.recordKind) { try await body($0.catalog) }
        }
        return try await mapped(R.recordKind) { try await store.systemWrite(.command("catalog")) { try await body($0.catalog) } }
    }
}
