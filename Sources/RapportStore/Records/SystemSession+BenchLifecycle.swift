import Foundation
import RapportCore
import SQLKit

extension SystemSession {
    /// Fills the lifecycle tables for `rapport bench` on SQLite, from the customers already there:
    /// a 20-product catalogue, `ordersPerCustomer` orders for every customer (one line each,
    /// dates spread over the last five years, every 40th cancelled), one deal for every third
    /// customer (open ones spread over the seeded stages, the rest won or lost), and the public
    /// pool: every `unownedEvery`-th customer not owned by the measured rep loses its owner and
    /// enters the default pool; every other customer gets a pool row with its owned-since time.
    public func rawBenchLifecycle(today: CalendarDate, ordersPerCustomer: Int, unownedEvery: Int,
                                  measured: UserID, orderStatus: String, cancelledStatus: String) async throws {
        let uuid = "lower(substr(h,1,8)||'-'||substr(h,9,4)||'-4'||substr(h,14,3)||'-a'||substr(h,18,3)||'-'||substr(h,21,12))"
        let now = StoredTime.encode(Date())
        let base = Int64(today.dayNumber)
        try await db.raw("""
            INSERT INTO product_categories (id, name, position, created_at, updated_at, deleted_at, version)
            VALUES ('00000000-0000-4000-8000-0000000bc001', '软件', 1, \(bind: now), \(bind: now), NULL, 1),
            ('00000000-0000-4000-8000-0000000bc002', '服务', 2, \(bind: now), \(bind: now), NULL, 1)
            """).run()
        for n in 0..<20 {
            try await db.raw("""
                INSERT INTO products (id, category_id, code, name, unit, price, cost, currency, term_months, active, description,
                created_at, updated_at, deleted_at, version)
                VALUES (\(bind: String(format: "00000000-0000-4000-8000-0000000bd%03d", n)),
                \(bind: n % 2 == 0 ? "00000000-0000-4000-8000-0000000bc001" : "00000000-0000-4000-8000-0000000bc002"),
                \(bind: "P\(100 + n)"), \(bind: "产品 \(n + 1)"), '套', \(bind: Int64(100_000 + n * 5_000)),
                \(bind: Int64(60_000 + n * 2_000)), 'CNY', \(bind: n % 4 == 0 ? Int64?(12) : nil), 1, '', \(bind: now), \(bind: now), NULL, 1)
                """).run()
        }
        for n in 0..<ordersPerCustomer {
            // Order n of every customer: a day within the last five years, spaced so repeat orders exist.
            try await db.raw("""
                INSERT INTO orders (id, number, customer_id, rep_id, deal_id, ordered_on, status, currency, revenue, cost, note,
                created_by, created_at, updated_at, deleted_at, version)
                SELECT \(unsafeRaw: uuid), 'B' || rowid || '-' || \(bind: Int64(n)), id, owner_id, NULL,
                date((\(bind: base) - (rowid * 7 + \(bind: Int64(n)) * 173) % 1825) * 86400, 'unixepoch'),
                CASE WHEN (rowid + \(bind: Int64(n))) % 40 = 0 THEN \(bind: cancelledStatus) ELSE \(bind: orderStatus) END,
                'CNY', 100000 + (rowid % 50) * 1000, 60000 + (rowid % 30) * 1000, '', NULL, \(bind: now), \(bind: now), NULL, 1
                FROM (SELECT id, rowid, owner_id, hex(randomblob(16)) AS h FROM customers)
                """).run()
        }
        try await db.raw("""
            UPDATE customers SET has_orders = 1 WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id
            AND o.status <> 'cancelled' AND o.deleted_at IS NULL)
            """).run()
        try await db.raw("""
            INSERT INTO order_lines (order_id, line_no, product_id, description, quantity, unit_price, unit_cost, amount, cost_amount)
            SELECT id, 1, printf('00000000-0000-4000-8000-0000000bd%03d', rowid % 20), '产品', 1, revenue, cost, revenue, cost
            FROM orders
            """).run()
        try await db.raw("""
            INSERT INTO deals (id, customer_id, title, owner_id, team_id, stage_id, state, amount, currency, expected_close_on,
            next_step, close_reason, closed_on, order_id, stage_changed_at, created_at, updated_at, deleted_at, version)
            SELECT \(unsafeRaw: uuid), id, '年度采购', owner_id, team_id,
            '00000000-0000-4000-8000-00000000d00' || (rowid % 5 + 1),
            CASE WHEN rowid % 9 < 6 THEN 'open' WHEN rowid % 9 < 8 THEN 'won' ELSE 'lost' END,
            50000 + (rowid % 100) * 1000, 'CNY', date((\(bind: base) + rowid % 90) * 86400, 'unixepoch'), '发送报价',
            CASE WHEN rowid % 9 < 6 THEN '' ELSE '价格' END,
            CASE WHEN rowid % 9 < 6 THEN NULL ELSE date((\(bind: base) - rowid % 300) * 86400, 'unixepoch') END, NULL,
            \(bind: now) - (rowid % 400) * 86400000, \(bind: now) - (rowid % 400) * 86400000,
            \(bind: now) - (rowid % 97) * 3600000, NULL, 1
            FROM (SELECT id, rowid, owner_id, team_id, hex(randomblob(16)) AS h FROM customers
                  WHERE owner_id IS NOT NULL AND rowid % 3 = 0)
            """).run()
        let unowned = Int64(max(1, unownedEvery))
        try await db.raw("""
            UPDATE customers SET owner_id = NULL, team_id = NULL
            WHERE rowid % \(bind: unowned) = 0 AND (owner_id IS NULL OR owner_id <> \(bind: measured.description))
            """).run()
        try await db.raw("DELETE FROM deals WHERE customer_id IN (SELECT id FROM customers WHERE owner_id IS NULL)").run()
        try await db.raw("""
            INSERT INTO customer_pool (customer_id, pool_id, entered_at, owned_since, locked_at, locked_by, previous_owner_id,
            left_owner_at, reason)
            SELECT id, \(bind: Migrations.defaultPoolID),
            CASE WHEN owner_id IS NULL THEN \(bind: now) - (rowid % 1000) * 60000 ELSE NULL END,
            CASE WHEN owner_id IS NULL THEN NULL ELSE \(bind: now) - (rowid % 500) * 86400000 END,
            NULL, NULL, NULL, NULL, CASE WHEN owner_id IS NULL THEN 'created' ELSE 'claimed' END
            FROM customers WHERE deleted_at IS NULL
            ON CONFLICT (customer_id) DO NOTHING
            """).run()
        try await raw.rebuildStageTallies()
    }

