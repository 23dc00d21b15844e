import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    /// The owned customers of `pool` (customers without a pool row count as the default pool's)
    /// that some rule could recycle or warn about by `now` + warn days: one set-based query whose
    /// NOT EXISTS probes run on the activities and deals customer indexes; the facts are loaded
    /// only for the rows it returns. Locked customers, and closed or dealing ones when the
    /// switches keep them, are left out here already.
    /// The whole pass walks `customers_pool_scan` in id order (forced on SQLite), so the probes
    /// into the activities, deals, orders and pool indexes, all keyed by customer id, move forward
    /// through them instead of seeking at random.
    /// With `owner`, only that user's customers (on the customers owner index), at most `limit`;
    /// with `warnedSince` as well, only those the pass warned the owner about since then (the
    /// agenda re-judges those few instead of every customer the owner has).
    func recycleCandidates(_ pool: Pool, now: Date, owner: UserID? = nil, warnedSince: Date? = nil,
                           limit: Int? = nil, scope: AccessScope = .all) async throws -> [RecycleCandidate] {
        let rules = pool.rules
        guard rules.recycles else { return [] }
        let day: Int64 = 86_400_000
        let horizon = StoredTime.encode(now) + Int64(rules.warnDays) * day
        let owned: SQLQueryString = "COALESCE(p.owned_since, c.created_at)"
        let closed: SQLQueryString = "(c.status = 'won' OR c.has_orders = 1)"
        let openDeal: SQLQueryString = """
            EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id AND d.state = 'open' AND d.deleted_at IS NULL)
            """
        var due: [SQLQueryString] = []
        if let days = rules.noFollowUpDays {
            let limit = horizon - Int64(days) * day
            due.append("""
                (\(owned) <= \(bind: limit) AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.customer_id = c.id
                AND a.occurred_at > \(bind: limit) AND a.deleted_at IS NULL))
                """)
        }
        if let days = rules.noDealDays {
            let limit = horizon - Int64(days) * day
            due.append("""
                (\(owned) <= \(bind: limit) AND NOT EXISTS (SELECT 1 FROM deals d WHERE d.customer_id = c.id
                AND d.created_at > \(bind: limit) AND d.deleted_at IS NULL))
                """)
        }
        if let days = rules.notClosedDays {
            due.append("(\(owned) <= \(bind: horizon - Int64(days) * day) AND NOT \(closed))")
        }
        let poolMatch: SQLQueryString = pool.isDefault
            ? "(p.pool_id IS NULL OR p.pool_id = \(bind: pool.id.description))"
            : "p.pool_id = \(bind: pool.id.description)"
        // Facts the WHERE clause already settles are constants; the MAX probes run only for rules that are on.
        let lastFollowUp: SQLQueryString = rules.noFollowUpDays == nil ? "NULL"
            : "(SELECT MAX(a.occurred_at) FROM activities a WHERE a.customer_id = c.id AND a.deleted_at IS NULL)"
        let lastDeal: SQLQueryString = rules.noDealDays == nil ? "NULL"
            : "(SELECT MAX(d.created_at) FROM deals d WHERE d.customer_id = c.id AND d.deleted_at IS NULL)"
        let closedValue: SQLQueryString = rules.recycleClosed ? "CASE WHEN \(closed) THEN 1 ELSE 0 END" : "0"
        let openValue: SQLQueryString = rules.recycleWithOpenDeals ? "CASE WHEN \(openDeal) THEN 1 ELSE 0 END" : "0"
        let walk: SQLQueryString = owner == nil && kind == .sqlite ? " INDEXED BY customers_pool_scan" : ""
        var sql: SQLQueryString = """
            SELECT c.id, c.name, c.owner_id, \(owned) AS owned_since, \(lastFollowUp) AS last_follow_up,
            \(lastDeal) AS last_deal, \(closedValue) AS closed, \(openValue) AS open_deals
            FROM customers c\(walk) LEFT JOIN customer_pool p ON p.customer_id = c.id
            WHERE c.owner_id IS NOT NULL AND c.deleted_at IS NULL AND p.locked_at IS NULL AND \(poolMatch)
            AND \(Self.scopeClause(scope))
            """
        if let owner {
            sql += " AND c.owner_id = \(bind: owner.description)"
            if let warnedSince {
                sql += """
                     AND c.id IN (SELECT n.customer_id FROM notifications n WHERE n.recipient_id = \(bind: owner.description)
                    AND n.kind = 'poolRecycleWarning' AND n.created_at >= \(bind: StoredTime.encode(warnedSince)))
                    """
            }
        }
        if !rules.recycleClosed { sql += " AND NOT \(closed)" }
        if !rules.recycleWithOpenDeals { sql += " AND NOT \(openDeal)" }
        sql += " AND ("
        for (index, clause) in due.enumerated() {
            if index > 0 { sql += " OR " }
            sql += clause
        }
        sql += ")"
        // No ORDER BY: with a limit the scan stops at the first matches (the caller sorts them).
        if let limit { sql += " LIMIT \(literal: limit)" }
        return try await db.raw(sql).all().map { row in
            RecycleCandidate(
                customerID: try row.id("id"), customerName: try row.text("name"), ownerID: try row.id("owner_id"),
                poolID: pool.id,
                facts: RecycleFacts(ownedSince: try row.date("owned_since"), lastFollowUp: try row.optionalDate("last_follow_up"),
                                    lastDeal: try row.optionalDate("last_deal"), closed: try row.bool("closed"),
                                    hasOpenDeals: try row.bool("open_deals"), locked: false))
        }
    }

    /// Returns recycled customers to their pools, set-based: the rows go into a temporary table,
    /// then one statement each clears the owners (only where `ownerID` still owns the customer),
    /// writes the pool rows, the `recycled` events, the audit lines and the notices to the
    /// previous owners. Returns the customers that were recycled (one reassigned meanwhile is skipped).
    func recycle(_ rows: [RecycleRow], at: Date) async throws -> Set<CustomerID> {
        guard !rows.isEmpty else { return [] }
        let now = StoredTime.encode(at)
        if kind == .postgres {
            try await db.raw("""
                CREATE TEMP TABLE pool_recycle_batch (customer_id TEXT PRIMARY KEY, owner_id TEXT NOT NULL,
                pool_id TEXT NOT NULL, reason TEXT NOT NULL, event_id TEXT NOT NULL, audit_id TEXT NOT NULL,
                notice_id TEXT NOT NULL, payload TEXT NOT NULL) ON COMMIT DROP
                """).run()
        } else {
            try await db.raw("""
                CREATE TEMP TABLE IF NOT EXISTS pool_recycle_batch (customer_id TEXT PRIMARY KEY, owner_id TEXT NOT NULL,
                pool_id TEXT NOT NULL, reason TEXT NOT NULL, event_id TEXT NOT NULL, audit_id TEXT NOT NULL,
                notice_id TEXT NOT NULL, payload TEXT NOT NULL)
                """).run()
            try await db.raw("DELETE FROM pool_recycle_batch").run()
        }
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + 500)]
            start += 500
            var insert: SQLQueryString = """
                INSERT INTO pool_recycle_batch (customer_id, owner_id, pool_id, reason, event_id, audit_id, notice_id, payload) VALUES
                """
            for (index, r) in chunk.enumerated() {
                insert += "\(unsafeRaw: index > 0 ? ", " : " ")(\(bind: r.item.customerID.description), \(bind: r.item.ownerID.description), "
                insert += "\(bind: r.item.poolID.description), \(bind: r.item.reason.rawValue), \(bind: r.eventID.description), "
                insert += "\(bind: r.auditID.uuidString.lowercased()), \(bind: r.noticeID.description), "
                insert += "\(bind: StoredJSON.encode(strings: [("customerName", r.item.customerName), ("reason", r.item.reason.rawValue)])))"
            }
            insert += " ON CONFLICT (customer_id) DO NOTHING"
            try await db.raw(insert).run()
        }
        try await keepingTallies(.subquery("SELECT customer_id FROM pool_recycle_batch")) {
            try await db.raw("""
                UPDATE customers SET owner_id = NULL, team_id = NULL, version = version + 1, updated_at = \(bind: now)
                WHERE id IN (SELECT customer_id FROM pool_recycle_batch) AND deleted_at IS NULL
                AND owner_id = (SELECT b.owner_id FROM pool_recycle_batch b WHERE b.customer_id = customers.id)
                """).run()
        }
        try await db.raw("""
            DELETE FROM pool_recycle_batch WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = pool_recycle_batch.customer_id
            AND c.owner_id IS NULL AND c.updated_at = \(bind: now))
            """).run()
        try await db.raw("""
            INSERT INTO customer_pool (customer_id, pool_id, entered_at, owned_since, locked_at, locked_by,
            previous_owner_id, left_owner_at, reason)
            SELECT customer_id, pool_id, \(bind: now), NULL, NULL, NULL, owner_id, \(bind: now), reason FROM pool_recycle_batch WHERE 1 = 1
            ON CONFLICT (customer_id) DO UPDATE SET pool_id = excluded.pool_id, entered_at = excluded.entered_at,
            owned_since = NULL, locked_at = NULL, locked_by = NULL, previous_owner_id = excluded.previous_owner_id,
            left_owner_at = excluded.left_owner_at, reason = excluded.reason
            """).run()
        try await db.raw("""
            INSERT INTO pool_events (id, customer_id, pool_id, kind, actor_id, owner_id, previous_owner_id, reason, at)
            SELECT event_id, customer_id, pool_id, 'recycled', NULL, NULL, owner_id, reason, \(bind: now) FROM pool_recycle_batch
            """).run()
        try await db.raw("""
            INSERT INTO audit_log (id, at, actor_id, entity, entity_id, action, before_json, after_json)
            SELECT audit_id, \(bind: now), NULL, 'customer', customer_id, 'reassign', '{"ownerID":"' || owner_id || '"}',
            '{"ownerID":"","pool":"' || pool_id || '","reason":"' || reason || '"}' FROM pool_recycle_batch
            """).run()
        // The notice's subject is the customer and the version the recycle gave it: one notice per
        // recycling, however many passes tried it, and a later recycling (after a new claim) tells again.
        try await db.raw("""
            INSERT INTO notifications (id, recipient_id, kind, subject_id, customer_id, payload, created_at, read_at)
            SELECT b.notice_id, b.owner_id, 'poolRecycled', b.customer_id || '/v' || CAST(c.version AS TEXT), b.customer_id,
            b.payload, \(bind: now), NULL FROM pool_recycle_batch b JOIN customers c ON c.id = b.customer_id
            WHERE 1 = 1 ON CONFLICT (recipient_id, kind, subject_id) DO NOTHING
            """).run()
        var done: Set<CustomerID> = []
        for row in try await db.raw("SELECT customer_id FROM pool_recycle_batch").all() { done.insert(try row.id("customer_id")) }
        return done
    }
}

