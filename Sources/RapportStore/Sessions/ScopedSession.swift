import Foundation
import RapportCore
import SQLKit

/// The queries a user's request may run: every read of customer data is limited to the viewer's
/// scope (child records — key persons, activities, promises, deals, orders… — are reached by
/// joining their customer inside the scope), and every write re-checks the scope, and the ids the
/// record points at, in the same transaction as the write. Opened only by `Store.read(as:)` and
/// `Store.write(as:)` for a `Viewer`, or by a `SystemSession` for work that users and jobs share.
public struct ScopedSession: Sendable {
    let raw: StoreSession
    /// What this session may see.
    public let scope: AccessScope
    /// The user acting, or `nil` when a system session lent its unrestricted view.
    public let actorID: UserID?

    init(raw: StoreSession, scope: AccessScope, actorID: UserID?) {
        self.raw = raw
        self.scope = scope
        self.actorID = actorID
    }

    public var kind: EngineKind { raw.kind }
    var db: any SQLDatabase { raw.db }

    /// Users, teams, settings and the catalogue: not customer data, the same for everyone.
    public var catalog: CatalogSession { CatalogSession(raw: raw) }

    /// `WHERE` fragment keeping the customers aliased `alias` inside the scope.
    func visible(_ alias: String = "c") -> SQLQueryString {
        StoreSession.scopeClause(scope, alias: alias)
    }

    /// `JOIN customers c …` that keeps only rows (aliased `alias`, with a `customer_id`) whose customer
    /// is inside the scope.
    func visibleCustomerJoin(_ alias: String) -> SQLQueryString {
        "JOIN customers c ON c.id = \(unsafeRaw: alias).customer_id AND \(visible())"
    }

    /// The same rule as a condition, for rows picked by their own ids (`id IN (…)`): written as
    /// `EXISTS`, SQLite looks the few rows up first and checks each one's customer, where a join
    /// lets it start from the user's thousands of customers (the agenda went from 12 to 49 ms).
    func visibleCustomerExists(_ alias: String) -> SQLQueryString {
        "EXISTS (SELECT 1 FROM customers c WHERE c.id = \(unsafeRaw: alias).customer_id AND \(visible()))"
    }
}
