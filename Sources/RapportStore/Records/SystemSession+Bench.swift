import Foundation
import RapportCore
import SQLKit

/// Bulk writers used only by `rapport bench` on SQLite: the raw-insert baseline and filling a
/// large dataset fast. They bypass validation, audit and the search index on purpose.
extension SystemSession {
    /// Inserts bench rows (name, kind, industry, region, source, tags, status, phone, email, needs)
    /// straight into `customers`, one prepared statement per row, in the caller's transaction.
    public func rawBenchInsert(rows: [[String]]) async throws {
        let now = StoredTime.encode(Date())
        for row in rows where row.count >= 10 {
            try await db.raw("""
                INSERT INTO customers (id, name, name_key, kind, size, industry, region, source, owner_id, team_id, tags,
                status, phone, phone_key, email, email_key, registration_number, registration_key, website, address,
                profile, custom, search_text, created_at, updated_at, deleted_at, version) VALUES (
                \(bind: UUID().uuidString.lowercased()), \(bind: row[0]), \(bind: row[0]), 'enterprise', NULL, \(bind: row[2]),
                \(bind: row[3]), \(bind: row[4]), NULL, NULL, \(bind: "|" + row[5] + "|"), 'potential', \(bind: row[7]),
                \(bind: row[7]), \(bind: row[8]), \(bind: row[8]), '', '', '', '', \(bind: "{\"needs\":\"\(row[9])\"}"), '{}', '',
                \(bind: now), \(bind: now), NULL, 1)
                """).run()
        }
    }

    /// Gives the first `first` customers (by rowid) to `measured` and the rest round-robin to the others.
    public func rawBenchDistribute(reps: [UserID], measured: UserID, first: Int) async throws {
        let others = reps.filter { $0 != measured }
        try await db.raw("CREATE TEMP TABLE bench_reps (idx INTEGER PRIMARY KEY, id TEXT NOT NULL)").run()
        for (index, id) in others.enumerated() {
            try await db.raw("INSERT INTO bench_reps (idx, id) VALUES (\(bind: Int64(index)), \(bind: id.description))").run()
        }
        try await db.raw("""
            UPDATE customers SET owner_id = CASE WHEN rowid <= \(bind: Int64(first)) THEN \(bind: measured.description)
            ELSE (SELECT id FROM bench_reps WHERE idx = customers.rowid % \(bind: Int64(max(1, others.count)))) END,
            team_id = (SELECT team_id FROM users WHERE id = \(bind: measured.description))
            """).run()
        try await db.raw("DROP TABLE bench_reps").run()
        try await raw.rebuildStageTallies()
    }

    /// Adds `contacts` key persons and `activities` activities to every customer.
    public func rawBenchChildren(contacts: Int, activities: Int, users: [UserID]) async throws {
        let uuid = "lower(substr(h,1,8)||'-'||substr(h,9,4)||'-4'||substr(h,14,3)||'-a'||substr(h,18,3)||'-'||substr(h,21,12))"
        let now = StoredTime.encode(Date())
        for n in 0..<contacts {
            try await db.raw("""
                INSERT INTO contacts (id, customer_id, name, name_key, department, title, phone, phone_key, fax, email, email_key,
                wechat, qq, interests, supplier_expectations, pain_points, influence, involvement, relationship_with_us,
                relationship_with_competitors, relationship_owner_id, is_coach, reports_to_id, custom, created_at, updated_at,
                deleted_at, version)
                SELECT \(unsafeRaw: uuid), id, '联系人' || rowid || '-' || \(bind: Int64(n)), '', '采购部', '采购经理',
                '139' || substr('00000000' || rowid, -8, 8), '', '', '', '', '', '', '', '', '', 'medium', 3, '', '', NULL, 0, NULL,
                '{}', \(bind: now), \(bind: now), NULL, 1 FROM (SELECT id, rowid, hex(randomblob(16)) AS h FROM customers)
                """).run()
        }
        for n in 0..<activities {
            try await db.raw("""
                INSERT INTO activities (id, customer_id, contact_id, user_id, channel, purpose, outcome, occurred_at, custom,
                created_at, updated_at, deleted_at, version)
                SELECT \(unsafeRaw: uuid), id, NULL, owner_id, 'phone', '回访', '客户反馈良好',
                \(bind: now) - (rowid % 1000) * 3600000 - \(bind: Int64(n)) * 86400000, '{}', \(bind: now), \(bind: now), NULL, 1
                FROM (SELECT id, rowid, owner_id, hex(randomblob(16)) AS h FROM customers WHERE owner_id IS NOT NULL)
                """).run()
        }
        try await raw.backfillLastTouch(now: Date())
    }
}
