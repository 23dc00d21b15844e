import Foundation
import RapportCore
import SQLKit

extension CatalogSession {
    /// The id of the default pool seeded by the migration.
    public static var defaultPoolID: PoolID {
        PoolID(Migrations.defaultPoolID) ?? PoolID(UUID())
    }

    static let poolColumns = """
        id, name, team_id, is_default, daily_claim_cap, holding_cap, count_closed, no_follow_up_days, no_deal_days,
        not_closed_days, recycle_closed, recycle_with_open_deals, warn_days, cooloff_days, lock_cap, created_at,
        updated_at, version
        """

    static func decodePool(_ row: any SQLRow) throws -> Pool {
        let rules = PoolRules(
            dailyClaimCap: try row.int("daily_claim_cap"), holdingCap: try row.int("holding_cap"),
            countClosed: try row.bool("count_closed"), noFollowUpDays: try row.optionalInt("no_follow_up_days"),
            noDealDays: try row.optionalInt("no_deal_days"), notClosedDays: try row.optionalInt("not_closed_days"),
            recycleClosed: try row.bool("recycle_closed"), recycleWithOpenDeals: try row.bool("recycle_with_open_deals"),
            warnDays: try row.int("warn_days"), cooloffDays: try row.int("cooloff_days"), lockCap: try row.int("lock_cap"))
        return Pool(id: try row.id("id"), name: try row.text("name"), teamID: try row.optionalID("team_id"),
                    isDefault: try row.bool("is_default"), rules: rules, createdAt: try row.date("created_at"),
                    updatedAt: try row.date("updated_at"), version: try row.int("version"))
    }

    /// The live pools, the default one first, then by name.
    public func pools() async throws -> [Pool] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.poolColumns) FROM pools WHERE deleted_at IS NULL ORDER BY is_default DESC, name, id
            """).all().map(Self.decodePool)
    }

    public func pool(_ id: PoolID) async throws -> Pool? {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.poolColumns) FROM pools WHERE id = \(bind: id.description) AND deleted_at IS NULL
            """).first().map(Self.decodePool)
    }

    /// The default pool (seeded by the migration; it cannot be deleted).
    public func defaultPool() async throws -> Pool {
        let row = try await db.raw("""
            SELECT \(unsafeRaw: Self.poolColumns) FROM pools WHERE is_default = 1 AND deleted_at IS NULL ORDER BY created_at LIMIT 1
            """).first()
        guard let row else { throw StoreError.notFound }
        return try Self.decodePool(row)
    }

    /// The rules of a pool, or the default pool's when it is gone.
    public func poolRules(_ id: PoolID) async throws -> PoolRules {
        if let pool = try await pool(id) { return pool.rules }
        return try await defaultPool().rules
    }

    public func insertPool(_ p: Pool) async throws {
        let r = p.rules
        try await db.raw("""
            INSERT INTO pools (\(unsafeRaw: Self.poolColumns), deleted_at) VALUES (
            \(bind: p.id.description), \(bind: p.name), \(bind: p.teamID?.description), \(bind: Int64(p.isDefault ? 1 : 0)),
            \(bind: Int64(r.dailyClaimCap)), \(bind: Int64(r.holdingCap)), \(bind: Int64(r.countClosed ? 1 : 0)),
            \(bind: r.noFollowUpDays.map { Int64($0) }), \(bind: r.noDealDays.map { Int64($0) }),
            \(bind: r.notClosedDays.map { Int64($0) }), \(bind: Int64(r.recycleClosed ? 1 : 0)),
            \(bind: Int64(r.recycleWithOpenDeals ? 1 : 0)), \(bind: Int64(r.warnDays)), \(bind: Int64(r.cooloffDays)),
            \(bind: Int64(r.lockCap)), \(bind: StoredTime.encode(p.createdAt)), \(bind: StoredTime.encode(p.updatedAt)),
            \(bind: Int64(p.version)), NULL)
            """).run()
    }

    public func updatePool(_ p: Pool, expectedVersion: Int) async throws {
        let r = p.rules
        let rows = try await db.raw("""
            UPDATE pools SET name = \(bind: p.name), team_id = \(bind: p.teamID?.description),
            daily_claim_cap = \(bind: Int64(r.dailyClaimCap)), holding_cap = \(bind: Int64(r.holdingCap)),
            count_closed = \(bind: Int64(r.countClosed ? 1 : 0)), no_follow_up_days = \(bind: r.noFollowUpDays.map { Int64($0) }),
            no_deal_days = \(bind: r.noDealDays.map { Int64($0) }), not_closed_days = \(bind: r.notClosedDays.map { Int64($0) }),
            recycle_closed = \(bind: Int64(r.recycleClosed ? 1 : 0)),
            recycle_with_open_deals = \(bind: Int64(r.recycleWithOpenDeals ? 1 : 0)), warn_days = \(bind: Int64(r.warnDays)),
            cooloff_days = \(bind: Int64(r.cooloffDays)), lock_cap = \(bind: Int64(r.lockCap)),
            updated_at = \(bind: StoredTime.encode(p.updatedAt)), version = \(bind: Int64(p.version))
            WHERE id = \(bind: p.id.description) AND version = \(bind: Int64(expectedVersion)) AND deleted_at IS NULL
            RETURNING id
            """).all()
        if rows.isEmpty { try await raw.versionFailure(table: "pools", id: p.id.description) }
    }

    /// Soft-deletes a pool and moves the owned customers that belonged to it to the default pool.
    public func deletePool(_ id: PoolID, at: Date) async throws {
        try await db.raw("""
            UPDATE customer_pool SET pool_id = \(bind: Migrations.defaultPoolID) WHERE pool_id = \(bind: id.description)
            """).run()
        try await db.raw("""
            UPDATE pools SET deleted_at = \(bind: StoredTime.encode(at)), updated_at = \(bind: StoredTime.encode(at)),
            version = version + 1 WHERE id = \(bind: id.description) AND is_default = 0
            """).run()
    }

    /// How many customers are in the pool now (unowned members).
    public func poolMemberCount(_ id: PoolID) async throws -> Int {
        let row = try await db.raw("""
            SELECT COUNT(*) AS n FROM customer_pool WHERE pool_id = \(bind: id.description) AND entered_at IS NOT NULL
            """).first()
        return try row?.int("n") ?? 0
    }
}
