import Foundation
import RapportCore
import SQLKit

extension Migrations {
    /// The customer list's last-touch column and order (issue 11).
    ///
    /// `customers.last_touch_at` is the latest `occurred_at` (ms) of the customer's live
    /// activities that had happened when they were saved; 0 when there is none. It is kept by every
    /// write of an activity (`StoreSession.refreshLastTouch`) and by merges, so the list sorts by it
    /// on an index instead of reading every customer's activities. A planned contact counts once it
    /// is logged with a time in the past. NOT NULL, so both engines order and page it alike.
    static let lastTouch = Migration(8, "last-touch", both: [
        "ALTER TABLE customers ADD COLUMN last_touch_at BIGINT NOT NULL DEFAULT 0",
        // Partial, like the list's live rows: a count of an owner's live customers must not pick
        // one of these and then read every row to test `deleted_at`.
        "CREATE INDEX customers_last_touch ON customers (last_touch_at, id) WHERE deleted_at IS NULL",
        "CREATE INDEX customers_owner_last_touch ON customers (owner_id, last_touch_at, id) WHERE deleted_at IS NULL",
    ], backfill: { session in
        try await session.backfillLastTouch(now: Date())
    })
}

extension StoreSession {
    /// Every customer's last touch as of `now`, in one statement.
    func backfillLastTouch(now: Date) async throws {
        try await db.raw("""
            UPDATE customers SET last_touch_at = COALESCE((SELECT MAX(a.occurred_at) FROM activities a
              WHERE a.customer_id = customers.id AND a.deleted_at IS NULL
              AND a.occurred_at <= \(bind: StoredTime.encode(now))), 0)
            """).run()
    }

    /// Recomputes one customer's last touch after its activities changed (`now` is the write's time).
    func refreshLastTouch(_ customer: CustomerID, now: Date) async throws {
        try await db.raw("""
            UPDATE customers SET last_touch_at = COALESCE((SELECT MAX(a.occurred_at) FROM activities a
              WHERE a.customer_id = customers.id AND a.deleted_at IS NULL
              AND a.occurred_at <= \(bind: StoredTime.encode(now))), 0)
            WHERE id = \(bind: customer.description)
            """).run()
    }
}
