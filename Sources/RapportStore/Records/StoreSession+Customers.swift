import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static let customerColumns = """
        c.id, c.name, c.kind, c.size, c.industry, c.region, c.source, c.owner_id, c.team_id, c.tags, c.status,
        c.phone, c.email, c.registration_number, c.website, c.address, c.profile, c.custom, c.created_at,
        c.updated_at, c.deleted_at, c.version
        """

    static func decodeCustomer(_ row: any SQLRow) throws -> Customer {
        Customer(
            id: try row.id("id"), name: try row.text("name"), kind: try row.enumValue("kind"),
            size: try row.optionalEnum("size"), industry: try row.text("industry"), region: try row.text("region"),
            source: try row.text("source"), ownerID: try row.optionalID("owner_id"), teamID: try row.optionalID("team_id"),
            tags: try row.text("tags").split(separator: "|").map(String.init), status: try row.enumValue("status"),
            phone: try row.text("phone"), email: try row.text("email"),
            registrationNumber: try row.text("registration_number"), website: try row.text("website"),
            address: try row.text("address"),
            profile: try StoredJSON.decode(CustomerProfile.self, try row.text("profile"), column: "profile"),
            custom: try StoredJSON.decode([String: CustomValue].self, try row.text("custom"), column: "custom"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    /// The `WHERE` fragment that keeps a query inside an access scope.
    static func scopeClause(_ scope: AccessScope, alias: String = "c") -> SQLQueryString {
        switch scope {
        case .all:
            return "1 = 1"
        case .owner(let user):
            return "\(unsafeRaw: alias).owner_id = \(bind: user.description)"
        case .teams(let me, let teams):
            if teams.isEmpty { return "\(unsafeRaw: alias).owner_id = \(bind: me.description)" }
            return "(\(unsafeRaw: alias).owner_id = \(bind: me.description) OR \(unsafeRaw: alias).team_id IN (\(binds: teams.map(\.description))))"
        }
    }

    private static func tagsText(_ tags: [String]) -> String {
        tags.isEmpty ? "" : "|" + tags.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: "|") + "|"
    }

    static let insertColumns = """
        INSERT INTO customers (id, name, name_key, name_sort, kind, size, industry, region, source, owner_id, team_id, tags,
        status, phone, phone_key, email, email_key, registration_number, registration_key, website, address,
        profile, custom, search_text, created_at, updated_at, deleted_at, version) VALUES
        """

    /// The bound values of one new customer row, in `insertColumns` order.
    private static func insertValues(_ c: Customer, search: String) throws -> SQLQueryString {
        let keys = DuplicateKeys(name: c.name, phone: c.phone, email: c.email, registrationNumber: c.registrationNumber)
        return """
            (\(bind: c.id.description), \(bind: c.name), \(bind: keys.name), \(bind: Pinyin.sortKey(c.name)),
            \(bind: c.kind.rawValue), \(bind: c.size?.rawValue),
            \(bind: c.industry), \(bind: c.region), \(bind: c.source), \(bind: c.ownerID?.description),
            \(bind: c.teamID?.description), \(bind: Self.tagsText(c.tags)), \(bind: c.status.rawValue), \(bind: c.phone),
            \(bind: keys.phone), \(bind: c.email), \(bind: keys.email), \(bind: c.registrationNumber),
            \(bind: keys.registrationNumber), \(bind: c.website), \(bind: c.address), \(bind: StoredJSON.encode(c.profile)),
            \(bind: c.custom.isEmpty ? "{}" : try StoredJSON.encode(c.custom)), \(bind: search), \(bind: StoredTime.encode(c.createdAt)),
            \(bind: StoredTime.encode(c.updatedAt)), \(bind: StoredTime.encode(c.deletedAt)), \(bind: Int64(c.version)))
            """
    }

    /// Inserts one new customer (it has no key persons yet) with its search document.
    func insertCustomer(_ c: Customer) async throws {
        try await run(try Self.prepareInserts([c], kind: kind))
    }

    /// Inserts new customers with multi-row statements (imports), search documents included.
    func insertCustomers(_ batch: [Customer]) async throws {
        try await run(try Self.prepareInserts(batch, kind: kind))
    }

    /// Builds the statements that insert new customers (normalising, cutting grams, encoding JSON)
    /// without touching the database, so an import can prepare a batch while another is written.
    static func prepareInserts(_ batch: [Customer], kind: EngineKind) throws -> PreparedInserts {
        var statements: [SQLQueryString] = []
        var start = 0
        while start < batch.count {
            let chunk = batch[start..<min(batch.count, start + 500)]
            start += 500
            let documents = chunk.map { SearchText.documents(for: [$0.name, $0.phone, $0.email]) }
            var sql = SQLQueryString(Self.insertColumns)
            sql += try zip(chunk, documents).map { try Self.insertValues($0, search: $1.plain) }.joined(separator: ", ")
            statements.append(sql)
            if kind == .sqlite {
                // New rows only: their gram documents go in by joining on the ids just written.
                var fts: SQLQueryString = "INSERT INTO customer_search (rowid, grams) SELECT c.rowid, v.column2 FROM (VALUES "
                fts += zip(chunk, documents).map { c, document -> SQLQueryString in
                    "(\(bind: c.id.description), \(bind: document.grams))"
                }.joined(separator: ", ")
                fts += ") AS v JOIN customers c ON c.id = v.column1"
                statements.append(fts)
            }
        }
        return PreparedInserts(statements: statements, kind: kind, customers: batch)
    }

    /// Runs prepared inserts (they must have been prepared for this engine).
    func run(_ prepared: PreparedInserts) async throws {
        precondition(prepared.kind == kind, "inserts prepared for another engine")
        for statement in prepared.statements { try await db.raw(statement).run() }
        try await tallyNewCustomers(prepared.customers)
    }

    /// Which of the given duplicate keys already belong to live customers, as `n:`/`p:`/`e:`/`r:`-prefixed keys.
    func existingDuplicateKeys(_ keys: [DuplicateKeys]) async throws -> Set<String> {
        var found = Set<String>()
        let groups: [(String, String, [String])] = [
            ("n", "name_key", keys.map(\.name)), ("p", "phone_key", keys.map(\.phone)),
            ("e", "email_key", keys.map(\.email)), ("r", "registration_key", keys.map(\.registrationNumber)),
        ]
        for (prefix, column, values) in groups {
            let wanted = Array(Set(values.filter { !$0.isEmpty }))
            var start = 0
            while start < wanted.count {
                let chunk = Array(wanted[start..<min(wanted.count, start + 500)])
                start += 500
                let rows = try await db.raw("""
                    SELECT DISTINCT \(ident: column) AS k FROM customers WHERE deleted_at IS NULL AND \(ident: column) IN (\(binds: chunk))
                    """).all()
                for row in rows { found.insert(prefix + ":" + (try row.text("k"))) }
            }
        }
        return found
    }

    /// Saves a changed customer if the stored version is still `expectedVersion` and the stored row
    /// passes `guardClause` (the writer's scope, on the row as it was); bumps nothing itself (the
    /// caller sets `version`).
    func updateCustomer(_ c: Customer, expectedVersion: Int, guardClause: SQLQueryString = "1 = 1") async throws {
        try await keepingTallies(.ids([c.id])) {
            try await writeCustomer(c, expectedVersion: expectedVersion, guardClause: guardClause)
        }
    }

    private func writeCustomer(_ c: Customer, expectedVersion: Int, guardClause: SQLQueryString) async throws {
        let keys = DuplicateKeys(name: c.name, phone: c.phone, email: c.email, registrationNumber: c.registrationNumber)
        let rows = try await db.raw("""
            UPDATE customers SET name = \(bind: c.name), name_key = \(bind: keys.name), name_sort = \(bind: Pinyin.sortKey(c.name)),
            kind = \(bind: c.kind.rawValue),
            size = \(bind: c.size?.rawValue), industry = \(bind: c.industry), region = \(bind: c.region),
            source = \(bind: c.source), owner_id = \(bind: c.ownerID?.description), team_id = \(bind: c.teamID?.description),
            tags = \(bind: Self.tagsText(c.tags)), status = \(bind: c.status.rawValue), phone = \(bind: c.phone),
            phone_key = \(bind: keys.phone), email = \(bind: c.email), email_key = \(bind: keys.email),
            registration_number = \(bind: c.registrationNumber), registration_key = \(bind: keys.registrationNumber),
            website = \(bind: c.website), address = \(bind: c.address), profile = \(bind: StoredJSON.encode(c.profile)),
            custom = \(bind: try StoredJSON.encode(c.custom)), updated_at = \(bind: StoredTime.encode(c.updatedAt)),
            deleted_at = \(bind: StoredTime.encode(c.deletedAt)), version = \(bind: Int64(c.version))
            WHERE id = \(bind: c.id.description) AND version = \(bind: Int64(expectedVersion)) AND \(guardClause) RETURNING id
            """).all()
        if rows.isEmpty { try await versionFailure(table: "customers", id: c.id.description) }
        try await refreshSearch(c.id)
    }

    /// One customer inside the scope (deleted ones too, so they can be restored), or `nil`.
    func customer(_ id: CustomerID, scope: AccessScope) async throws -> Customer? {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.customerColumns) FROM customers c
            WHERE c.id = \(bind: id.description) AND \(Self.scopeClause(scope))
            """).first().map(Self.decodeCustomer)
    }

    /// Stage, main key person and last touch of customers inside the scope, by id. The stage and
    /// the last touch are kept on the customer (`stage_rank`, `last_touch_at`).
    func customerListFacts(_ ids: [CustomerID], scope: AccessScope) async throws -> [CustomerID: CustomerListFacts] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT c.id, c.stage_rank, c.last_touch_at FROM customers c
            WHERE c.id IN (\(binds: ids.map(\.description))) AND \(Self.scopeClause(scope))
            """).all()
        let contacts = try await mainContacts(ids, scope: scope)
        var facts: [CustomerID: CustomerListFacts] = [:]
        for row in rows {
            let id: CustomerID = try row.id("id")
            facts[id] = try Self.listFacts(row, mainContact: contacts[id])
        }
        return facts
    }

    private static func listFacts(_ row: any SQLRow, mainContact: String?) throws -> CustomerListFacts {
        CustomerListFacts(stage: LifecycleStage(rank: try row.int("stage_rank")), mainContact: mainContact,
                          lastTouch: try row.int("last_touch_at") > 0 ? try row.date("last_touch_at") : nil)
    }

    /// The main key person of each customer inside the scope: highest influence, then the coach,
    /// then the first added. One pass over the customers' key persons, chosen here rather than
    /// by a sorted subquery per customer.
    private func mainContacts(_ ids: [CustomerID], scope: AccessScope) async throws -> [CustomerID: String] {
        var best: [CustomerID: (rank: (Int, Int, Int64, String), name: String)] = [:]
        for row in try await db.raw("""
            SELECT k.customer_id, k.id, k.name, k.influence, k.is_coach, k.created_at
            FROM contacts k JOIN customers c ON c.id = k.customer_id
            WHERE k.customer_id IN (\(binds: ids.map(\.description))) AND k.deleted_at IS NULL AND \(Self.scopeClause(scope))
            """).all() {
            let influence: Int = switch try row.optionalText("influence") {
            case "high": 0
            case "medium": 1
            case "low": 2
            default: 3
            }
            let rank = (influence, try row.int("is_coach") == 0 ? 1 : 0, Int64(try row.int("created_at")), try row.text("id"))
            let customer: CustomerID = try row.id("customer_id")
            if let current = best[customer], current.rank <= rank { continue }
            best[customer] = (rank, try row.text("name"))
        }
        return best.mapValues(\.name)
    }

    func liveCustomerIDs(_ ids: [CustomerID], scope: AccessScope) async throws -> Set<CustomerID> {
        var found = Set<CustomerID>()
        for chunk in ids.batches(of: 500) {
            for row in try await db.raw("""
                SELECT c.id FROM customers c WHERE c.id IN (\(binds: chunk.map(\.description))) AND c.deleted_at IS NULL
                AND \(Self.scopeClause(scope))
                """).all() {
                found.insert(try row.id("id"))
            }
        }
        return found
    }

    func liveCustomers(nameKeys: [String], scope: AccessScope) async throws -> [String: [CustomerID]] {
        var found: [String: [CustomerID]] = [:]
        for chunk in Array(Set(nameKeys.filter { !$0.isEmpty })).batches(of: 500) {
            for row in try await db.raw("""
                SELECT c.id, c.name_key FROM customers c
                WHERE c.name_key IN (\(binds: Array(chunk))) AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
                """).all() {
                found[try row.text("name_key"), default: []].append(try row.id("id"))
            }
        }
        return found
    }

    /// Names of customers inside the scope, by id.
    func customerNames(_ ids: [CustomerID], scope: AccessScope) async throws -> [CustomerID: String] {
        var names: [CustomerID: String] = [:]
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(ids.count, start + 500)].map(\.description)
            start += 500
            for row in try await db.raw("""
                SELECT c.id, c.name FROM customers c WHERE c.id IN (\(binds: chunk)) AND \(Self.scopeClause(scope))
                """).all() {
                names[try row.id("id")] = try row.text("name")
            }
        }
        return names
    }

    /// A page of customers inside the scope.
    ///
    /// A common search fragment (`CustomerSearchPlan.common`) first walks the list's order for at
    /// most `searchWalk` rows, testing each: enough when the matches are spread through the order.
    /// When they are not — a fragment that begins most of its names, such as a city, sits together in
    /// name order — the page is taken from the fragment's hits instead.
    func customers(_ query: CustomerQuery, scope: AccessScope) async throws -> Page<Customer> {
        try await customerPage(query, scope: scope, columns: Self.customerColumns, decode: Self.decodeCustomer)
    }

    /// A page of the customer list: the same customers, order and paging as `customers`, each read
    /// as a `CustomerListLine` (a few columns, no profile or custom fields to decode) with its facts.
    func customerListLines(_ query: CustomerQuery, scope: AccessScope) async throws -> Page<CustomerListLine> {
        let page = try await customerPage(query, scope: scope, columns: Self.listLineColumns) { row in
            CustomerListLine(id: try row.id("id"), name: try row.text("name"), region: try row.text("region"),
                             phone: try row.text("phone"), ownerID: try row.optionalID("owner_id"),
                             status: try row.enumValue("status"), facts: try Self.listFacts(row, mainContact: nil))
        }
        guard !page.items.isEmpty else { return page }
        let contacts = try await mainContacts(page.items.map(\.id), scope: scope)
        return Page(items: page.items.map { line in
            var line = line
            line.facts.mainContact = contacts[line.id]
            return line
        }, nextCursor: page.nextCursor)
    }

    private static let listLineColumns = "c.id, c.name, c.region, c.phone, c.owner_id, c.status, c.stage_rank, c.last_touch_at"

    /// The page `query` asks for, each row read from `columns` by `decode`.
    private func customerPage<Item>(_ query: CustomerQuery, scope: AccessScope, columns: String,
                                    decode: (any SQLRow) throws -> Item) async throws -> Page<Item> {
        let search = try await searchPlan(query, scope: scope)
        let limit = max(1, min(query.limit, CustomerQuery.maxLimit))
        if case .common(let match, let needle) = search {
            let walked = try await customerRows(query, scope: scope, columns: columns, search: search, walk: Self.searchWalk)
            if walked.count > limit { return try customerPage(walked, query: query, limit: limit, decode: decode) }
            let hits = try await customerRows(query, scope: scope, columns: columns, search: .rare(match, needle), walk: nil)
            return try customerPage(hits, query: query, limit: limit, decode: decode)
        }
        let rows = try await customerRows(query, scope: scope, columns: columns, search: search, walk: nil)
        return try customerPage(rows, query: query, limit: limit, decode: decode)
    }

    /// Rows a common search may walk before it takes the page from the fragment's hits instead.
    static let searchWalk = 2_000

    private static func sortColumn(_ sort: CustomerSort) -> String {
        switch sort {
        case .name: "c.name_sort"
        case .updatedAt: "c.updated_at"
        case .createdAt: "c.created_at"
        case .lastTouch: "c.last_touch_at"
        case .stage: "c.stage_rank"
        }
    }

    /// Up to `limit + 1` rows of the page. With `walk`, the search's substring test applies to the
    /// first `walk` rows of the list's order only (the caller checks whether that was enough).
    private func customerRows(_ query: CustomerQuery, scope: AccessScope, columns: String, search: CustomerSearchPlan,
                              walk: Int?) async throws -> [any SQLRow] {
        let column = Self.sortColumn(query.sort)
        let direction = query.descending ? "DESC" : "ASC"
        let limit = max(1, min(query.limit, CustomerQuery.maxLimit))
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: columns), \(unsafeRaw: walk == nil ? "" : "c.search_text, ")\(unsafeRaw: column) AS sort_value
            FROM customers c WHERE \(Self.scopeClause(scope))
            """
        sql += try filterClause(query, search: walk == nil ? search : .none)
        if let cursor = query.cursor {
            let op = query.descending ? "<" : ">"
            let value: any Encodable & Sendable
            if query.sort == .name {
                value = cursor.value
            } else {
                guard let millis = Int64(cursor.value) else { throw StoreError.notFound }
                value = millis
            }
            sql += " AND (\(unsafeRaw: column) \(unsafeRaw: op) \(bind: value) OR (\(unsafeRaw: column) = \(bind: value) AND c.id \(unsafeRaw: op) \(bind: cursor.id)))"
        }
        let order: SQLQueryString = " ORDER BY \(unsafeRaw: column) \(unsafeRaw: direction), c.id \(unsafeRaw: direction)"
        if let walk, case .common(_, let needle) = search {
            // The first `walk` rows of the order, then the substring test on them (same alias `c`).
            var walked: SQLQueryString = "SELECT * FROM ("
            walked += sql + order + " LIMIT \(literal: walk)) c WHERE 1 = 1" + Self.substringClause(needle)
            walked += " ORDER BY c.sort_value \(unsafeRaw: direction), c.id \(unsafeRaw: direction) LIMIT \(literal: limit + 1)"
            return try await db.raw(walked).all()
        }
        sql += order + " LIMIT \(literal: limit + 1)"
        return try await db.raw(sql).all()
    }

    private func customerPage<Item>(_ found: [any SQLRow], query: CustomerQuery, limit: Int,
                                    decode: (any SQLRow) throws -> Item) throws -> Page<Item> {
        var rows = found
        var next: String?
        if rows.count > limit {
            rows.removeLast()
            if let last = rows.last {
                let value = query.sort == .name ? try last.text("sort_value") : String(try last.int("sort_value"))
                next = PageCursor(value: value, id: try last.text("id")).token
            }
        }
        return Page(items: try rows.map(decode), nextCursor: next)
    }

    /// How many customers match the filters inside the scope (cursor and limit ignored).
    /// With `cap`, counting stops after `cap + 1` rows (a search with many hits answers "1,000+"
    /// without reading them all).
    func customerCount(_ query: CustomerQuery, cap: Int? = nil, scope: AccessScope) async throws -> Int {
        let search = try await searchPlan(query, scope: scope)
        guard let cap else {
            var sql: SQLQueryString = "SELECT COUNT(*) AS n FROM customers c WHERE \(Self.scopeClause(scope))"
            sql += try filterClause(query, search: search)
            return try await db.raw(sql).first()?.int("n") ?? 0
        }
        var inner: SQLQueryString
        if case .common(let match, _) = search {
            // Many hits: stream them from the gram index in its own order and stop at the cap,
            // instead of collecting every hit first.
            inner = """
                SELECT 1 FROM customer_search s JOIN customers c ON c.rowid = s.rowid
                WHERE s.customer_search MATCH \(bind: match) AND \(Self.scopeClause(scope))
                """
        } else {
            inner = "SELECT 1 FROM customers c WHERE \(Self.scopeClause(scope))"
        }
        inner += try filterClause(query, search: search)
        var sql: SQLQueryString = "SELECT COUNT(*) AS n FROM ("
        sql += inner
        sql += " LIMIT \(literal: cap + 1)) capped"
        return try await db.raw(sql).first()?.int("n") ?? 0
    }

    private func filterClause(_ query: CustomerQuery, search: CustomerSearchPlan) throws -> SQLQueryString {
        var sql: SQLQueryString = ""
        switch query.deleted {
        case .exclude: sql += " AND c.deleted_at IS NULL"
        case .only: sql += " AND c.deleted_at IS NOT NULL"
        case .include: break
        }
        if let kind = query.kind { sql += " AND c.kind = \(bind: kind.rawValue)" }
        if let status = query.status { sql += " AND c.status = \(bind: status.rawValue)" }
        if let owner = query.ownerID { sql += " AND c.owner_id = \(bind: owner.description)" }
        if query.unowned { sql += " AND c.owner_id IS NULL" }
        if let stage = query.stage { sql += Self.stageClause(stage) }
        if let team = query.teamID { sql += " AND c.team_id = \(bind: team.description)" }
        if let industry = query.industry, !industry.isEmpty { sql += " AND c.industry = \(bind: industry)" }
        if let region = query.region, !region.isEmpty { sql += " AND c.region = \(bind: region)" }
        if let tag = query.tag, !tag.isEmpty {
            sql += " AND c.tags LIKE \(bind: "%|" + Self.likeEscape(tag) + "|%") ESCAPE '\\'"
        }
        switch search {
        case .none: break
        case .nothing: sql += " AND 1 = 0"
        case .scan(let needle), .common(_, let needle): sql += Self.substringClause(needle)
        case .rare(let match, let needle):
            sql += " AND c.rowid IN (SELECT rowid FROM customer_search WHERE customer_search MATCH \(bind: match))"
            sql += Self.substringClause(needle)
        }
        return sql
    }

    /// Above this many gram-index hits a search counts as common (`CustomerSearchPlan`).
    static let rareSearchHits = 4_000

    /// The same for a rep searching their own customers: reading hits beats testing the rep's few
    /// thousand rows only when the hits are far fewer (measured: 4,221 hits read slower than a scan
    /// of 4,835 own rows; a fragment with no hits went from 30 ms at p99 to 5 ms).
    static let rareOwnSearchHits = 1_000

    /// How a search finds its customers (see `SearchText`; the substring test is always the exact
    /// one). On PostgreSQL every scope tests rows directly, the trigram index serving the test. On
    /// SQLite the gram index is first asked for up to `rareSearchHits + 1` hits (well under a
    /// millisecond; `rareOwnSearchHits` for a rep): a rare fragment then reads only its hits. For a
    /// common one a rep's own customers (a few thousand) are tested directly; wider scopes walk the list's own
    /// order and test each row, which reaches a page of matches after about `25 × customers ÷ hits`
    /// rows — bounded by the same threshold whatever the size, instead of first collecting every hit
    /// of a fragment such as `138` (all of them).
    private func searchPlan(_ query: CustomerQuery, scope: AccessScope) async throws -> CustomerSearchPlan {
        guard let search = query.search, !search.trimmingCharacters(in: .whitespaces).isEmpty else { return .none }
        let needle = SearchText.normalize(search)
        guard !needle.isEmpty, let match = SearchText.gramQuery(for: search) else { return .nothing }
        guard kind == .sqlite else { return .scan(needle) }
        var rare = Self.rareSearchHits
        if case .owner = scope { rare = Self.rareOwnSearchHits }
        let hits = try await db.raw("""
            SELECT COUNT(*) AS n FROM (SELECT rowid FROM customer_search WHERE customer_search MATCH \(bind: match)
            LIMIT \(literal: rare + 1)) probe
            """).first()?.int("n") ?? 0
        if hits <= rare { return .rare(match, needle) }
        if case .owner = scope { return .scan(needle) }
        return .common(match, needle)
    }

    private static func substringClause(_ needle: String) -> SQLQueryString {
        " AND c.search_text LIKE \(bind: "%" + likeEscape(needle) + "%") ESCAPE '\\'"
    }

    static func likeEscape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// Rebuilds a customer's search document from its name, phone, email and its live contacts'
    /// (`refreshSearch(_:)` for many).
    func refreshSearch(_ id: CustomerID) async throws {
        try await refreshSearch([id])
    }

    /// Live customers (any owner) that share a duplicate key with the given one.
    func duplicateCustomers(of keys: DuplicateKeys, excluding: CustomerID? = nil, limit: Int = 10) async throws -> [(Customer, [DuplicateReason])] {
        var conditions: [SQLQueryString] = []
        if !keys.name.isEmpty { conditions.append("c.name_key = \(bind: keys.name)") }
        if !keys.phone.isEmpty { conditions.append("c.phone_key = \(bind: keys.phone)") }
        if !keys.email.isEmpty { conditions.append("c.email_key = \(bind: keys.email)") }
        if !keys.registrationNumber.isEmpty { conditions.append("c.registration_key = \(bind: keys.registrationNumber)") }
        guard !conditions.isEmpty else { return [] }
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: Self.customerColumns), c.name_key, c.phone_key, c.email_key, c.registration_key
            FROM customers c WHERE c.deleted_at IS NULL AND (
            """
        sql += conditions.joined(separator: " OR ")
        sql += ")"
        if let excluding { sql += " AND c.id <> \(bind: excluding.description)" }
        sql += " ORDER BY c.name, c.id LIMIT \(literal: limit)"
        return try await db.raw(sql).all().map { row in
            var reasons: [DuplicateReason] = []
            if !keys.name.isEmpty, try row.text("name_key") == keys.name { reasons.append(.name) }
            if !keys.phone.isEmpty, try row.text("phone_key") == keys.phone { reasons.append(.phone) }
            if !keys.email.isEmpty, try row.text("email_key") == keys.email { reasons.append(.email) }
            if !keys.registrationNumber.isEmpty, try row.text("registration_key") == keys.registrationNumber {
                reasons.append(.registrationNumber)
            }
            return (try Self.decodeCustomer(row), reasons)
        }
    }
}

/// Insert statements built ahead of a write transaction (see `StoreSession.prepareInserts`).
public struct PreparedInserts: Sendable {
    let statements: [SQLQueryString]
    let kind: EngineKind
    /// The new customers, counted into the stage tallies once the statements ran.
    let customers: [Customer]
}

/// How a customer search runs (`StoreSession.searchPlan`).
enum CustomerSearchPlan: Sendable {
    /// No search.
    case none
    /// A search that cannot match (nothing left after normalising).
    case nothing
    /// Test every row in scope for the substring.
    case scan(String)
    /// Few gram-index hits (match, needle): read them, then test the substring.
    case rare(String, String)
    /// Many gram-index hits (match, needle): walk the list's order and test the substring.
    case common(String, String)
}
