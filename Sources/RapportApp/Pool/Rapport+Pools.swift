import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// The live pools (everyone signed in may list them; the default pool comes first).
    public func pools(_ acting: Acting) async throws -> [Pool] {
        try await store.read { try await $0.pools() }
    }

    public func pool(_ acting: Acting, _ id: PoolID) async throws -> Pool {
        guard let found = try await store.read({ try await $0.pool(id) }) else { throw AppError.notFound(entity: "pool") }
        return found
    }

    /// Creates a pool (admins). It starts with the default rules unless the draft sets them.
    public func createPool(_ acting: Acting, _ draft: PoolDraft) async throws -> Pool {
        try acting.requireAdmin()
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let now = env.now()
        var pool = Pool(id: env.newID(), name: "", createdAt: now, updatedAt: now)
        draft.apply(to: &pool)
        try await checkPoolTeam(pool)
        let entry = try audit(acting.id, "pool", pool.id.description, .create, before: nil as Pool?, after: pool)
        let saved = pool
        try await store.write { session in
            try await session.insertPool(saved)
            try await session.appendAudit(entry)
        }
        return pool
    }

    /// Changes a pool's name or rules (admins). `version` must be the one they read.
    public func updatePool(_ acting: Acting, _ id: PoolID, _ draft: PoolDraft, version: Int) async throws -> Pool {
        try acting.requireAdmin()
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        let before = try await pool(acting, id)
        var after = before
        draft.apply(to: &after)
        try await checkPoolTeam(after)
        after.updatedAt = env.now()
        after.version = before.version + 1
        let entry = try audit(acting.id, "pool", id.description, .update, before: before, after: after)
        let saved = after
        try await mapped("pool") {
            try await store.write { session in
                try await session.updatePool(saved, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    /// Deletes an empty pool (admins); the default pool cannot be deleted. Owned customers that
    /// belonged to it fall under the default pool's rules.
    public func deletePool(_ acting: Acting, _ id: PoolID) async throws {
        try acting.requireAdmin()
        let before = try await pool(acting, id)
        if before.isDefault { throw AppError.invalid([FieldError("pool", "poolDefault")]) }
        let entry = try audit(acting.id, "pool", id.description, .delete, before: before, after: nil as Pool?)
        let now = env.now()
        try await store.write { session in
            let members = try await session.poolMemberCount(id)
            if members > 0 { throw AppError.invalid([FieldError("pool", "poolNotEmpty", detail: String(members))]) }
            try await session.deletePool(id, at: now)
            try await session.appendAudit(entry)
        }
    }

    private func checkPoolTeam(_ pool: Pool) async throws {
        guard let team = pool.teamID else { return }
        guard try await store.read({ try await $0.team(team) }) != nil else {
            throw AppError.invalid([FieldError("teamID", "unknown")])
        }
    }
}
