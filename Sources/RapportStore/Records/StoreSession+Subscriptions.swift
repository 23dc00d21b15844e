import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static let subscriptionColumns = """
        s.id, s.customer_id, s.product_id, s.order_id, s.starts_on, s.ends_on, s.price, s.currency, s.state,
        s.previous_id, s.churned_on, s.churn_reasons, s.churn_note, s.renewal_reasons, s.renewal_note, s.created_by,
        s.created_at, s.updated_at, s.deleted_at, s.version
        """

    static func decodeSubscription(_ row: any SQLRow) throws -> Subscription {
        Subscription(
            id: try row.id("id"), customerID: try row.id("customer_id"), productID: try row.optionalID("product_id"),
            orderID: try row.optionalID("order_id"), startsOn: try row.calendarDate("starts_on"),
            endsOn: try row.calendarDate("ends_on"), price: Int64(try row.int("price")), currency: try row.text("currency"),
            state: try row.enumValue("state"), previousID: try row.optionalID("previous_id"),
            churnedOn: try row.optionalText("churned_on").flatMap(CalendarDate.init(parsing:)),
            churnReasons: try StoredJSON.decode([String].self, try row.text("churn_reasons"), column: "churn_reasons"),
            churnNote: try row.text("churn_note"),
            renewalReasons: try StoredJSON.decode([String].self, try row.text("renewal_reasons"), column: "renewal_reasons"),
            renewalNote: try row.text("renewal_note"), createdBy: try row.optionalID("created_by"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    /// A customer's live terms, newest first.
    func subscriptions(of customer: CustomerID, scope: AccessScope) async throws -> [Subscription] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.subscriptionColumns) FROM subscriptions s
            JOIN customers c ON c.id = s.customer_id AND \(Self.scopeClause(scope)) WHERE s.customer_id = \(bind: customer.description) AND s.deleted_at IS NULL
            ORDER BY s.starts_on DESC, s.created_at DESC, s.id LIMIT 500
            """).all().map(Self.decodeSubscription)
    }

    /// The live term that renews `id`, if any.
    func renewal(of id: SubscriptionID) async throws -> Subscription? {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.subscriptionColumns) FROM subscriptions s
            WHERE s.previous_id = \(bind: id.description) AND s.deleted_at IS NULL LIMIT 1
            """).first().map(Self.decodeSubscription)
    }

    /// The first line of an order whose product has a term (a subscription sold by that order):
    /// the product, its term in months, the line's amount and the order's currency.
    func subscriptionLine(of order: OrderID) async throws -> (productID: ProductRef, termMonths: Int, amount: Int64,
                                                                     currency: String)? {
        guard let row = try await db.raw("""
            SELECT l.product_id, p.term_months, l.amount, o.currency FROM order_lines l
            JOIN products p ON p.id = l.product_id JOIN orders o ON o.id = l.order_id
            WHERE l.order_id = \(bind: order.description) AND p.term_months IS NOT NULL ORDER BY l.line_no LIMIT 1
            """).first() else { return nil }
        return (try row.id("product_id"), try row.int("term_months"), Int64(try row.int("amount")), try row.text("currency"))
    }

}

extension SystemSession {
    /// Active terms whose last day is before `day`, oldest end first (the lapse job's input).
    public func activeSubscriptionsEnded(before day: CalendarDate, limit: Int) async throws -> [Subscription] {
        try await db.raw("""
            SELECT \(unsafeRaw: StoreSession.subscriptionColumns) FROM subscriptions s
            WHERE s.state = 'active' AND s.ends_on < \(bind: day.description) AND s.deleted_at IS NULL
            ORDER BY s.ends_on, s.id LIMIT \(literal: limit)
            """).all().map(StoreSession.decodeSubscription)
    }