    /// Gives the default pool recycle rules, so that a recycle pass has work to judge: no
    /// follow-up for `noFollowUpDays`, no deal for `noDealDays`; customers with open deals are
    /// kept; closed customers are judged too (every bench customer has orders), so the pass
    /// judges every owned customer — the heaviest case.
    public func benchPoolRules(noFollowUpDays: Int, noDealDays: Int, warnDays: Int) async throws {
        try await db.raw("""
            UPDATE pools SET no_follow_up_days = \(bind: Int64(noFollowUpDays)), no_deal_days = \(bind: Int64(noDealDays)),
            warn_days = \(bind: Int64(warnDays)), recycle_closed = 1, recycle_with_open_deals = 0
            WHERE id = \(bind: Migrations.defaultPoolID)
            """).run()
    }

    /// Whether the bench lifecycle data is already there.
    public func benchHasLifecycle() async throws -> Bool {
        try await db.raw("SELECT 1 AS one FROM orders LIMIT 1").first() != nil
    }
}

extension SystemSession {
    /// Row counts of the bench lifecycle data, for the report.
    public func benchLifecycleCounts() async throws -> (orders: Int, deals: Int, pooled: Int) {
        let row = try await db.raw("""
            SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM deals) AS deals,
            (SELECT COUNT(*) FROM customer_pool WHERE entered_at IS NOT NULL) AS pooled
            """).first()
        guard let row else { return (0, 0, 0) }
        return (try row.int("orders"), try row.int("deals"), try row.int("pooled"))
    }
}
