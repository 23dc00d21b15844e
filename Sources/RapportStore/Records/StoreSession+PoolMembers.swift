import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeMembership(_ row: any SQLRow) throws -> PoolMembership {
        PoolMembership(customerID: try row.id("customer_id"), poolID: try row.id("pool_id"),
                       enteredAt: try row.optionalDate("entered_at"), ownedSince: try row.optionalDate("owned_since"),
                       lockedAt: try row.optionalDate("locked_at"), lockedBy: try row.optionalID("locked_by"),
                       previousOwnerID: try row.optionalID("previous_owner_id"),
                       leftOwnerAt: try row.optionalDate("left_owner_at"), reason: try row.text("reason"))
    }

    /// A customer's pool row, if it has one (customers without one belong to the default pool).
    func poolMembership(of customer: CustomerID) async throws -> PoolMembership? {
        try await db.raw("""
            SELECT customer_id, pool_id, entered_at, owned_since, locked_at, locked_by, previous_owner_id, left_owner_at, reason
            FROM customer_pool WHERE customer_id = \(bind: customer.description)
            """).first().map(Self.decodeMembership)
    }

    /// Writes a customer's pool row whole (insert or replace).
    func savePoolMembership(_ m: PoolMembership) async throws {
        try await db.raw("""
            INSERT INTO customer_pool (customer_id, pool_id, entered_at, owned_since, locked_at, locked_by,
            previous_owner_id, left_owner_at, reason) VALUES (\(bind: m.customerID.description), \(bind: m.poolID.description),
            \(bind: StoredTime.encode(m.enteredAt)), \(bind: StoredTime.encode(m.ownedSince)), \(bind: StoredTime.encode(m.lockedAt)),
            \(bind: m.lockedBy?.description), \(bind: m.previousOwnerID?.description), \(bind: StoredTime.encode(m.leftOwnerAt)),
            \(bind: m.reason))
            ON CONFLICT (customer_id) DO UPDATE SET pool_id = excluded.pool_id, entered_at = excluded.entered_at,
            owned_since = excluded.owned_since, locked_at = excluded.locked_at, locked_by = excluded.locked_by,
            previous_owner_id = excluded.previous_owner_id, left_owner_at = excluded.left_owner_at, reason = excluded.reason
            """).run()
    }

    /// Customers in a pool now, newest arrivals first, keyset-paged on (entered_at, customer id)
    /// over the `customer_pool_members` index; only the fields anyone may see.
    func poolMembers(_ pool: PoolID, limit: Int, cursor: PageCursor?) async throws -> Page<PoolMember> {
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        var sql: SQLQueryString = """
            SELECT p.customer_id, p.entered_at, p.previous_owner_id, p.reason, c.name, c.industry, c.region, c.source,
            u.display_name AS previous_owner_name
            FROM customer_pool p JOIN customers c ON c.id = p.customer_id
            LEFT JOIN users u ON u.id = p.previous_owner_id
            WHERE p.pool_id = \(bind: pool.description) AND p.entered_at IS NOT NULL
            AND c.owner_id IS NULL AND c.deleted_at IS NULL
            """
        if let cursor, let at = Int64(cursor.value) {
            sql += " AND (p.entered_at < \(bind: at) OR (p.entered_at = \(bind: at) AND p.customer_id < \(bind: cursor.id)))"
        }
        sql += " ORDER BY p.entered_at DESC, p.customer_id DESC LIMIT \(literal: limit + 1)"
        var items = try await db.raw(sql).all().map { row in
            PoolMember(customerID: try row.id("customer_id"), name: try row.text("name"), industry: try row.text("industry"),
                       region: try row.text("region"), source: try row.text("source"), enteredAt: try row.date("entered_at"),
                       previousOwnerID: try row.optionalID("previous_owner_id"),
                       previousOwnerName: try row.optionalText("previous_owner_name"), reason: try row.text("reason"))
        }
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last {
                next = PageCursor(value: String(StoredTime.encode(last.enteredAt)), id: last.customerID.description).token
            }
        }
        return Page(items: items, nextCursor: next)
    }

    /// Takes an unowned, live customer for `owner`: one guarded UPDATE, so of two concurrent
    /// claims exactly one changes the row. `true` when this call won.
    func claimCustomer(_ id: CustomerID, owner: UserID, team: TeamID?, at: Date) async throws -> Bool {
        let rows = try await keepingTallies(.ids([id])) { try await db.raw("""
            UPDATE customers SET owner_id = \(bind: owner.description), team_id = \(bind: team?.description),
            version = version + 1, updated_at = \(bind: StoredTime.encode(at))
            WHERE id = \(bind: id.description) AND owner_id IS NULL AND deleted_at IS NULL RETURNING id
            """).all() }
        return !rows.isEmpty
    }

    /// Clears a customer's owner (and team) if `owner` still owns it; `true` when it did.
    func unownCustomer(_ id: CustomerID, owner: UserID, at: Date) async throws -> Bool {
        let rows = try await keepingTallies(.ids([id])) { try await db.raw("""
            UPDATE customers SET owner_id = NULL, team_id = NULL, version = version + 1, updated_at = \(bind: StoredTime.encode(at))
            WHERE id = \(bind: id.description) AND owner_id = \(bind: owner.description) RETURNING id
            """).all() }
        return !rows.isEmpty
    }

    /// Serialises one user's claims: on PostgreSQL locks the user's row until the transaction
    /// ends, so concurrent claims by the same rep check the caps one after another (SQLite has
    /// one writer already).
    func lockUserForClaims(_ user: UserID) async throws {
        guard kind == .postgres else { return }
        try await db.raw("SELECT id FROM users WHERE id = \(bind: user.description) FOR UPDATE").run()
    }

    /// How many customers `user` claimed from any pool since `since`.
    func claimCount(by user: UserID, since: Date) async throws -> Int {
        let row = try await db.raw("""
            SELECT COUNT(*) AS n FROM pool_events WHERE actor_id = \(bind: user.description) AND kind = 'claimed'
            AND at >= \(bind: StoredTime.encode(since))
            """).first()
        return try row?.int("n") ?? 0
    }

    /// How many live customers `user` owns; with `countClosed` false, won customers and customers
    /// with an order that is not cancelled (`has_orders`) are left out. Counted on the
    /// `customers_owner_holding` index alone.
    func holdingCount(of user: UserID, countClosed: Bool) async throws -> Int {
        var sql: SQLQueryString = """
            SELECT COUNT(*) AS n FROM customers c WHERE c.owner_id = \(bind: user.description) AND c.deleted_at IS NULL
            """
        if !countClosed {
            sql += " AND c.status <> 'won' AND c.has_orders = 0"
        }
        let row = try await db.raw(sql).first()
        return try row?.int("n") ?? 0
    }

    /// How many customers `user` has locked against recycling.
    func lockCount(by user: UserID) async throws -> Int {
        let row = try await db.raw("SELECT COUNT(*) AS n FROM customer_pool WHERE locked_by = \(bind: user.description)").first()
        return try row?.int("n") ?? 0
    }

    func insertPoolEvent(_ e: PoolEvent) async throws {
        try await db.raw("""
            INSERT INTO pool_events (id, customer_id, pool_id, kind, actor_id, owner_id, previous_owner_id, reason, at)
            VALUES (\(bind: e.id.description), \(bind: e.customerID.description), \(bind: e.poolID?.description),
            \(bind: e.kind.rawValue), \(bind: e.actorID?.description), \(bind: e.ownerID?.description),
            \(bind: e.previousOwnerID?.description), \(bind: e.reason), \(bind: StoredTime.encode(e.at)))
            """).run()
    }

    /// A customer's pool history, newest first.
    func poolEvents(of customer: CustomerID, limit: Int, cursor: PageCursor?) async throws -> Page<PoolEvent> {
        var sql: SQLQueryString = """
            SELECT id, customer_id, pool_id, kind, actor_id, owner_id, previous_owner_id, reason, at FROM pool_events
            WHERE customer_id = \(bind: customer.description)
            """
        if let cursor, let at = Int64(cursor.value) {
            sql += " AND (at < \(bind: at) OR (at = \(bind: at) AND id < \(bind: cursor.id)))"
        }
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        sql += " ORDER BY at DESC, id DESC LIMIT \(literal: limit + 1)"
        var items = try await db.raw(sql).all().map { row in
            PoolEvent(id: try row.id("id"), customerID: try row.id("customer_id"), poolID: try row.optionalID("pool_id"),
                      kind: try row.enumValue("kind"), actorID: try row.optionalID("actor_id"),
                      ownerID: try row.optionalID("owner_id"), previousOwnerID: try row.optionalID("previous_owner_id"),
                      reason: try row.text("reason"), at: try row.date("at"))
        }
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last { next = PageCursor(value: String(StoredTime.encode(last.at)), id: last.id.description).token }
        }
        return Page(items: items, nextCursor: next)
    }
}