    /// Active terms ending between the two days (inclusive) that have no renewal yet and no
    /// notice of kind `noticeKind` about them.
    public func activeSubscriptionsEnding(from: CalendarDate, through: CalendarDate, unnoticed noticeKind: String,
                                          limit: Int) async throws -> [Subscription] {
        try await db.raw("""
            SELECT \(unsafeRaw: StoreSession.subscriptionColumns) FROM subscriptions s
            WHERE s.state = 'active' AND s.ends_on >= \(bind: from.description) AND s.ends_on <= \(bind: through.description)
            AND s.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM subscriptions n WHERE n.previous_id = s.id
            AND n.deleted_at IS NULL) AND NOT EXISTS (SELECT 1 FROM notifications x WHERE x.kind = \(bind: noticeKind)
            AND x.subject_id = s.id) ORDER BY s.ends_on, s.id LIMIT \(literal: limit)
            """).all().map(StoreSession.decodeSubscription)
    }

    /// Moves an active term to `lapsed` unless another process or a user changed it first; `true` when this call won.
    public func markLapsed(_ id: SubscriptionID, at: Date) async throws -> Bool {
        !(try await db.raw("""
            UPDATE subscriptions SET state = 'lapsed', updated_at = \(bind: StoredTime.encode(at)), version = version + 1
            WHERE id = \(bind: id.description) AND state = 'active' RETURNING id
            """).all()).isEmpty
    }
}

extension CatalogSession {
    /// A product's term length, price and currency (for a subscription created from a product).
    public func productTerm(_ id: ProductRef) async throws -> (termMonths: Int?, price: Int64, currency: String)? {
        guard let row = try await db.raw("""
            SELECT term_months, price, currency FROM products WHERE id = \(bind: id.description) AND deleted_at IS NULL
            """).first() else { return nil }
        return (try row.optionalInt("term_months"), Int64(try row.int("price")), try row.text("currency"))
    }
}

extension ScopedSession {
    /// A visible customer's live terms, newest first.
    public func subscriptions(of customer: CustomerID) async throws -> [Subscription] {
        try await raw.subscriptions(of: customer, scope: scope)
    }

    /// The live term that renews a visible term, if any.
    public func renewal(of id: SubscriptionID) async throws -> Subscription? {
        guard try await record(Subscription.self, id) != nil else { throw StoreError.notFound }
        return try await raw.renewal(of: id)
    }

    /// The first line of `customer`'s order whose product has a term (a subscription sold by that
    /// order); an order of another customer, or one out of scope, is an invalid `orderID`.
    public func subscriptionLine(of order: OrderID, customer: CustomerID) async throws
        -> (productID: ProductRef, termMonths: Int, amount: Int64, currency: String)? {
        try await requireCustomer(customer, live: false)
        try await check([.order(order, field: "orderID")], customer: customer)
        return try await raw.subscriptionLine(of: order)
    }
}

extension Subscription: StoredRecord, ScopedRecord {
    public static let table = RecordTable<Subscription>(
        "subscriptions", alias: "s",
        columns: [
            .init("id") { $0.id.description }, .init("customer_id") { $0.customerID.description },
            .init("product_id") { $0.productID?.description }, .init("order_id") { $0.orderID?.description },
            .init("starts_on") { $0.startsOn.description }, .init("ends_on") { $0.endsOn.description },
            .init("price") { $0.price }, .init("currency") { $0.currency }, .init("state") { $0.state.rawValue },
            .init("previous_id") { $0.previousID?.description }, .init("churned_on") { $0.churnedOn?.description },
            .init("churn_reasons") { try StoredJSON.encode($0.churnReasons) }, .init("churn_note") { $0.churnNote },
            .init("renewal_reasons") { try StoredJSON.encode($0.renewalReasons) }, .init("renewal_note") { $0.renewalNote },
            .init("created_by") { $0.createdBy?.description },
            .init("created_at") { StoredTime.encode($0.createdAt) }, .init("updated_at") { StoredTime.encode($0.updatedAt) },
            .init("deleted_at") { StoredTime.encode($0.deletedAt) }, .init("version") { Int64($0.version) },
        ],
        fixed: ["id", "customer_id", "previous_id", "created_by", "created_at"],
        selectList: StoreSession.subscriptionColumns, decode: StoreSession.decodeSubscription)
}
