import Foundation
import RapportCore
import SQLKit

extension SystemSession {
    /// Fills the relationship tables for `rapport bench` on SQLite: one promise per customer (due
    /// dates spread 30 days either side of today, so about half are overdue), one birthday per
    /// customer's first key person (every tenth on the lunar calendar), personalities for every key
    /// person, and `planned` calls later today for the measured rep.
    public func rawBenchRelationships(today: CalendarDate, measured: UserID, planned: Int) async throws {
        let uuid = "lower(substr(h,1,8)||'-'||substr(h,9,4)||'-4'||substr(h,14,3)||'-a'||substr(h,18,3)||'-'||substr(h,21,12))"
        let now = StoredTime.encode(Date())
        let base = Int64(today.dayNumber)
        try await db.raw("""
            INSERT INTO commitments (id, customer_id, contact_id, owner_id, title, details, due_on, state, evidence, created_by,
            created_at, updated_at, closed_at, escalated_at, deleted_at, version)
            SELECT \(unsafeRaw: uuid), id, NULL, owner_id, '寄送样品和报价单', '', date((\(bind: base) + rowid % 60 - 30) * 86400, 'unixepoch'),
            CASE WHEN rowid % 5 = 0 THEN 'done' ELSE 'open' END, '', owner_id, \(bind: now), \(bind: now), NULL, NULL, NULL, 1
            FROM (SELECT id, rowid, owner_id, hex(randomblob(16)) AS h FROM customers WHERE owner_id IS NOT NULL)
            """).run()
        try await db.raw("""
            INSERT INTO personalities (subject_id, customer_id, contact_id, temperament, suggested, answers, confirmed_by,
            confirmed_at, buyer_type, online_type, updated_at, version)
            SELECT id, customer_id, id,
            CASE rowid % 4 WHEN 0 THEN 'powerful' WHEN 1 THEN 'popular' WHEN 2 THEN 'perfect' ELSE 'peaceful' END, NULL, '{}',
            NULL, NULL,
            CASE rowid % 12 WHEN 0 THEN 'composed' WHEN 1 THEN 'hesitant' WHEN 2 THEN 'boastful' WHEN 3 THEN 'brisk'
            WHEN 4 THEN 'talkative' WHEN 5 THEN 'silent' WHEN 6 THEN 'faultFinding' WHEN 7 THEN 'insincere'
            WHEN 8 THEN 'coldArrogant' WHEN 9 THEN 'impulsive' WHEN 10 THEN 'resentful' ELSE 'slippery' END,
            NULL, \(bind: now), 1 FROM contacts
            """).run()
        // The stored next occurrence only has to be a date on or after today for the query; the
        // agenda recomputes the exact day from month/day/calendar.
        try await db.raw("""
            INSERT INTO care_dates (id, customer_id, contact_id, owner_id, kind, calendar, month, day, leap_month, year, lead_days,
            title, next_on, remind_on, created_at, updated_at, deleted_at, version)
            SELECT \(unsafeRaw: uuid), customer_id, id, owner_id, 'birthday', CASE WHEN rowid % 10 = 0 THEN 'lunar' ELSE 'solar' END,
            (rowid / 28) % 12 + 1, rowid % 28 + 1, 0, NULL, 7, '生日',
            date((\(bind: base) + rowid % 365) * 86400, 'unixepoch'), date((\(bind: base) + rowid % 365 - 7) * 86400, 'unixepoch'),
            \(bind: now), \(bind: now), NULL, 1
            FROM (SELECT k.id, k.customer_id, c.owner_id, k.rowid, hex(randomblob(16)) AS h FROM contacts k
                  JOIN customers c ON c.id = k.customer_id
                  WHERE k.rowid = (SELECT MIN(rowid) FROM contacts WHERE customer_id = k.customer_id))
            """).run()
        let later = StoredTime.encode(Date().addingTimeInterval(3600))
        try await db.raw("""
            INSERT INTO activities (id, customer_id, contact_id, user_id, channel, purpose, outcome, occurred_at, custom,
            created_at, updated_at, deleted_at, version)
            SELECT \(unsafeRaw: uuid), customer_id, id, \(bind: measured.description), 'visit', '拜访', '', \(bind: later),
            '{}', \(bind: now), \(bind: now), NULL, 1
            FROM (SELECT k.id, k.customer_id, hex(randomblob(16)) AS h FROM contacts k JOIN customers c ON c.id = k.customer_id
                  WHERE c.owner_id = \(bind: measured.description) LIMIT \(literal: planned))
            """).run()
    }

    /// Whether the bench relationship data is already there.
    public func benchHasRelationships() async throws -> Bool {
        try await db.raw("SELECT 1 AS one FROM commitments LIMIT 1").first() != nil
    }
}