extension StoreSession {
    /// A customer that got an owner (created, imported or reassigned) leaves the pool: its row,
    /// if it has one, records when the owner took it and drops any lock.
    func markPoolOwned(_ customer: CustomerID, at: Date, reason: String) async throws {
        try await db.raw("""
            UPDATE customer_pool SET entered_at = NULL, owned_since = \(bind: StoredTime.encode(at)), locked_at = NULL,
            locked_by = NULL, reason = \(bind: reason) WHERE customer_id = \(bind: customer.description)
            """).run()
    }

    /// The unowned live customers among `ids` that have no pool row enter the default pool at `at`.
    func enterDefaultPool(_ ids: [CustomerID], at: Date) async throws {
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(ids.count, start + 500)].map(\.description)
            start += 500
            try await db.raw("""
                INSERT INTO customer_pool (customer_id, pool_id, entered_at, owned_since, locked_at, locked_by,
                previous_owner_id, left_owner_at, reason)
                SELECT id, \(bind: Migrations.defaultPoolID), \(bind: StoredTime.encode(at)), NULL, NULL, NULL, NULL, NULL, 'created'
                FROM customers WHERE id IN (\(binds: chunk)) AND owner_id IS NULL AND deleted_at IS NULL
                ON CONFLICT (customer_id) DO NOTHING
                """).run()
        }
    }
}

