import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    /// Everything the stage rules need about each of these customers, read from orders, deals,
    /// qualification, referrals and recorded facts: one grouped query per source for each 500
    /// customers (one customer after a change, a batch after an import). Every customer asked
    /// about has an entry.
    func lifecycleInputs(_ customers: [CustomerID]) async throws -> [CustomerID: LifecycleFacts] {
        var facts: [CustomerID: LifecycleFacts] = [:]
        let days: SQLQueryString = kind == .sqlite
            ? "group_concat(ordered_on, '')" : "string_agg(ordered_on, '' ORDER BY ordered_on)"
        for chunk in Array(Set(customers)).batches(of: 500) {
            let ids = chunk.map(\.description)
            for id in chunk { facts[id] = LifecycleFacts() }
            func update(_ row: any SQLRow, _ column: String, _ change: (inout LifecycleFacts) throws -> Void) throws {
                let id: CustomerID = try row.id(column)
                var entry = facts[id] ?? LifecycleFacts()
                try change(&entry)
                facts[id] = entry
            }
            for row in try await db.raw("""
                SELECT customer_id, \(days) AS days FROM orders WHERE customer_id IN (\(binds: ids))
                AND status <> 'cancelled' AND deleted_at IS NULL GROUP BY customer_id
                """).all() {
                let text = try row.text("days")
                try update(row, "customer_id") { try Self.addOrderDays(text, to: &$0) }
            }
            for row in try await db.raw("""
                SELECT customer_id, COUNT(*) AS n FROM deals WHERE customer_id IN (\(binds: ids)) AND deleted_at IS NULL
                AND (state = 'open' OR (state = 'won' AND order_id IS NULL)) GROUP BY customer_id
                """).all() {
                let count = try row.int("n")
                try update(row, "customer_id") { $0.openDeals = count }
            }
            for row in try await db.raw("""
                SELECT DISTINCT customer_id FROM qualifications WHERE customer_id IN (\(binds: ids))
                AND ability_to_pay = 'yes' AND authority = 'yes' AND need = 'yes'
                """).all() {
                try update(row, "customer_id") { $0.qualified = true }
            }
            for row in try await db.raw("""
                SELECT referrer_customer_id, COUNT(*) AS n FROM referrals WHERE referrer_customer_id IN (\(binds: ids))
                AND subject_kind = 'customer' GROUP BY referrer_customer_id
                """).all() {
                let count = try row.int("n")
                try update(row, "referrer_customer_id") { $0.referralsMade = count }
            }
            for row in try await db.raw("""
                SELECT customer_id, kind, evidence FROM lifecycle_facts WHERE customer_id IN (\(binds: ids))
                AND revoked_at IS NULL ORDER BY recorded_at DESC, id
                """).all() {
                let kind: LifecycleFactKind = try row.enumValue("kind")
                let evidence = try row.text("evidence")
                try update(row, "customer_id") { $0.note(kind, evidence: evidence) }
            }
        }
        return facts
    }

    /// The stored stages of these customers (customers never computed are left out).
    func storedStages(_ customers: [CustomerID]) async throws -> [CustomerID: LifecycleStage] {
        var stages: [CustomerID: LifecycleStage] = [:]
        for chunk in Array(Set(customers)).batches(of: 500) {
            for row in try await db.raw("""
                SELECT customer_id, stage FROM customer_lifecycle WHERE customer_id IN (\(binds: chunk.map(\.description)))
                """).all() {
                stages[try row.id("customer_id")] = try row.enumValue("stage")
            }
        }
        return stages
    }

    /// Keeps `customers.has_orders` in step with the customers' live orders (the lifecycle refresh
    /// runs it in the transaction of every order change); writes only rows that change, two
    /// statements per 500 customers.
    func setHasOrders(_ values: [CustomerID: Bool]) async throws {
        for flag in [true, false] {
            let ids = values.filter { $0.value == flag }.map(\.key.description)
            for chunk in ids.batches(of: 500) {
                try await db.raw("""
                    UPDATE customers SET has_orders = \(literal: flag ? 1 : 0) WHERE id IN (\(binds: Array(chunk)))
                    AND has_orders <> \(literal: flag ? 1 : 0)
                    """).run()
            }
        }
    }

    /// Writes a new status on customers inside the scope, each only if its stored version is still
    /// the one before (`version - 1`). Status is neither counted in the stage tallies nor searched,
    /// so this skips what `updateCustomer` keeps in step for other fields.
    func updateCustomerStatuses(_ customers: [Customer], scope: AccessScope) async throws {
        for c in customers {
            let rows = try await db.raw("""
                UPDATE customers SET status = \(bind: c.status.rawValue), updated_at = \(bind: StoredTime.encode(c.updatedAt)),
                version = \(bind: Int64(c.version)) WHERE id = \(bind: c.id.description) AND version = \(bind: Int64(c.version - 1))
                AND \(Self.scopeClause(scope, alias: "customers")) RETURNING id
                """).all()
            if rows.isEmpty { try await versionFailure(table: "customers", id: c.id.description) }
        }
    }
}

extension DerivedUpkeep {
    /// Everything the stage rules need about each of these customers.
    public func lifecycleInputs(_ customers: [CustomerID]) async throws -> [CustomerID: LifecycleFacts] {
        try await raw.lifecycleInputs(customers)
    }

    /// The stored stages of these customers; those never computed are left out.
    public func storedStages(_ customers: [CustomerID]) async throws -> [CustomerID: LifecycleStage] {
        try await raw.storedStages(customers)
    }

    /// Keeps `customers.has_orders` in step with the customers' live orders.
    public func setHasOrders(_ values: [CustomerID: Bool]) async throws {
        try await raw.setHasOrders(values)
    }

    /// Writes new stages and their history lines (all at the first line's time).
    public func saveLifecycles(_ rows: [(CustomerLifecycle, LifecycleChange, UUID)]) async throws {
        try await raw.upsertLifecycles(rows)
    }
}

extension ScopedSession {
    /// Saves a new status (and `updatedAt`, `version`) on customers inside the scope, each checked
    /// against the version before; see `StoreSession.updateCustomerStatuses`.
    public func updateCustomerStatuses(_ customers: [Customer]) async throws {
        try await raw.updateCustomerStatuses(customers, scope: scope)
    }
}
