import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    /// The owned customers of `pool` (customers without a pool row count as the default pool's)
    /// that some rule could recycle or warn about by `now` + warn days: one set-based query whose
    /// NOT EXISTS probes run on the activities and deals customer indexes; the facts are loaded
    /// only for the rows it returns. Locked customers, and closed or dealing ones when the
    /// switches keep them, are left out here already.
    /// With `owner`, only that user's customers (on the customers owner index), at most `limit`.
    public func recycleCandidates(_ pool: Pool, now: Date, owner: UserID? = nil,
                                  limit: Int? = nil) async throws -> [RecycleCandidate] {
        let rules = pool.rules
        guard rules.recycles else { return [] }
        let day: Int64 = 86_400_000
        let horizon = StoredTime.encode(now) + Int64(rules.warnDays) * day
        let owned: SQLQueryString = "COALESCE(p.owned_since, c.created_at)"
        let closed: SQLQueryString = """
            (c.status = 'won' OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status <> 'cancelled'
            AND o.deleted_at IS NULL))
            """
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
        var sql: SQLQueryString = """
            SELECT c.id, c.name, c.owner_id, \(owned) AS owned_since, \(lastFollowUp) AS last_follow_up,
            \(lastDeal) AS last_deal, \(closedValue) AS closed, \(openValue) AS open_deals
            FROM customers c LEFT JOIN customer_pool p ON p.customer_id = c.id
            WHERE c.owner_id IS NOT NULL AND c.deleted_at IS NULL AND p.locked_at IS NULL AND \(poolMatch)
            """
        if let owner { sql += " AND c.owner_id = \(bind: owner.description)" }
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

    /// Returns recycled customers to their pools, in chunks: clears the owner where it is still
    /// `item.ownerID`, then writes the pool rows and events for the ones it cleared. Returns the
    /// items that were recycled (a customer reassigned meanwhile is skipped). `eventIDs` names
    /// each customer's `recycled` event.
    public func recycle(_ items: [RecycleItem], eventIDs: [CustomerID: PoolEventID], at: Date) async throws -> [RecycleItem] {
        var done: [RecycleItem] = []
        let now = StoredTime.encode(at)
        var start = 0
        while start < items.count {
            let chunk = Array(items[start..<min(items.count, start + 300)])
            start += 300
            var cleared: SQLQueryString = "UPDATE customers SET owner_id = NULL, team_id = NULL, version = version + 1, "
            cleared += "updated_at = \(bind: now) WHERE deleted_at IS NULL AND ("
            for (index, item) in chunk.enumerated() {
                if index > 0 { cleared += " OR " }
                cleared += "(id = \(bind: item.customerID.description) AND owner_id = \(bind: item.ownerID.description))"
            }
            cleared += ") RETURNING id"
            let won = Set(try await db.raw(cleared).all().map { try $0.text("id") })
            let taken = chunk.filter { won.contains($0.customerID.description) }
            guard !taken.isEmpty else { continue }
            var rows: SQLQueryString = """
                INSERT INTO customer_pool (customer_id, pool_id, entered_at, owned_since, locked_at, locked_by,
                previous_owner_id, left_owner_at, reason) VALUES
                """
            var events: SQLQueryString = """
                INSERT INTO pool_events (id, customer_id, pool_id, kind, actor_id, owner_id, previous_owner_id, reason, at) VALUES
                """
            for (index, item) in taken.enumerated() {
                let separator = index > 0 ? ", " : " "
                rows += "\(unsafeRaw: separator)(\(bind: item.customerID.description), \(bind: item.poolID.description), \(bind: now), "
                rows += "NULL, NULL, NULL, \(bind: item.ownerID.description), \(bind: now), \(bind: item.reason.rawValue))"
                let eventID = eventIDs[item.customerID] ?? PoolEventID(UUID())
                events += "\(unsafeRaw: separator)(\(bind: eventID.description), "
                events += "\(bind: item.customerID.description), \(bind: item.poolID.description), 'recycled', NULL, NULL, "
                events += "\(bind: item.ownerID.description), \(bind: item.reason.rawValue), \(bind: now))"
            }
            rows += """
                 ON CONFLICT (customer_id) DO UPDATE SET pool_id = excluded.pool_id, entered_at = excluded.entered_at,
                owned_since = NULL, locked_at = NULL, locked_by = NULL, previous_owner_id = excluded.previous_owner_id,
                left_owner_at = excluded.left_owner_at, reason = excluded.reason
                """
            try await db.raw(rows).run()
            try await db.raw(events).run()
            done += taken
        }
        return done
    }
}
