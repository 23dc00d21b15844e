import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static let orderColumns = """
        o.id, o.number, o.customer_id, o.rep_id, o.deal_id, o.ordered_on, o.status, o.currency, o.note,
        o.created_by, o.created_at, o.updated_at, o.deleted_at, o.version
        """

    static func decodeOrder(_ row: any SQLRow, lines: [OrderLine]) throws -> Order {
        Order(id: try row.id("id"), number: try row.text("number"), customerID: try row.id("customer_id"),
              repID: try row.optionalID("rep_id"), dealID: try row.optionalID("deal_id"),
              orderedOn: try row.calendarDate("ordered_on"), status: try row.enumValue("status"),
              currency: try row.text("currency"), note: try row.text("note"), lines: lines,
              createdBy: try row.optionalID("created_by"), createdAt: try row.date("created_at"),
              updatedAt: try row.date("updated_at"), deletedAt: try row.optionalDate("deleted_at"),
              version: try row.int("version"))
    }

    static func decodeOrderLine(_ row: any SQLRow) throws -> OrderLine {
        OrderLine(lineNo: try row.int("line_no"), productID: try row.optionalID("product_id"),
                  description: try row.text("description"), quantity: try row.decode(column: "quantity", as: Double.self),
                  unitPrice: try row.decode(column: "unit_price", as: Int64.self),
                  unitCost: try row.decode(column: "unit_cost", as: Int64.self))
    }

    /// Orders from rows, with their lines read in one query.
    func orders(from rows: [any SQLRow]) async throws -> [Order] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.text("id") }
        var lines: [String: [OrderLine]] = [:]
        for row in try await db.raw("""
            SELECT * FROM order_lines WHERE order_id IN (\(binds: ids)) ORDER BY order_id, line_no
            """).all() {
            lines[try row.text("order_id"), default: []].append(try Self.decodeOrderLine(row))
        }
        return try rows.map { try Self.decodeOrder($0, lines: lines[try $0.text("id")] ?? []) }
    }

    func insertOrder(_ o: Order) async throws {
        if try await orderNumberTaken(o.number, excluding: nil) { throw StoreError.uniqueViolation(field: "number") }
        try await db.raw("INSERT INTO orders (\(unsafeRaw: Self.orderInsertColumns)) VALUES \(Self.orderValues(o))").run()
        try await insertOrderLines(o)
    }

    static let orderInsertColumns = """
        id, number, customer_id, rep_id, deal_id, ordered_on, status, currency, revenue, cost, note, created_by, created_at,
        updated_at, deleted_at, version
        """

    /// One order's row for `orderInsertColumns`.
    static func orderValues(_ o: Order) -> SQLQueryString {
        """
        (\(bind: o.id.description), \(bind: o.number), \(bind: o.customerID.description), \(bind: o.repID?.description),
        \(bind: o.dealID?.description), \(bind: o.orderedOn.description), \(bind: o.status.rawValue), \(bind: o.currency),
        \(bind: o.revenue), \(bind: o.cost), \(bind: o.note), \(bind: o.createdBy?.description),
        \(bind: StoredTime.encode(o.createdAt)), \(bind: StoredTime.encode(o.updatedAt)), \(bind: StoredTime.encode(o.deletedAt)),
        \(bind: Int64(o.version)))
        """
    }

    static let orderLineInsertColumns = "order_id, line_no, product_id, description, quantity, unit_price, unit_cost, amount, cost_amount"

    /// One order line's row for `orderLineInsertColumns`.
    static func orderLineValues(_ order: OrderID, _ line: OrderLine) -> SQLQueryString {
        """
        (\(bind: order.description), \(bind: Int64(line.lineNo)), \(bind: line.productID?.description), \(bind: line.description),
        \(bind: line.quantity), \(bind: line.unitPrice), \(bind: line.unitCost), \(bind: line.amount), \(bind: line.costAmount))
        """
    }

    private func insertOrderLines(_ o: Order) async throws {
        guard !o.lines.isEmpty else { return }
        try await db.raw("""
            INSERT INTO order_lines (\(unsafeRaw: Self.orderLineInsertColumns))
            VALUES \(o.lines.map { Self.orderLineValues(o.id, $0) }.joined(separator: ", "))
            """).run()
    }

    /// Saves an order (and, when `replaceLines`, its lines); checks the version the caller read.
    func updateOrder(_ o: Order, expectedVersion: Int, replaceLines: Bool) async throws {
        if try await orderNumberTaken(o.number, excluding: o.id) { throw StoreError.uniqueViolation(field: "number") }
        let rows = try await db.raw("""
            UPDATE orders SET number = \(bind: o.number), rep_id = \(bind: o.repID?.description),
            deal_id = \(bind: o.dealID?.description), ordered_on = \(bind: o.orderedOn.description),
            status = \(bind: o.status.rawValue), currency = \(bind: o.currency), revenue = \(bind: o.revenue),
            cost = \(bind: o.cost), note = \(bind: o.note), updated_at = \(bind: StoredTime.encode(o.updatedAt)),
            deleted_at = \(bind: StoredTime.encode(o.deletedAt)), version = \(bind: Int64(o.version))
            WHERE id = \(bind: o.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await versionFailure(table: "orders", id: o.id.description) }
        if replaceLines {
            try await db.raw("DELETE FROM order_lines WHERE order_id = \(bind: o.id.description)").run()
            try await insertOrderLines(o)
        }
    }

    /// Whether another order (deleted ones included) already has this number.
    func orderNumberTaken(_ number: String, excluding: OrderID?) async throws -> Bool {
        try await db.raw("""
            SELECT id FROM orders WHERE number = \(bind: number) AND id <> \(bind: excluding?.description ?? "")
            """).first() != nil
    }

    /// One order whose customer is inside the scope (deleted ones included, for restore).
    func order(_ id: OrderID, scope: AccessScope) async throws -> Order? {
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: Self.orderColumns) FROM orders o JOIN customers c ON c.id = o.customer_id
            WHERE o.id = \(bind: id.description) AND \(Self.scopeClause(scope))
            """).all()
        return try await orders(from: rows).first
    }

    private func orderConditions(_ filter: OrderFilter, scope: AccessScope) -> SQLQueryString {
        var sql: SQLQueryString = """
            c.deleted_at IS NULL AND \(Self.scopeClause(scope)) AND o.deleted_at IS \(unsafeRaw: filter.deleted ? "NOT NULL" : "NULL")
            """
        if let customer = filter.customerID { sql += " AND o.customer_id = \(bind: customer.description)" }
        if let rep = filter.repID { sql += " AND o.rep_id = \(bind: rep.description)" }
        if let status = filter.status { sql += " AND o.status = \(bind: status.rawValue)" }
        if let from = filter.from { sql += " AND o.ordered_on >= \(bind: from.description)" }
        if let through = filter.through { sql += " AND o.ordered_on <= \(bind: through.description)" }
        return sql
    }

    /// Orders inside the scope, filtered; newest order date first, keyset-paged on (ordered_on, id).
    func orders(_ filter: OrderFilter, scope: AccessScope, limit: Int, cursor: PageCursor?) async throws -> Page<Order> {
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: Self.orderColumns) FROM orders o JOIN customers c ON c.id = o.customer_id
            WHERE \(orderConditions(filter, scope: scope))
            """
        if let cursor {
            sql += " AND (o.ordered_on < \(bind: cursor.value) OR (o.ordered_on = \(bind: cursor.value) AND o.id < \(bind: cursor.id)))"
        }
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        sql += " ORDER BY o.ordered_on DESC, o.id DESC LIMIT \(literal: limit + 1)"
        var items = try await orders(from: try await db.raw(sql).all())
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last { next = PageCursor(value: last.orderedOn.description, id: last.id.description).token }
        }
        return Page(items: items, nextCursor: next)
    }

    /// Count, revenue and cost per currency of the orders a filter selects (cancelled ones left out).
    func orderTotals(_ filter: OrderFilter, scope: AccessScope) async throws -> [OrderTotals] {
        try await db.raw("""
            SELECT o.currency, COUNT(*) AS n, CAST(COALESCE(SUM(o.revenue), 0) AS BIGINT) AS revenue,
            CAST(COALESCE(SUM(o.cost), 0) AS BIGINT) AS cost
            FROM orders o JOIN customers c ON c.id = o.customer_id
            WHERE \(orderConditions(filter, scope: scope)) AND o.status <> 'cancelled'
            GROUP BY o.currency ORDER BY o.currency
            """).all().map {
            OrderTotals(currency: try $0.text("currency"), count: try $0.int("n"),
                        revenue: try $0.decode(column: "revenue", as: Int64.self), cost: try $0.decode(column: "cost", as: Int64.self))
        }
    }
}

extension ScopedSession {
    /// One order of a visible customer (deleted ones included, for restore).
    public func order(_ id: OrderID) async throws -> Order? {
        try await raw.order(id, scope: scope)
    }

    /// Orders of customers inside the scope, filtered; newest order date first, keyset-paged.
    public func orders(_ filter: OrderFilter, limit: Int, cursor: PageCursor?) async throws -> Page<Order> {
        try await raw.orders(filter, scope: scope, limit: limit, cursor: cursor)
    }

    /// Count, revenue and cost per currency of the orders a filter selects inside the scope (cancelled ones left out).
    public func orderTotals(_ filter: OrderFilter) async throws -> [OrderTotals] {
        try await raw.orderTotals(filter, scope: scope)
    }

    /// Whether another order (anyone's, deleted ones included) already has this number.
    public func orderNumberTaken(_ number: String, excluding: OrderID?) async throws -> Bool {
        try await raw.orderNumberTaken(number, excluding: excluding)
    }

    /// Records a new order of a visible, live customer after checking what it points at (the deal
    /// must be a live deal of the same customer, the rep a user, each product a live product).
    public func insertOrder(_ order: Order) async throws {
        try await requireCustomer(order.customerID, live: true)
        try await check(order.references, customer: order.customerID)
        try await raw.insertOrder(order)
    }

    /// Saves a changed order (its lines replaced) if its stored version is still `expectedVersion`;
    /// the order must be reachable through the scope and stay with its customer, and every reference
    /// the change adds is checked.
    public func updateOrder(_ order: Order, expectedVersion: Int) async throws {
        guard let stored = try await self.order(order.id), stored.customerID == order.customerID else { throw StoreError.notFound }
        try await requireCustomer(order.customerID, live: order.deletedAt == nil)
        try await check(order.references.filter { !stored.references.contains($0) }, customer: order.customerID)
        try await raw.updateOrder(order, expectedVersion: expectedVersion, replaceLines: order.lines != stored.lines)
    }
}

extension Order: ScopedRecord {
    public static func find(_ id: OrderID, in session: ScopedSession) async throws -> Order? {
        try await session.order(id)
    }

    public static func save(_ record: Order, expectedVersion: Int, in session: ScopedSession) async throws {
        try await session.updateOrder(record, expectedVersion: expectedVersion)
    }
}
