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
    func dealsWithContacts(_ rows: [any SQLRow]) async throws -> [Deal] {
        var deals = try rows.map(Self.decodeDeal)
        guard !deals.isEmpty else { return deals }
        let contacts = try await dealContacts(deals.map(\.id))
        for i in deals.indices { deals[i].contactIDs = contacts[deals[i].id] ?? [] }
        return deals
    }

    /// The key persons of the given deals.
    func dealContacts(_ ids: [DealID]) async throws -> [DealID: [ContactID]] {
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

    /// Saves every field of a deal (and its key persons when they changed) if its version is still `expectedVersion`.
    func replaceDealContacts(_ id: DealID, _ contacts: [ContactID]) async throws {
        try await db.raw("DELETE FROM deal_contacts WHERE deal_id = \(bind: id.description)").run()
        for contact in contacts {
            try await db.raw("""
                INSERT INTO deal_contacts (deal_id, contact_id) VALUES (\(bind: id.description), \(bind: contact.description))
                """).run()
        }
    }

    /// A customer's live deals: open ones first (by stage order), then closed ones, newest first.
    func deals(of customer: CustomerID, scope: AccessScope, limit: Int = 200) async throws -> [Deal] {
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: Self.dealColumns) FROM deals d JOIN deal_stages s ON s.id = d.stage_id
            JOIN customers c ON c.id = d.customer_id AND \(Self.scopeClause(scope))
            WHERE d.customer_id = \(bind: customer.description) AND d.deleted_at IS NULL
            ORDER BY CASE WHEN d.state = 'open' THEN 0 ELSE 1 END, CASE WHEN d.state = 'open' THEN s.position ELSE 0 END,
            d.updated_at DESC, d.id LIMIT \(literal: limit)
            """).all()
        return try await dealsWithContacts(rows)
    }

    /// Deals inside the scope, filtered; newest first, keyset-paged on (created_at, id).
    func deals(_ filter: DealFilter, scope: AccessScope, limit: Int, cursor: PageCursor?) async throws -> Page<Deal> {
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: Self.dealColumns) \(Self.dealSource(scope))
            d.deleted_at IS NULL AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            """
        sql += Self.dealFilterClause(filter)
        let keyset = NewestFirst(time: "d.created_at", id: "d.id", limit: limit)
        if let cursor, let after = keyset.after(cursor) { sql += after }
        sql += keyset.order
        return keyset.page(try await dealsWithContacts(try await db.raw(sql).all()), stamp: \.createdAt, key: \.id.description)
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
    func openDeals(in stages: [DealStageID], ownerID: UserID?, scope: AccessScope,
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
    func pipelineBoard(ownerID: UserID?, scope: AccessScope,
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
    func pipelineRows(ownerID: UserID?, scope: AccessScope) async throws -> [PipelineRow] {
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
    func transferOpenDeals(of customer: CustomerID, to owner: UserID, team: TeamID?, at: Date) async throws -> Int {
        try await db.raw("""
            UPDATE deals SET owner_id = \(bind: owner.description), team_id = \(bind: team?.description),
            updated_at = \(bind: StoredTime.encode(at)), version = version + 1
            WHERE customer_id = \(bind: customer.description) AND state = 'open' AND deleted_at IS NULL
            AND owner_id <> \(bind: owner.description) RETURNING id
            """).all().count
    }

    /// The live order a deal created, if any (orders link back through `deal_id`).
    func orderID(ofDeal deal: DealID) async throws -> OrderID? {
        try await db.raw("""
            SELECT id FROM orders WHERE deal_id = \(bind: deal.description) AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1
            """).first().map { try $0.id("id") }
    }

    func insertDealStageChange(_ change: DealStageChange) async throws {
        try await db.raw("""
            INSERT INTO deal_stage_changes (id, deal_id, from_stage_id, to_stage_id, user_id, at) VALUES (
            \(bind: change.id.description), \(bind: change.dealID.description), \(bind: change.fromStageID?.description),
            \(bind: change.toStageID.description), \(bind: change.userID?.description), \(bind: StoredTime.encode(change.at)))
            """).run()
    }

    /// A deal's stage moves, oldest first (callers check the deal is visible).
    func dealStageChanges(of deal: DealID) async throws -> [DealStageChange] {
        try await db.raw("""
            SELECT * FROM deal_stage_changes WHERE deal_id = \(bind: deal.description) ORDER BY at, id
            """).all().map { row in
            DealStageChange(id: try row.id("id"), dealID: try row.id("deal_id"), fromStageID: try row.optionalID("from_stage_id"),
                            toStageID: try row.id("to_stage_id"), userID: try row.optionalID("user_id"), at: try row.date("at"))
        }
    }

    /// People by type per owner among customers with a won deal and customers with a lost deal,
    /// inside the scope (team statistics: "types of won vs lost customers").
    func dealOutcomeMix(scope: AccessScope) async throws -> [DealOutcomeMixRow] {
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

extension ScopedSession {
    /// A visible customer's live deals: open ones first (by stage order), then closed ones, newest first.
    public func deals(of customer: CustomerID, limit: Int = 200) async throws -> [Deal] {
        try await raw.deals(of: customer, scope: scope, limit: limit)
    }

    /// Deals of customers inside the scope, filtered; newest first, keyset-paged on (created_at, id).
    public func deals(_ filter: DealFilter, limit: Int, cursor: PageCursor?) async throws -> Page<Deal> {
        try await raw.deals(filter, scope: scope, limit: limit, cursor: cursor)
    }

    /// The open deals of several stages inside the scope, at most `limit` per stage (kanban columns),
    /// each with its customer's name.
    public func openDeals(in stages: [DealStageID], ownerID: UserID?,
                          limit: Int) async throws -> (deals: [Deal], customerNames: [CustomerID: String]) {
        try await raw.openDeals(in: stages, ownerID: ownerID, scope: scope, limit: limit)
    }

    /// The kanban in one pass over the scope's open deals: totals per stage and currency, and the
    /// `limit` most recently changed deals per stage.
    public func pipelineBoard(ownerID: UserID?,
                              limit: Int) async throws -> (rows: [PipelineRow], deals: [Deal], customerNames: [CustomerID: String]) {
        try await raw.pipelineBoard(ownerID: ownerID, scope: scope, limit: limit)
    }

    /// Open deals inside the scope counted and summed per stage and currency.
    public func pipelineRows(ownerID: UserID?) async throws -> [PipelineRow] {
        try await raw.pipelineRows(ownerID: ownerID, scope: scope)
    }

    /// Gives a visible customer's open deals to its new owner (on reassignment); returns how many moved.
    public func transferOpenDeals(of customer: CustomerID, to owner: UserID, team: TeamID?, at: Date) async throws -> Int {
        try await requireCustomer(customer, live: false)
        return try await raw.transferOpenDeals(of: customer, to: owner, team: team, at: at)
    }

    /// The live order a visible deal created, if any.
    public func orderID(ofDeal deal: DealID) async throws -> OrderID? {
        guard try await record(Deal.self, deal) != nil else { throw StoreError.notFound }
        return try await raw.orderID(ofDeal: deal)
    }

    /// Records a stage move of a visible deal.
    public func insertDealStageChange(_ change: DealStageChange) async throws {
        guard try await record(Deal.self, change.dealID) != nil else { throw StoreError.notFound }
        try await raw.insertDealStageChange(change)
    }

    /// A visible deal's stage moves, oldest first.
    public func dealStageChanges(of deal: DealID) async throws -> [DealStageChange] {
        guard try await record(Deal.self, deal) != nil else { throw StoreError.notFound }
        return try await raw.dealStageChanges(of: deal)
    }

    /// People by type per owner among customers with a won and with a lost deal, inside the scope.
    public func dealOutcomeMix() async throws -> [DealOutcomeMixRow] {
        try await raw.dealOutcomeMix(scope: scope)
    }
}

extension Deal: StoredRecord, ScopedRecord {
    public static let table = RecordTable<Deal>(
        "deals", alias: "d",
        columns: [
            .init("id") { $0.id.description }, .init("customer_id") { $0.customerID.description }, .init("title") { $0.title },
            .init("owner_id") { $0.ownerID.description }, .init("team_id") { $0.teamID?.description },
            .init("stage_id") { $0.stageID.description }, .init("state") { $0.state.rawValue }, .init("amount") { $0.amount },
            .init("currency") { $0.currency }, .init("expected_close_on") { $0.expectedCloseOn?.description },
            .init("next_step") { $0.nextStep }, .init("close_reason") { $0.closeReason },
            .init("closed_on") { $0.closedOn?.description }, .init("order_id") { $0.orderID?.description },
            .init("stage_changed_at") { StoredTime.encode($0.stageChangedAt) },
            .init("created_at") { StoredTime.encode($0.createdAt) }, .init("updated_at") { StoredTime.encode($0.updatedAt) },
            .init("deleted_at") { StoredTime.encode($0.deletedAt) }, .init("version") { Int64($0.version) },
        ],
        selectList: StoreSession.dealColumns, decode: StoreSession.decodeDeal,
        afterWrite: { session, deal in try await session.replaceDealContacts(deal.id, deal.contactIDs) },
        complete: { session, deal in
            var full = deal
            full.contactIDs = try await session.dealContacts([deal.id])[deal.id] ?? []
            return full
        })
}
