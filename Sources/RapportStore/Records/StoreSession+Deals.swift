import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static let dealColumns = """
        d.id, d.customer_id, d.title, d.owner_id, d.team_id, d.stage_id, d.state, d.amount, d.currency,
        d.expected_close_on, d.next_step, d.close_reason, d.closed_on, d.order_id, d.stage_changed_at, d.created_at,
        d.updated_at, d.deleted_at, d.version
        """

    static func decodeDeal(_ row: any SQLRow) throws -> Deal {
        let close = try row.optionalText("expected_close_on").flatMap(CalendarDate.init(parsing:))
        let closed = try row.optionalText("closed_on").flatMap(CalendarDate.init(parsing:))
        return Deal(
            id: try row.id("id"), customerID: try row.id("customer_id"), title: try row.text("title"),
            ownerID: try row.id("owner_id"), teamID: try row.optionalID("team_id"), stageID: try row.id("stage_id"),
            state: try row.enumValue("state"), amount: Int64(try row.int("amount")), currency: try row.text("currency"),
            expectedCloseOn: close, nextStep: try row.text("next_step"), closeReason: try row.text("close_reason"),
            closedOn: closed, orderID: try row.optionalID("order_id"), stageChangedAt: try row.date("stage_changed_at"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    /// Decodes deal rows and fills in their key persons (one more query).
    private func dealsWithContacts(_ rows: [any SQLRow]) async throws -> [Deal] {
        var deals = try rows.map(Self.decodeDeal)
        guard !deals.isEmpty else { return deals }
        let contacts = try await dealContacts(deals.map(\.id))
        for i in deals.indices { deals[i].contactIDs = contacts[deals[i].id] ?? [] }
        return deals
    }

    /// The key persons of the given deals.
    public func dealContacts(_ ids: [DealID]) async throws -> [DealID: [ContactID]] {
        var result: [DealID: [ContactID]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let rows = try await db.raw("""
                SELECT deal_id, contact_id FROM deal_contacts WHERE deal_id IN (\(binds: chunk.map(\.description)))
                ORDER BY deal_id, contact_id
                """).all()
            for row in rows { result[try row.id("deal_id"), default: []].append(try row.id("contact_id")) }
        }
        return result
    }

    public func insertDeal(_ d: Deal) async throws {
        try await db.raw("""
            INSERT INTO deals (id, customer_id, title, owner_id, team_id, stage_id, state, amount, currency,
            expected_close_on, next_step, close_reason, closed_on, order_id, stage_changed_at, created_at, updated_at,
            deleted_at, version) VALUES (
            \(bind: d.id.description), \(bind: d.customerID.description), \(bind: d.title), \(bind: d.ownerID.description),
            \(bind: d.teamID?.description), \(bind: d.stageID.description), \(bind: d.state.rawValue), \(bind: d.amount),
            \(bind: d.currency), \(bind: d.expectedCloseOn?.description), \(bind: d.nextStep), \(bind: d.closeReason),
            \(bind: d.closedOn?.description), \(bind: d.orderID?.description), \(bind: StoredTime.encode(d.stageChangedAt)),
            \(bind: StoredTime.encode(d.createdAt)), \(bind: StoredTime.encode(d.updatedAt)),
            \(bind: StoredTime.encode(d.deletedAt)), \(bind: Int64(d.version)))
            """).run()
        try await replaceDealContacts(d.id, d.contactIDs)
    }

    /// Saves every field of a deal (and its key persons when they changed) if its version is still `expectedVersion`.
    public func updateDeal(_ d: Deal, expectedVersion: Int, contactsChanged: Bool) async throws {
        let rows = try await db.raw("""
            UPDATE deals SET title = \(bind: d.title), owner_id = \(bind: d.ownerID.description),
            team_id = \(bind: d.teamID?.description), stage_id = \(bind: d.stageID.description), state = \(bind: d.state.rawValue),
            amount = \(bind: d.amount), currency = \(bind: d.currency), expected_close_on = \(bind: d.expectedCloseOn?.description),
            next_step = \(bind: d.nextStep), close_reason = \(bind: d.closeReason), closed_on = \(bind: d.closedOn?.description),
            order_id = \(bind: d.orderID?.description), stage_changed_at = \(bind: StoredTime.encode(d.stageChangedAt)),
            updated_at = \(bind: StoredTime.encode(d.updatedAt)), deleted_at = \(bind: StoredTime.encode(d.deletedAt)),
            version = \(bind: Int64(d.version))
            WHERE id = \(bind: d.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await versionFailure(table: "deals", id: d.id.description) }
        if contactsChanged { try await replaceDealContacts(d.id, d.contactIDs) }
    }

    private func replaceDealContacts(_ id: DealID, _ contacts: [ContactID]) async throws {
        try await db.raw("DELETE FROM deal_contacts WHERE deal_id = \(bind: id.description)").run()
        for contact in contacts {
            try await db.raw("""
                INSERT INTO deal_contacts (deal_id, contact_id) VALUES (\(bind: id.description), \(bind: contact.description))
                """).run()
        }
    }

    /// One deal whose customer is inside the scope (deleted ones included, for restore).
    public func deal(_ id: DealID, scope: AccessScope) async throws -> Deal? {
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: Self.dealColumns) FROM deals d JOIN customers c ON c.id = d.customer_id
            WHERE d.id = \(bind: id.description) AND \(Self.scopeClause(scope))
            """).all()
        return try await dealsWithContacts(rows).first
    }

    /// A customer's live deals: open ones first (by stage order), then closed ones, newest first.
    public func deals(of customer: CustomerID, limit: Int = 200) async throws -> [Deal] {
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: Self.dealColumns) FROM deals d JOIN deal_stages s ON s.id = d.stage_id
            WHERE d.customer_id = \(bind: customer.description) AND d.deleted_at IS NULL
            ORDER BY CASE WHEN d.state = 'open' THEN 0 ELSE 1 END, CASE WHEN d.state = 'open' THEN s.position ELSE 0 END,
            d.updated_at DESC, d.id LIMIT \(literal: limit)
            """).all()
        return try await dealsWithContacts(rows)
    }

    /// Deals inside the scope, filtered; newest first, keyset-paged on (created_at, id).
    public func deals(_ filter: DealFilter, scope: AccessScope, limit: Int, cursor: PageCursor?) async throws -> Page<Deal> {
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: Self.dealColumns) \(Self.dealSource(scope))
            d.deleted_at IS NULL AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            """
        sql += Self.dealFilterClause(filter)
        if let cursor, let millis = Int64(cursor.value) {
            sql += " AND (d.created_at < \(bind: millis) OR (d.created_at = \(bind: millis) AND d.id < \(bind: cursor.id)))"
        }
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        sql += " ORDER BY d.created_at DESC, d.id DESC LIMIT \(literal: limit + 1)"
        var items = try await dealsWithContacts(try await db.raw(sql).all())
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last {
                next = PageCursor(value: String(StoredTime.encode(last.createdAt)), id: last.id.description).token
            }
        }
        return Page(items: items, nextCursor: next)
    }

    /// `FROM … WHERE ` joining deals to their customers, ready for more conditions. Inside a rep's or
    /// a team's scope SQLite must start from the customers index (owner or team): `CROSS JOIN` fixes
    /// that order (without statistics it would walk every open deal by state instead: seconds at 1M
    /// customers); PostgreSQL reads it as a plain join. Everything starts from the deals.
    /// Where a deals query starts: from the deals when every customer is in scope or one owner's
    /// deals are asked for (each then checked through its customer), else from the scope's customers.
    static func dealSource(_ scope: AccessScope, ownerID: UserID? = nil) -> SQLQueryString {
        if scope == .all { return "FROM deals d JOIN customers c ON c.id = d.customer_id WHERE " }
        if ownerID != nil { return "FROM deals d CROSS JOIN customers c WHERE c.id = d.customer_id AND " }
        return "FROM customers c CROSS JOIN deals d WHERE d.customer_id = c.id AND "
    }

    static func dealFilterClause(_ filter: DealFilter) -> SQLQueryString {
        var sql: SQLQueryString = ""
        if let owner = filter.ownerID { sql += " AND d.owner_id = \(bind: owner.description)" }
        if let stage = filter.stageID { sql += " AND d.stage_id = \(bind: stage.description)" }
        if let state = filter.state { sql += " AND d.state = \(bind: state.rawValue)" }
        if let customer = filter.customerID { sql += " AND d.customer_id = \(bind: customer.description)" }
        if let from = filter.closeFrom { sql += " AND d.expected_close_on >= \(bind: from.description)" }
        if let to = filter.closeTo { sql += " AND d.expected_close_on <= \(bind: to.description)" }
        return sql
    }

    /// The open deals of several stages inside the scope, each stage's most recently changed first, at
    /// most `limit` per stage (kanban columns), in one statement: one `LIMIT`ed branch per stage glued
    /// with `UNION ALL`. `ownerID` narrows to one owner's deals.
    /// Each deal comes with its customer's name (`customerNames`, by customer id).
    public func openDeals(in stages: [DealStageID], ownerID: UserID?, scope: AccessScope,
                          limit: Int) async throws -> (deals: [Deal], customerNames: [CustomerID: String]) {
        guard !stages.isEmpty, limit > 0 else { return ([], [:]) }
        var sql: SQLQueryString = ""
        for (index, stage) in stages.enumerated() {
            var branch: SQLQueryString = """
                SELECT \(unsafeRaw: Self.dealColumns), c.name AS customer_name, \(literal: index) AS column_index
                \(Self.dealSource(scope, ownerID: ownerID))
                d.state = 'open' AND d.stage_id = \(bind: stage.description) AND d.deleted_at IS NULL
                AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
                """
            if let ownerID { branch += " AND d.owner_id = \(bind: ownerID.description)" }
            branch += " ORDER BY d.updated_at DESC, d.id LIMIT \(literal: limit)"
            if index > 0 { sql += " UNION ALL " }
            sql += "SELECT * FROM (\(branch)) s\(unsafeRaw: String(index))"
        }
        sql += " ORDER BY column_index, updated_at DESC, id"
        let rows = try await db.raw(sql).all()
        return (try await dealsWithContacts(rows), try Self.customerNames(of: rows))
    }

    /// The `customer_name` column of deal rows, by customer id.
    private static func customerNames(of rows: [any SQLRow]) throws -> [CustomerID: String] {
        var names: [CustomerID: String] = [:]
        for row in rows { names[try row.id("customer_id")] = try row.text("customer_name") }
        return names
    }

    /// The kanban in one pass over the scope's open deals: the per-stage-and-currency totals and,
    /// per stage, the `limit` most recently changed deals (window functions, both engines). Meant
    /// for scopes bounded by a rep's or a team's book; for everything use `pipelineRows` and
    /// `openDeals(in:)`, which read the state index in order.
    public func pipelineBoard(ownerID: UserID?, scope: AccessScope,
                              limit: Int) async throws -> (rows: [PipelineRow], deals: [Deal], customerNames: [CustomerID: String]) {
        var inner: SQLQueryString = """
            SELECT \(unsafeRaw: Self.dealColumns), c.name AS customer_name,
            ROW_NUMBER() OVER (PARTITION BY d.stage_id ORDER BY d.updated_at DESC, d.id) AS rn,
            ROW_NUMBER() OVER (PARTITION BY d.stage_id, d.currency ORDER BY d.id) AS rc,
            COUNT(*) OVER (PARTITION BY d.stage_id, d.currency) AS n,
            CAST(SUM(d.amount) OVER (PARTITION BY d.stage_id, d.currency) AS BIGINT) AS total
            \(Self.dealSource(scope))
            d.state = 'open' AND d.deleted_at IS NULL AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            """
        if let ownerID { inner += " AND d.owner_id = \(bind: ownerID.description)" }
        let sql: SQLQueryString = """
            SELECT * FROM (\(inner)) t WHERE t.rn <= \(literal: max(0, limit)) OR t.rc = 1 ORDER BY t.stage_id, t.rn
            """
        var rows: [PipelineRow] = []
        var shown: [any SQLRow] = []
        for row in try await db.raw(sql).all() {
            if try row.int("rc") == 1 {
                rows.append(PipelineRow(stageID: try row.id("stage_id"), currency: try row.text("currency"),
                                        count: try row.int("n"), amount: try row.decode(column: "total", as: Int64.self)))
            }
            if try row.int("rn") <= limit { shown.append(row) }
        }
        return (rows, try await dealsWithContacts(shown), try Self.customerNames(of: shown))
    }

    /// Open deals inside the scope counted and summed per stage and currency (the pipeline summary).
    public func pipelineRows(ownerID: UserID?, scope: AccessScope) async throws -> [PipelineRow] {
        var sql: SQLQueryString = """
            SELECT d.stage_id, d.currency, COUNT(*) AS n, CAST(COALESCE(SUM(d.amount), 0) AS BIGINT) AS total
            \(Self.dealSource(scope, ownerID: ownerID))
            d.state = 'open' AND d.deleted_at IS NULL AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            """
        if let ownerID { sql += " AND d.owner_id = \(bind: ownerID.description)" }
        sql += " GROUP BY d.stage_id, d.currency"
        return try await db.raw(sql).all().map { row in
            PipelineRow(stageID: try row.id("stage_id"), currency: try row.text("currency"), count: try row.int("n"),
                        amount: try row.decode(column: "total", as: Int64.self))
        }
    }

    /// Gives a customer's open deals to its new owner (on reassignment, beside
    /// `transferOpenCommitments`); returns how many moved. Closed deals keep the owner who closed them.
    public func transferOpenDeals(of customer: CustomerID, to owner: UserID, team: TeamID?, at: Date) async throws -> Int {
        try await db.raw("""
            UPDATE deals SET owner_id = \(bind: owner.description), team_id = \(bind: team?.description),
            updated_at = \(bind: StoredTime.encode(at)), version = version + 1
            WHERE customer_id = \(bind: customer.description) AND state = 'open' AND deleted_at IS NULL
            AND owner_id <> \(bind: owner.description) RETURNING id
            """).all().count
    }

    /// The live order a deal created, if any (orders link back through `deal_id`).
    public func orderID(ofDeal deal: DealID) async throws -> OrderID? {
        try await db.raw("""
            SELECT id FROM orders WHERE deal_id = \(bind: deal.description) AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1
            """).first().map { try $0.id("id") }
    }

    public func insertDealStageChange(_ change: DealStageChange) async throws {
        try await db.raw("""
            INSERT INTO deal_stage_changes (id, deal_id, from_stage_id, to_stage_id, user_id, at) VALUES (
            \(bind: change.id.description), \(bind: change.dealID.description), \(bind: change.fromStageID?.description),
            \(bind: change.toStageID.description), \(bind: change.userID?.description), \(bind: StoredTime.encode(change.at)))
            """).run()
    }

    /// A deal's stage moves, oldest first.
    public func dealStageChanges(of deal: DealID) async throws -> [DealStageChange] {
        try await db.raw("""
            SELECT * FROM deal_stage_changes WHERE deal_id = \(bind: deal.description) ORDER BY at, id
            """).all().map { row in
            DealStageChange(id: try row.id("id"), dealID: try row.id("deal_id"), fromStageID: try row.optionalID("from_stage_id"),
                            toStageID: try row.id("to_stage_id"), userID: try row.optionalID("user_id"), at: try row.date("at"))
        }
    }

    /// People by type per owner among customers with a won deal and customers with a lost deal,
    /// inside the scope (team statistics: "types of won vs lost customers").
    public func dealOutcomeMix(scope: AccessScope) async throws -> [DealOutcomeMixRow] {
        try await db.raw("""
            SELECT o.owner_id, o.state, p.temperament, p.buyer_type, COUNT(*) AS n
            FROM (SELECT DISTINCT c.owner_id, d.customer_id, d.state \(Self.dealSource(scope))
                  d.state IN ('won', 'lost') AND d.deleted_at IS NULL AND c.deleted_at IS NULL AND c.owner_id IS NOT NULL
                  AND \(Self.scopeClause(scope))) o
            JOIN personalities p ON p.customer_id = o.customer_id
            WHERE p.temperament IS NOT NULL OR p.buyer_type IS NOT NULL
            GROUP BY o.owner_id, o.state, p.temperament, p.buyer_type
            """).all().map { row in
            DealOutcomeMixRow(ownerID: try row.id("owner_id"), outcome: try row.enumValue("state"),
                              temperament: try row.optionalEnum("temperament"), buyerType: try row.optionalEnum("buyer_type"),
                              count: try row.int("n"))
        }
    }
}
