import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    /// Many new orders with their lines and instalments (imports), in multi-row statements of 200
    /// rows. Throws `uniqueViolation(number)` when a number is already taken (by any stored order,
    /// deleted ones included) or appears twice among `orders`.
    func insertOrders(_ orders: [Order], instalments: [PaymentInstalment]) async throws {
        let numbers = orders.map(\.number)
        guard Set(numbers).count == numbers.count else { throw StoreError.uniqueViolation(field: "number") }
        if try await !takenOrderNumbers(numbers).isEmpty { throw StoreError.uniqueViolation(field: "number") }
        for chunk in orders.batches(of: 200) {
            try await db.raw("""
                INSERT INTO orders (\(unsafeRaw: Self.orderInsertColumns)) VALUES \(chunk.map(Self.orderValues).joined(separator: ", "))
                """).run()
        }
        let lines = orders.flatMap { order in order.lines.map { (order.id, $0) } }
        for chunk in lines.batches(of: 200) {
            try await db.raw("""
                INSERT INTO order_lines (\(unsafeRaw: Self.orderLineInsertColumns))
                VALUES \(chunk.map { Self.orderLineValues($0.0, $0.1) }.joined(separator: ", "))
                """).run()
        }
        for chunk in instalments.batches(of: 200) {
            try await db.raw("""
                INSERT INTO payment_instalments (\(unsafeRaw: Self.instalmentInsertColumns))
                VALUES \(chunk.map(Self.instalmentValues).joined(separator: ", "))
                """).run()
        }
    }

    /// Which of these order numbers stored orders (anyone's, deleted ones included) already have.
    func takenOrderNumbers(_ numbers: [String]) async throws -> Set<String> {
        var taken = Set<String>()
        for chunk in Array(Set(numbers)).batches(of: 500) {
            for row in try await db.raw("SELECT number FROM orders WHERE number IN (\(binds: Array(chunk)))").all() {
                taken.insert(try row.text("number"))
            }
        }
        return taken
    }

    /// The customers with these ids inside the scope (deleted ones too), by id.
    func customers(_ ids: [CustomerID], scope: AccessScope) async throws -> [CustomerID: Customer] {
        var found: [CustomerID: Customer] = [:]
        for chunk in Array(Set(ids)).batches(of: 500) {
            for row in try await db.raw("""
                SELECT \(unsafeRaw: Self.customerColumns) FROM customers c
                WHERE c.id IN (\(binds: chunk.map(\.description))) AND \(Self.scopeClause(scope))
                """).all() {
                let customer = try Self.decodeCustomer(row)
                found[customer.id] = customer
            }
        }
        return found
    }
}

extension ScopedSession {
    /// Records many new orders of visible, live customers, with their instalments (an import):
    /// what `insertOrder` and `insertInstalment` check for one, checked once per customer and per
    /// distinct reference; nothing is written when any check fails.
    public func insertOrders(_ orders: [Order], instalments: [PaymentInstalment]) async throws {
        let customers = Array(Set(orders.map(\.customerID)))
        guard try await raw.liveCustomerIDs(customers, scope: scope).count == customers.count else { throw StoreError.notFound }
        var checked = Set<String>()
        for order in orders {
            let unchecked = order.references.filter { checked.insert("\($0)|\(order.customerID)").inserted }
            try await check(unchecked, customer: order.customerID)
        }
        let owners = Dictionary(orders.map { ($0.id, $0.customerID) }, uniquingKeysWith: { first, _ in first })
        for instalment in instalments where owners[instalment.orderID] != instalment.customerID {
            throw StoreError.invalidReference(field: "orderID")
        }
        try await raw.insertOrders(orders, instalments: instalments)
    }

    /// Which of these order numbers stored orders (anyone's, deleted ones included) already have.
    public func takenOrderNumbers(_ numbers: [String]) async throws -> Set<String> {
        try await raw.takenOrderNumbers(numbers)
    }

    /// The customers with these ids inside the scope (deleted ones too), by id; others are left out.
    public func customers(_ ids: [CustomerID]) async throws -> [CustomerID: Customer] {
        try await raw.customers(ids, scope: scope)
    }
}