/// The pool (公海) is shared by everyone: unowned, live customers can be listed (basic fields only)
/// and claimed by anyone signed in. Everything else about a customer stays behind the scope.
extension ScopedSession {
    /// The customer if it is inside the scope, or unowned and live (in the pool); `notFound` otherwise,
    /// as for one that does not exist — an owned customer outside the scope is not even acknowledged.
    @discardableResult
    public func requirePoolCustomer(_ id: CustomerID) async throws -> Customer {
        if let visible = try await customer(id) { return visible }
        guard let pooled = try await raw.customer(id, scope: .all), pooled.ownerID == nil, pooled.deletedAt == nil else {
            throw StoreError.notFound
        }
        return pooled
    }

    /// A customer's pool row (the customer must be visible or in the pool); nil when it has none.
    public func poolMembership(of customer: CustomerID) async throws -> PoolMembership? {
        try await requirePoolCustomer(customer)
        return try await raw.poolMembership(of: customer)
    }

    /// Writes a customer's pool row whole (the customer must be visible or in the pool).
    public func savePoolMembership(_ m: PoolMembership) async throws {
        try await requirePoolCustomer(m.customerID)
        try await raw.savePoolMembership(m)
    }

    /// The customers in a pool now, newest arrivals first, with the fields anyone may see.
    public func poolMembers(_ pool: PoolID, limit: Int, cursor: PageCursor?) async throws -> Page<PoolMember> {
        try await raw.poolMembers(pool, limit: limit, cursor: cursor)
    }

    /// Takes an unowned, live customer for `owner` (the acting user, or someone inside the scope:
    /// an assignment): one guarded UPDATE, so of two concurrent claims one wins. `true` when this call won.
    public func claimCustomer(_ id: CustomerID, owner: UserID, team: TeamID?, at: Date) async throws -> Bool {
        guard owner == actorID || scope.contains(owner: owner, team: team) else { throw StoreError.invalidReference(field: "userID") }
        try await check([.user(owner, field: "userID")], customer: id)
        return try await raw.claimCustomer(id, owner: owner, team: team, at: at)
    }

    /// Gives a visible customer back to the pool if `owner` still owns it; `true` when it did.
    public func unownCustomer(_ id: CustomerID, owner: UserID, at: Date) async throws -> Bool {
        try await requireCustomer(id, live: true)
        return try await raw.unownCustomer(id, owner: owner, at: at)
    }

    /// Serialises one user's claims (locks the user's row on PostgreSQL until the transaction ends).
    public func lockUserForClaims(_ user: UserID) async throws {
        try await raw.lockUserForClaims(user)
    }

    /// How many customers `user` claimed from any pool since `since`.
    public func claimCount(by user: UserID, since: Date) async throws -> Int {
        try await raw.claimCount(by: user, since: since)
    }

    /// How many live customers `user` owns (closed ones left out unless `countClosed`).
    public func holdingCount(of user: UserID, countClosed: Bool) async throws -> Int {
        try await raw.holdingCount(of: user, countClosed: countClosed)
    }

    /// How many customers `user` has locked against recycling.
    public func lockCount(by user: UserID) async throws -> Int {
        try await raw.lockCount(by: user)
    }

    /// Records a pool event of a customer that is visible or in the pool.
    public func insertPoolEvent(_ e: PoolEvent) async throws {
        try await requirePoolCustomer(e.customerID)
        try await raw.insertPoolEvent(e)
    }

    /// A visible customer's pool history, newest first, keyset-paged on (at, id).
    public func poolEvents(of customer: CustomerID, limit: Int, cursor: PageCursor?) async throws -> Page<PoolEvent> {
        try await requireCustomer(customer, live: false)
        return try await raw.poolEvents(of: customer, limit: limit, cursor: cursor)
    }

    /// A visible customer that got an owner leaves the pool: its row records when and drops any lock.
    public func markPoolOwned(_ customer: CustomerID, at: Date, reason: String) async throws {
        try await requireCustomer(customer, live: false)
        try await raw.markPoolOwned(customer, at: at, reason: reason)
    }

    /// The unowned live customers among `ids` without a pool row enter the default pool at `at`.
    public func enterDefaultPool(_ ids: [CustomerID], at: Date) async throws {
        try await raw.enterDefaultPool(ids, at: at)
    }
}
