import Foundation
import RapportCore
import RapportStore

/// The pools (公海): admin-kept with their rules; their customers listed to everyone and claimed within the caps.
public struct Pools: Sendable {
    let deps: Dependencies

    /// The live pools (everyone signed in may list them; the default pool comes first).
    public func list(_ acting: Acting) async throws -> [Pool] {
        try await deps.read(acting) { try await $0.catalog.pools() }
    }

    public func get(_ acting: Acting, _ id: PoolID) async throws -> Pool {
        guard let found = try await deps.read(acting, { try await $0.catalog.pool(id) }) else { throw AppError.notFound(entity: .pool) }
        return found
    }

    /// Creates a pool (admins). It starts with the default rules unless the draft sets them.
    public func create(_ acting: Acting, _ draft: PoolDraft) async throws -> Pool {
        try acting.requireAdmin()
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let now = deps.env.now()
        var pool = Pool(id: deps.env.newID(), name: "", createdAt: now, updatedAt: now)
        draft.apply(to: &pool)
        try await checkPoolTeam(acting, pool)
        let entry = try deps.audit(acting.id, .pool, pool.id.description, .create, before: nil as Pool?, after: pool)
        let saved = pool
        try await deps.write(acting) { session in
            try await session.catalog.insertPool(saved)
            try await session.catalog.appendAudit(entry)
        }
        return pool
    }

    /// Changes a pool's name or rules (admins). `version` must be the one they read.
    public func update(_ acting: Acting, _ id: PoolID, _ draft: PoolDraft, version: Int) async throws -> Pool {
        try acting.requireAdmin()
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        let before = try await get(acting, id)
        var after = before
        draft.apply(to: &after)
        try await checkPoolTeam(acting, after)
        after.updatedAt = deps.env.now()
        after.version = before.version + 1
        let entry = try deps.audit(acting.id, .pool, id.description, .update, before: before, after: after)
        let saved = after
        try await deps.write(acting, entity: .pool) { session in
            try await session.catalog.updatePool(saved, expectedVersion: version)
            try await session.catalog.appendAudit(entry)
        }
        return after
    }

    /// Deletes an empty pool (admins); the default pool cannot be deleted. Owned customers that
    /// belonged to it fall under the default pool's rules.
    public func delete(_ acting: Acting, _ id: PoolID) async throws {
        try acting.requireAdmin()
        let before = try await get(acting, id)
        if before.isDefault { throw AppError.invalid([FieldError("pool", .poolDefault)]) }
        let entry = try deps.audit(acting.id, .pool, id.description, .delete, before: before, after: nil as Pool?)
        let now = deps.env.now()
        try await deps.write(acting) { session in
            let members = try await session.catalog.poolMemberCount(id)
            if members > 0 { throw AppError.invalid([FieldError("pool", .poolNotEmpty, detail: String(members))]) }
            try await session.catalog.deletePool(id, at: now)
            try await session.catalog.appendAudit(entry)
        }
    }

    private func checkPoolTeam(_ acting: Acting, _ pool: Pool) async throws {
        guard let team = pool.teamID else { return }
        guard try await deps.read(acting, { try await $0.catalog.team(team) }) != nil else {
            throw AppError.invalid([FieldError("teamID", .unknown)])
        }
    }
}
