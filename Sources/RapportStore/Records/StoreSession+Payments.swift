import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeInstalment(_ row: any SQLRow) throws -> PaymentInstalment {
        var item = PaymentInstalment(
            id: try row.id("id"), orderID: try row.id("order_id"), customerID: try row.id("customer_id"), seq: try row.int("seq"),
            amount: try row.decode(column: "amount", as: Int64.self), received: try row.decode(column: "received", as: Int64.self),
            dueOn: try row.calendarDate("due_on"), method: try row.enumValue("method"), remindDays: try row.int("remind_days"),
            state: try row.enumValue("state"), note: try row.text("note"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"), version: try row.int("version"))
        item.remindOn = try row.calendarDate("remind_on")
        return item
    }

    static func decodeReceipt(_ row: any SQLRow) throws -> PaymentReceipt {
        PaymentReceipt(
            id: try row.id("id"), orderID: try row.id("order_id"), instalmentID: try row.optionalID("instalment_id"),
            amount: try row.decode(column: "amount", as: Int64.self), receivedOn: try row.calendarDate("received_on"),
            method: try row.enumValue("method"), reference: try row.text("reference"),
            recordedBy: try row.optionalID("recorded_by"), createdAt: try row.date("created_at"),
            voidedAt: try row.optionalDate("voided_at"), voidedBy: try row.optionalID("voided_by"))
    }

    func insertInstalment(_ i: PaymentInstalment) async throws {
        try await db.raw("INSERT INTO payment_instalments (\(unsafeRaw: Self.instalmentInsertColumns)) VALUES \(Self.instalmentValues(i))").run()
    }

    static let instalmentInsertColumns = """
        id, order_id, customer_id, seq, amount, received, due_on, method, remind_days, remind_on, state, note, created_at,
        updated_at, version
        """

    /// One instalment's row for `instalmentInsertColumns`.
    static func instalmentValues(_ i: PaymentInstalment) -> SQLQueryString {
        """
        (\(bind: i.id.description), \(bind: i.orderID.description), \(bind: i.customerID.description), \(bind: Int64(i.seq)),
        \(bind: i.amount), \(bind: i.received), \(bind: i.dueOn.description), \(bind: i.method.rawValue),
        \(bind: Int64(i.remindDays)), \(bind: i.remindOn.description), \(bind: i.state.rawValue), \(bind: i.note),
        \(bind: StoredTime.encode(i.createdAt)), \(bind: StoredTime.encode(i.updatedAt)), \(bind: Int64(i.version)))
        """
    }

    /// Saves received amount, state and note; checks the version the caller read.
    func updateInstalment(_ i: PaymentInstalment, expectedVersion: Int) async throws {
        let rows = try await db.raw("""
            UPDATE payment_instalments SET received = \(bind: i.received), state = \(bind: i.state.rawValue),
            note = \(bind: i.note), updated_at = \(bind: StoredTime.encode(i.updatedAt)), version = \(bind: Int64(i.version))
            WHERE id = \(bind: i.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await versionFailure(table: "payment_instalments", id: i.id.description) }
    }

    /// Removes an order's plan (only done while it has no receipts, before writing a new plan).
    func deleteInstalments(of order: OrderID) async throws {
        try await db.raw("DELETE FROM payment_instalments WHERE order_id = \(bind: order.description)").run()
    }

    func instalments(of order: OrderID) async throws -> [PaymentInstalment] {
        try await db.raw("SELECT * FROM payment_instalments WHERE order_id = \(bind: order.description) ORDER BY seq")
            .all().map(Self.decodeInstalment)
    }

    /// Open instalments of live orders of one customer with their order's currency (for the customer page's totals).
    func openInstalments(ofCustomer customer: CustomerID) async throws -> [(PaymentInstalment, String)] {
        try await db.raw("""
            SELECT p.*, o.currency AS order_currency FROM payment_instalments p JOIN orders o ON o.id = p.order_id
            WHERE p.customer_id = \(bind: customer.description) AND o.deleted_at IS NULL AND o.status <> 'cancelled'
            AND p.state IN ('pending', 'partial', 'overdue') ORDER BY p.due_on, p.id
            """).all().map { (try Self.decodeInstalment($0), try $0.text("order_currency")) }
    }

    /// Sets every instalment of an order void (cancelled order) or back to pending; the caller refreshes states.
    func setInstalmentsVoid(of order: OrderID, void: Bool, at: Date) async throws {
        try await db.raw("""
            UPDATE payment_instalments SET state = \(bind: void ? "void" : "pending"), updated_at = \(bind: StoredTime.encode(at)),
            version = version + 1 WHERE order_id = \(bind: order.description)
            """).run()
    }

    /// Open instalments (not paid, not void) of live orders inside the scope due on or before `through`,
    /// by due date then id, keyset-paged on both.
    func dueInstalments(through: CalendarDate, scope: AccessScope, repID: UserID?, limit: Int,
                               cursor: PageCursor?) async throws -> Page<PaymentInstalment> {
        var sql: SQLQueryString = """
            SELECT p.* FROM payment_instalments p JOIN orders o ON o.id = p.order_id JOIN customers c ON c.id = o.customer_id
            WHERE p.state IN ('pending', 'partial', 'overdue') AND p.due_on <= \(bind: through.description)
            AND o.deleted_at IS NULL AND o.status <> 'cancelled' AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            """
        if let repID { sql += " AND o.rep_id = \(bind: repID.description)" }
        if let cursor {
            sql += " AND (p.due_on > \(bind: cursor.value) OR (p.due_on = \(bind: cursor.value) AND p.id > \(bind: cursor.id)))"
        }
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        sql += " ORDER BY p.due_on, p.id LIMIT \(literal: limit + 1)"
        var items = try await db.raw(sql).all().map(Self.decodeInstalment)
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last { next = PageCursor(value: last.dueOn.description, id: last.id.description).token }
        }
        return Page(items: items, nextCursor: next)
    }

    func instalmentsForJob(column: String, from: CalendarDate, through: CalendarDate,
                                   limit: Int) async throws -> [(PaymentInstalment, Order)] {
        let rows = try await db.raw("""
            SELECT p.* FROM payment_instalments p JOIN orders o ON o.id = p.order_id
            WHERE p.state IN ('pending', 'partial', 'overdue') AND p.\(unsafeRaw: column) >= \(bind: from.description)
            AND p.\(unsafeRaw: column) <= \(bind: through.description) AND o.deleted_at IS NULL AND o.status <> 'cancelled'
            AND o.rep_id IS NOT NULL ORDER BY p.\(unsafeRaw: column), p.id LIMIT \(literal: limit)
            """).all()
        let items = try rows.map(Self.decodeInstalment)
        var out: [(PaymentInstalment, Order)] = []
        var cache: [OrderID: Order] = [:]
        for item in items {
            if cache[item.orderID] == nil { cache[item.orderID] = try await order(item.orderID, scope: .all) }
            if let order = cache[item.orderID] { out.append((item, order)) }
        }
        return out
    }

    func insertReceipt(_ r: PaymentReceipt) async throws {
        try await db.raw("""
            INSERT INTO payment_receipts (id, order_id, instalment_id, amount, received_on, method, reference, recorded_by,
            created_at, voided_at, voided_by) VALUES (\(bind: r.id.description), \(bind: r.orderID.description),
            \(bind: r.instalmentID?.description), \(bind: r.amount), \(bind: r.receivedOn.description),
            \(bind: r.method.rawValue), \(bind: r.reference), \(bind: r.recordedBy?.description),
            \(bind: StoredTime.encode(r.createdAt)), \(bind: StoredTime.encode(r.voidedAt)), \(bind: r.voidedBy?.description))
            """).run()
    }

    /// Marks a receipt void unless already voided; `true` when this call voided it.
    func voidReceipt(_ id: PaymentReceiptID, by: UserID, at: Date) async throws -> Bool {
        !(try await db.raw("""
            UPDATE payment_receipts SET voided_at = \(bind: StoredTime.encode(at)), voided_by = \(bind: by.description)
            WHERE id = \(bind: id.description) AND voided_at IS NULL RETURNING id
            """).all()).isEmpty
    }

    func receipt(_ id: PaymentReceiptID) async throws -> PaymentReceipt? {
        try await db.raw("SELECT * FROM payment_receipts WHERE id = \(bind: id.description)").first().map(Self.decodeReceipt)
    }

    /// An order's receipts, oldest first (voided ones included).
    func receipts(of order: OrderID) async throws -> [PaymentReceipt] {
        try await db.raw("""
            SELECT * FROM payment_receipts WHERE order_id = \(bind: order.description) ORDER BY received_on, created_at, id
            """).all().map(Self.decodeReceipt)
    }
}

extension SystemSession {
    /// Open instalments of live orders whose reminder day is between `from` and `through` (the
    /// reminder job's input), with the order's rep; oldest reminder first.
    public func instalmentsToRemind(from: CalendarDate, through: CalendarDate,
                                    limit: Int) async throws -> [(PaymentInstalment, Order)] {
        try await raw.instalmentsForJob(column: "remind_on", from: from, through: through, limit: limit)
    }

    /// Open instalments of live orders whose due day is between `from` and `through` (the overdue job's input).
    public func instalmentsDue(from: CalendarDate, through: CalendarDate, limit: Int) async throws -> [(PaymentInstalment, Order)] {
        try await raw.instalmentsForJob(column: "due_on", from: from, through: through, limit: limit)
    }

    /// Marks an open instalment overdue (the reminder job, once its due date passed).
    public func markInstalmentOverdue(_ id: PaymentInstalmentID, at: Date) async throws {
        try await db.raw("""
            UPDATE payment_instalments SET state = 'overdue', updated_at = \(bind: StoredTime.encode(at)), version = version + 1
            WHERE id = \(bind: id.description) AND state IN ('pending', 'partial')
            """).run()
    }
}

extension ScopedSession {
    /// The order if it is reachable through the scope (`notFound` otherwise).
    @discardableResult
    func requireOrder(_ id: OrderID) async throws -> Order {
        guard let found = try await order(id) else { throw StoreError.notFound }
        return found
    }

    /// Adds an instalment to a visible order of a live customer (it must carry the order's customer).
    public func insertInstalment(_ i: PaymentInstalment) async throws {
        let order = try await requireOrder(i.orderID)
        guard order.customerID == i.customerID else { throw StoreError.invalidReference(field: "customerID") }
        try await requireCustomer(order.customerID, live: true)
        try await raw.insertInstalment(i)
    }

    /// Saves an instalment of a visible order (received amount, state, note) if its version is still `expectedVersion`.
    public func updateInstalment(_ i: PaymentInstalment, expectedVersion: Int) async throws {
        let order = try await requireOrder(i.orderID)
        guard order.customerID == i.customerID else { throw StoreError.notFound }
        try await raw.updateInstalment(i, expectedVersion: expectedVersion)
    }

    /// Removes a visible order's plan (only while it has no receipts, before writing a new plan).
    public func deleteInstalments(of order: OrderID) async throws {
        try await requireOrder(order)
        try await raw.deleteInstalments(of: order)
    }

    /// A visible order's instalments in order.
    public func instalments(of order: OrderID) async throws -> [PaymentInstalment] {
        try await requireOrder(order)
        return try await raw.instalments(of: order)
    }

    /// Open instalments of a visible customer's live orders with their order's currency.
    public func openInstalments(ofCustomer customer: CustomerID) async throws -> [(PaymentInstalment, String)] {
        try await requireCustomer(customer, live: false)
        return try await raw.openInstalments(ofCustomer: customer)
    }

    /// Sets every instalment of a visible order void (cancelled order) or back to pending.
    public func setInstalmentsVoid(of order: OrderID, void: Bool, at: Date) async throws {
        try await requireOrder(order)
        try await raw.setInstalmentsVoid(of: order, void: void, at: at)
    }

    /// Open instalments of live orders inside the scope due on or before `through`, keyset-paged.
    public func dueInstalments(through: CalendarDate, repID: UserID?, limit: Int,
                               cursor: PageCursor?) async throws -> Page<PaymentInstalment> {
        try await raw.dueInstalments(through: through, scope: scope, repID: repID, limit: limit, cursor: cursor)
    }

    /// Records a receipt against a visible order; its instalment, when given, must be one of that order's.
    public func insertReceipt(_ r: PaymentReceipt) async throws {
        let order = try await requireOrder(r.orderID)
        try await requireCustomer(order.customerID, live: true)
        if let instalment = r.instalmentID, try await raw.instalments(of: r.orderID).contains(where: { $0.id == instalment }) == false {
            throw StoreError.invalidReference(field: "instalmentID")
        }
        try await raw.insertReceipt(r)
    }

    /// Voids a receipt of a visible order unless already voided; `true` when this call voided it.
    public func voidReceipt(_ id: PaymentReceiptID, by: UserID, at: Date) async throws -> Bool {
        guard try await receipt(id) != nil else { throw StoreError.notFound }
        return try await raw.voidReceipt(id, by: by, at: at)
    }

    /// A receipt of a visible order.
    public func receipt(_ id: PaymentReceiptID) async throws -> PaymentReceipt? {
        guard let found = try await raw.receipt(id), try await order(found.orderID) != nil else { return nil }
        return found
    }

    /// A visible order's receipts, oldest first (voided ones included).
    public func receipts(of order: OrderID) async throws -> [PaymentReceipt] {
        try await requireOrder(order)
        return try await raw.receipts(of: order)
    }
}
