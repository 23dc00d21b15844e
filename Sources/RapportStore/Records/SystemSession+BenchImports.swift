import Foundation
import RapportCore
import SQLKit

/// The raw-insert baselines of `rapport bench --child-imports`: the same rows an import file
/// carries, written with one prepared statement per row (the customer found by its name key), in
/// the caller's transaction. Used only by the bench, on SQLite.
extension SystemSession {
    /// Names of the first `limit` live customers (the bench's import files name them).
    public func benchCustomerNames(limit: Int) async throws -> [String] {
        try await db.raw("SELECT name FROM customers WHERE deleted_at IS NULL ORDER BY rowid LIMIT \(literal: limit)")
            .all().map { try $0.text("name") }
    }

    /// Key persons: customer name, name, title, phone.
    public func rawBenchContacts(_ rows: [[String]]) async throws {
        let now = StoredTime.encode(Date())
        for row in rows where row.count >= 4 {
            try await db.raw("""
                INSERT INTO contacts (id, customer_id, name, name_key, department, title, phone, phone_key, fax, email, email_key,
                wechat, qq, interests, supplier_expectations, pain_points, influence, involvement, relationship_with_us,
                relationship_with_competitors, relationship_owner_id, is_coach, reports_to_id, custom, created_at, updated_at,
                deleted_at, version) VALUES (\(bind: UUID().uuidString.lowercased()),
                (SELECT id FROM customers WHERE name_key = \(bind: DuplicateKeys.normalizedName(row[0])) AND deleted_at IS NULL LIMIT 1),
                \(bind: row[1]), \(bind: DuplicateKeys.normalizedName(row[1])), '', \(bind: row[2]), \(bind: row[3]),
                \(bind: DuplicateKeys.normalizedPhone(row[3])), '', '', '', '', '', '', '', '', NULL, NULL, '', '', NULL, 0, NULL,
                '{}', \(bind: now), \(bind: now), NULL, 1)
                """).run()
        }
    }

    /// Results: customer name, date, measure (stored name), value.
    public func rawBenchResults(_ rows: [[String]]) async throws {
        let now = StoredTime.encode(Date())
        for row in rows where row.count >= 4 {
            try await db.raw("""
                INSERT INTO customer_results (id, customer_id, measure, value, on_date, note, recorded_by, created_at, deleted_at)
                VALUES (\(bind: UUID().uuidString.lowercased()),
                (SELECT id FROM customers WHERE name_key = \(bind: DuplicateKeys.normalizedName(row[0])) AND deleted_at IS NULL LIMIT 1),
                \(bind: row[2]), \(bind: Int64(row[3]) ?? 0), \(bind: row[1]), '', NULL, \(bind: now), NULL)
                """).run()
        }
    }

    /// Orders of one line: number, customer name, date, description, quantity, unit price (minor units).
    public func rawBenchOrders(_ rows: [[String]]) async throws {
        let now = StoredTime.encode(Date())
        for row in rows where row.count >= 6 {
            let id = UUID().uuidString.lowercased()
            let quantity = Double(row[4]) ?? 1, price = Int64(row[5]) ?? 0
            let amount = Int64((quantity * Double(price)).rounded())
            try await db.raw("""
                INSERT INTO orders (id, number, customer_id, rep_id, deal_id, ordered_on, status, currency, revenue, cost, note,
                created_by, created_at, updated_at, deleted_at, version) VALUES (\(bind: id), \(bind: row[0]),
                (SELECT id FROM customers WHERE name_key = \(bind: DuplicateKeys.normalizedName(row[1])) AND deleted_at IS NULL LIMIT 1),
                NULL, NULL, \(bind: row[2]), 'confirmed', 'CNY', \(bind: amount), 0, '', NULL, \(bind: now), \(bind: now), NULL, 1)
                """).run()
            try await db.raw("""
                INSERT INTO order_lines (order_id, line_no, product_id, description, quantity, unit_price, unit_cost, amount, cost_amount)
                VALUES (\(bind: id), 1, NULL, \(bind: row[3]), \(bind: quantity), \(bind: price), 0, \(bind: amount), 0)
                """).run()
        }
    }
}
