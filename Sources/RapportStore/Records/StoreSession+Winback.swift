import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeWinbackAttempt(_ row: any SQLRow) throws -> WinbackAttempt {
        WinbackAttempt(id: try row.id("id"), customerID: try row.id("customer_id"),
                       subscriptionID: try row.optionalID("subscription_id"), approach: try row.enumValue("approach"),
                       outcome: try row.enumValue("outcome"), note: try row.text("note"), userID: try row.id("user_id"),
                       attemptedOn: try row.calendarDate("attempted_on"), createdAt: try row.date("created_at"))
    }

    func insertWinbackAttempt(_ w: WinbackAttempt) async throws {
        try await db.raw("""
            INSERT INTO winback_attempts (id, customer_id, subscription_id, approach, outcome, note, user_id,
            attempted_on, created_at) VALUES (\(bind: w.id.description), \(bind: w.customerID.description),
            \(bind: w.subscriptionID?.description), \(bind: w.approach.rawValue), \(bind: w.outcome.rawValue),
            \(bind: w.note), \(bind: w.userID.description), \(bind: w.attemptedOn.description),
            \(bind: StoredTime.encode(w.createdAt)))
            """).run()
    }

    /// A customer's win-back attempts, newest first.
    func winbackAttempts(of customer: CustomerID, scope: AccessScope) async throws -> [WinbackAttempt] {
        try await db.raw("""
            SELECT w.id, w.customer_id, w.subscription_id, w.approach, w.outcome, w.note, w.user_id, w.attempted_on, w.created_at
            FROM winback_attempts w JOIN customers c ON c.id = w.customer_id AND \(Self.scopeClause(scope))
            WHERE w.customer_id = \(bind: customer.description)
            ORDER BY w.attempted_on DESC, w.created_at DESC, w.id LIMIT 500
            """).all().map(Self.decodeWinbackAttempt)
    }

    /// Churned customers inside the scope with no newer live term: each customer's latest churned
    /// term, newest churn first, keyset-paged on (churned_on, subscription id) descending.
    /// `reason` keeps those whose reasons include that code.
    func winbackList(reason: String?, scope: AccessScope, limit: Int,
                            cursor: PageCursor?) async throws -> Page<WinbackEntry> {
        var sql: SQLQueryString = """
            SELECT s.id, s.customer_id, s.churned_on, s.churn_reasons, s.churn_note, c.name, c.owner_id,
            (SELECT COUNT(*) FROM winback_attempts w WHERE w.customer_id = s.customer_id) AS attempts,
            (SELECT w.outcome FROM winback_attempts w WHERE w.customer_id = s.customer_id
             ORDER BY w.attempted_on DESC, w.created_at DESC LIMIT 1) AS last_outcome
            FROM subscriptions s JOIN customers c ON c.id = s.customer_id
            WHERE s.state = 'churned' AND s.deleted_at IS NULL AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            AND s.churned_on IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM subscriptions n WHERE n.customer_id = s.customer_id AND n.deleted_at IS NULL
                AND n.id <> s.id AND (n.state IN ('active', 'renewed') AND n.starts_on >= s.starts_on
                OR n.state = 'churned' AND (n.churned_on > s.churned_on OR n.churned_on = s.churned_on AND n.id > s.id)))
            """
        if let reason {
            sql += " AND s.churn_reasons LIKE \(bind: "%" + Self.likeEscape(StoredJSON.quoted(reason)) + "%") ESCAPE '\\'"
        }
        if let cursor {
            sql += " AND (s.churned_on < \(bind: cursor.value) OR (s.churned_on = \(bind: cursor.value) AND s.id < \(bind: cursor.id)))"
        }
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        sql += " ORDER BY s.churned_on DESC, s.id DESC LIMIT \(literal: limit + 1)"
        var items = try await db.raw(sql).all().map { row in
            WinbackEntry(customerID: try row.id("customer_id"), customerName: try row.text("name"),
                         ownerID: try row.optionalID("owner_id"), subscriptionID: try row.id("id"),
                         churnedOn: try row.calendarDate("churned_on"),
                         churnReasons: try StoredJSON.decode([String].self, try row.text("churn_reasons"), column: "churn_reasons"),
                         churnNote: try row.text("churn_note"), attempts: try row.int("attempts"),
                         lastOutcome: try row.optionalEnum("last_outcome"))
        }
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last {
                next = PageCursor(value: last.churnedOn.description, id: last.subscriptionID.description).token
            }
        }
        return Page(items: items, nextCursor: next)
    }

    /// Attempts and returns per churn reason × approach over the attempts on customers inside the scope
    /// (an attempt counts once for each reason of the term it was about).
    func winbackEffectiveness(scope: AccessScope) async throws -> [WinbackEffectiveness] {
        let rows = try await db.raw("""
            SELECT s.churn_reasons, w.approach, w.outcome FROM winback_attempts w
            JOIN subscriptions s ON s.id = w.subscription_id JOIN customers c ON c.id = w.customer_id
            WHERE c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            """).all()
        var cells: [String: WinbackEffectiveness] = [:]
        for row in rows {
            let reasons = try StoredJSON.decode([String].self, try row.text("churn_reasons"), column: "churn_reasons")
            let approach: WinbackApproach = try row.enumValue("approach")
            let outcome: WinbackOutcome = try row.enumValue("outcome")
            for reason in reasons {
                let key = reason + "|" + approach.rawValue
                var cell = cells[key] ?? WinbackEffectiveness(reason: reason, approach: approach, attempts: 0, returns: 0)
                cell.attempts += 1
                if outcome == .returned { cell.returns += 1 }
                cells[key] = cell
            }
        }
        return cells.values.sorted { ($0.reason, $0.approach.rawValue) < ($1.reason, $1.approach.rawValue) }
    }
}

extension ScopedSession {
    /// Records a win-back attempt on a visible, live customer (its term, when given, must be one of the customer's).
    public func insertWinbackAttempt(_ w: WinbackAttempt) async throws {
        try await requireCustomer(w.customerID, live: true)
        if let term = w.subscriptionID { try await check([.subscription(term, field: "subscriptionID")], customer: w.customerID) }
        try await raw.insertWinbackAttempt(w)
    }

    /// A visible customer's win-back attempts, newest first.
    public func winbackAttempts(of customer: CustomerID) async throws -> [WinbackAttempt] {
        try await raw.winbackAttempts(of: customer, scope: scope)
    }

    /// Churned customers inside the scope with no newer live term, optionally of one churn reason.
    public func winbackList(reason: String?, limit: Int, cursor: PageCursor?) async throws -> Page<WinbackEntry> {
        try await raw.winbackList(reason: reason, scope: scope, limit: limit, cursor: cursor)
    }

    /// Attempts and returns per churn reason × approach, over the attempts on customers inside the scope.
    public func winbackEffectiveness() async throws -> [WinbackEffectiveness] {
        try await raw.winbackEffectiveness(scope: scope)
    }
}
