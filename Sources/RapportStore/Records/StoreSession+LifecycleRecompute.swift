import Foundation
import RapportCore
import SQLKit

/// One customer whose computed stage differs from the stored one.
public struct LifecycleStageChange: Sendable {
    public var customerID: CustomerID
    public var from: LifecycleStage?
    public var to: LifecycleStage
    public var reason: LifecycleReason
}

extension StoreSession {
    /// Fills the order facts from concatenated 'YYYY-MM-DD' days (sorted here if they are not).
    static func addOrderDays(_ text: String, to facts: inout LifecycleFacts) throws {
        let bytes = Array(text.utf8)
        guard bytes.count % 10 == 0 else { throw StoreError.corruptRow("orders.ordered_on: \(text.prefix(40))") }
        func number(_ from: Int, _ count: Int) -> Int {
            var value = 0
            for index in from..<(from + count) { value = value * 10 + Int(bytes[index]) - 48 }
            return value
        }
        var dates: [CalendarDate] = []
        dates.reserveCapacity(bytes.count / 10)
        var start = 0
        while start < bytes.count {
            guard let date = CalendarDate(year: number(start, 4), month: number(start + 5, 2), day: number(start + 8, 2))
            else { throw StoreError.corruptRow("orders.ordered_on: \(text.prefix(40))") }
            dates.append(date)
            start += 10
        }
        if dates.indices.dropFirst().contains(where: { dates[$0 - 1] > dates[$0] }) { dates.sort() }
        facts.orderCount = dates.count
        facts.firstOrderOn = dates.first
        facts.lastOrderOn = dates.last
        var longest = 0
        var years = 0
        var previous: CalendarDate?
        for date in dates {
            if let previous {
                longest = max(longest, date.dayNumber - previous.dayNumber)
                if previous.year != date.year { years += 1 }
            } else {
                years = 1
            }
            previous = date
        }
        facts.longestGapDays = longest
        facts.orderYears = years
    }

    /// The facts that do not come from orders, per customer that has any.
    private func lifecycleSideFacts() async throws -> [CustomerID: LifecycleFacts] {
        var side: [CustomerID: LifecycleFacts] = [:]
        for row in try await db.raw("""
            SELECT customer_id, COUNT(*) AS n FROM deals WHERE (state = 'open' OR (state = 'won' AND order_id IS NULL))
            AND deleted_at IS NULL GROUP BY customer_id
            """).all() {
            side[try row.id("customer_id"), default: LifecycleFacts()].openDeals = try row.int("n")
        }
        for row in try await db.raw("""
            SELECT customer_id FROM qualifications WHERE ability_to_pay = 'yes' AND authority = 'yes' AND need = 'yes'
            """).all() {
            side[try row.id("customer_id"), default: LifecycleFacts()].qualified = true
        }
        for row in try await db.raw("""
            SELECT referrer_customer_id, COUNT(*) AS n FROM referrals WHERE subject_kind = 'customer'
            GROUP BY referrer_customer_id
            """).all() {
            side[try row.id("referrer_customer_id"), default: LifecycleFacts()].referralsMade = try row.int("n")
        }
        for row in try await db.raw("""
            SELECT customer_id, kind, evidence FROM lifecycle_facts WHERE revoked_at IS NULL ORDER BY recorded_at DESC, id
            """).all() {
            side[try row.id("customer_id"), default: LifecycleFacts()].note(try row.enumValue("kind"), evidence: try row.text("evidence"))
        }
        return side
    }
}

extension StoreSession {
    /// Computes every customer's stage from its facts in a few set-based passes (orders aggregated
    /// per customer in one scan of the partial index `orders_lifecycle`, the small fact tables loaded whole) and
    /// returns only the customers whose stage differs from the stored one. Customers without facts
    /// and without a stored stage are suspects and are not listed.
    func lifecycleStageChanges(policy: LifecyclePolicy, today: CalendarDate) async throws
        -> (changes: [LifecycleStageChange], examined: Int) {
        var side = try await lifecycleSideFacts()
        var changes: [LifecycleStageChange] = []
        var examined = 0
        func consider(_ id: CustomerID, _ facts: LifecycleFacts, current: LifecycleStage?) {
            examined += 1
            let (stage, reason) = lifecycleStage(for: facts, policy: policy, today: today)
            if stage != current && !(current == nil && stage == .suspect) {
                changes.append(LifecycleStageChange(customerID: id, from: current, to: stage, reason: reason))
            }
        }
        // One row per customer with its order days concatenated in date order ('YYYY-MM-DD' each,
        // no separator), read from the partial index orders_lifecycle; gaps are measured in Swift.
        let days: SQLQueryString = kind == .sqlite
            ? "group_concat(ordered_on, '')" : "string_agg(ordered_on, '' ORDER BY ordered_on)"
        // Packed into one text per customer (36-character id, stored stage, ':', days) so that a
        // million rows decode one value each.
        let rows = try await db.raw("""
            SELECT a.customer_id || COALESCE(cl.stage, '') || ':' || a.days AS packed FROM (SELECT customer_id,
            \(days) AS days FROM orders WHERE status <> 'cancelled' AND deleted_at IS NULL GROUP BY customer_id) a
            LEFT JOIN customer_lifecycle cl ON cl.customer_id = a.customer_id
            """).all()
        for row in rows {
            let packed = try row.text("packed")
            let utf8 = packed.utf8
            guard utf8.count > 37, let colon = utf8.firstIndex(of: UInt8(ascii: ":")),
                  let id = CustomerID(String(decoding: utf8.prefix(36), as: UTF8.self)) else {
                throw StoreError.corruptRow("orders: \(packed.prefix(60))")
            }
            let stageText = String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: 36)..<colon], as: UTF8.self)
            var facts = side.removeValue(forKey: id) ?? LifecycleFacts()
            try StoreSession.addOrderDays(String(decoding: utf8[utf8.index(after: colon)...], as: UTF8.self), to: &facts)
            consider(id, facts, current: stageText.isEmpty ? nil : LifecycleStage(rawValue: stageText))
        }
        let stored = try await db.raw("""
            SELECT cl.customer_id, cl.stage FROM customer_lifecycle cl WHERE NOT EXISTS (SELECT 1 FROM orders o
            WHERE o.customer_id = cl.customer_id AND o.status <> 'cancelled' AND o.deleted_at IS NULL)
            """).all()
        for row in stored {
            let id: CustomerID = try row.id("customer_id")
            consider(id, side.removeValue(forKey: id) ?? LifecycleFacts(), current: try row.enumValue("stage"))
        }
        for (id, facts) in side { consider(id, facts, current: nil) }
        return (changes, examined)
    }
}