/// One customer for `StoreSession.recycle`: what is recycled and the ids of its event, audit line and notice.
public struct RecycleRow: Sendable {
    public var item: RecycleItem
    public var eventID: PoolEventID
    public var auditID: UUID
    public var noticeID: NoticeID

    public init(item: RecycleItem, eventID: PoolEventID, auditID: UUID, noticeID: NoticeID) {
        self.item = item; self.eventID = eventID; self.auditID = auditID; self.noticeID = noticeID
    }
}

extension SystemSession {
    /// The owned customers of `pool` that a rule could recycle or warn about by `now` (the recycle pass).
    public func recycleCandidates(_ pool: Pool, now: Date) async throws -> [RecycleCandidate] {
        try await raw.recycleCandidates(pool, now: now)
    }

    /// Returns recycled customers to their pools, set-based; returns those recycled.
    public func recycle(_ rows: [RecycleRow], at: Date) async throws -> Set<CustomerID> {
        try await raw.recycle(rows, at: at)
    }
}

extension ScopedSession {
    /// One owner's customers inside the scope that the pass warned about since `warnedSince`, judged again
    /// (the agenda's "returning to the pool" section).
    public func recycleWarnings(_ pool: Pool, now: Date, owner: UserID, warnedSince: Date,
                                limit: Int) async throws -> [RecycleCandidate] {
        try await raw.recycleCandidates(pool, now: now, owner: owner, warnedSince: warnedSince, limit: limit, scope: scope)
    }
}
