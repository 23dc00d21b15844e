import Foundation
import RapportCore
import SQLKit

extension ScopedSession {

    /// The personalities of a visible customer (itself and its key persons).
    public func personalities(of customer: CustomerID) async throws -> [StoredPersonality] {
        try await db.raw("""
            SELECT p.* FROM personalities p \(visibleCustomerJoin("p")) WHERE p.customer_id = \(bind: customer.description)
            """).all().map(StoreSession.decodePersonality)
    }

    /// Personalities by subject (key person or person-customer ids), for agenda cards.
    public func personalities(subjects: [String]) async throws -> [String: StoredPersonality] {
        guard !subjects.isEmpty else { return [:] }
        var found: [String: StoredPersonality] = [:]
        for row in try await db.raw("""
            SELECT p.* FROM personalities p WHERE p.subject_id IN (\(binds: Array(Set(subjects)))) AND \(visibleCustomerExists("p"))
            """).all() {
            let stored = try StoreSession.decodePersonality(row)
            found[stored.subjectID] = stored
        }
        return found
    }

    /// Writes a personality: `expectedVersion` 0 creates it, otherwise a stale version is a conflict.
    public func savePersonality(_ p: StoredPersonality, updatedAt: Date, expectedVersion: Int) async throws {
        try await requireCustomer(p.customerID, live: true)
        if let contact = p.contactID { try await check([.contact(contact, field: "contactID")], customer: p.customerID) }
        let q = p.personality
        if expectedVersion == 0 {
            // Someone else may have created it since it was read: that is a conflict, not a failure.
            let inserted = try await db.raw("""
                INSERT INTO personalities (subject_id, customer_id, contact_id, temperament, suggested, answers, confirmed_by,
                confirmed_at, buyer_type, online_type, updated_at, version) VALUES (
                \(bind: p.subjectID), \(bind: p.customerID.description), \(bind: p.contactID?.description),
                \(bind: q.temperament?.rawValue), \(bind: q.suggestedTemperament?.rawValue), \(bind: try StoredJSON.encode(q.answers)),
                \(bind: q.confirmedBy?.description), \(bind: StoredTime.encode(q.confirmedAt)), \(bind: q.buyerType?.rawValue),
                \(bind: q.onlineType?.rawValue), \(bind: StoredTime.encode(updatedAt)), 1)
                ON CONFLICT (subject_id) DO NOTHING RETURNING subject_id
                """).all()
            if !inserted.isEmpty { return }
        }
        let rows = expectedVersion == 0 ? [] : try await db.raw("""
            UPDATE personalities SET temperament = \(bind: q.temperament?.rawValue),
            suggested = \(bind: q.suggestedTemperament?.rawValue), answers = \(bind: try StoredJSON.encode(q.answers)),
            confirmed_by = \(bind: q.confirmedBy?.description), confirmed_at = \(bind: StoredTime.encode(q.confirmedAt)),
            buyer_type = \(bind: q.buyerType?.rawValue), online_type = \(bind: q.onlineType?.rawValue),
            updated_at = \(bind: StoredTime.encode(updatedAt)), version = version + 1
            WHERE subject_id = \(bind: p.subjectID) AND version = \(bind: Int64(expectedVersion)) RETURNING subject_id
            """).all()
        if rows.isEmpty {
            let current = try await db.raw("SELECT version FROM personalities WHERE subject_id = \(bind: p.subjectID)").first()
            throw StoreError.versionConflict(current: try current?.int("version") ?? 0)
        }
    }

    /// Counts of people by type per owner and customer status, inside the scope (team statistics);
    /// customers in the public pool have no owner and are left out.
    public func personalityMix() async throws -> [PersonalityMixRow] {
        try await db.raw("""
            SELECT c.owner_id, c.status, p.temperament, p.buyer_type, COUNT(*) AS n
            FROM personalities p JOIN customers c ON c.id = p.customer_id
            WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL AND \(visible())
            AND (p.temperament IS NOT NULL OR p.buyer_type IS NOT NULL)
            GROUP BY c.owner_id, c.status, p.temperament, p.buyer_type
            """).all().map { row in
            PersonalityMixRow(ownerID: try row.id("owner_id"), status: try row.enumValue("status"),
                              temperament: try row.optionalEnum("temperament"), buyerType: try row.optionalEnum("buyer_type"),
                              count: try row.int("n"))
        }
    }

    // MARK: Situation and results

    public func situation(of customer: CustomerID) async throws -> (CustomerSituation, version: Int)? {
        guard let row = try await db.raw("""
            SELECT s.* FROM customer_situations s \(visibleCustomerJoin("s")) WHERE s.customer_id = \(bind: customer.description)
            """).first() else { return nil }
        let reasons = try StoredJSON.decode([JoinReason].self, try row.text("join_reasons"), column: "join_reasons")
        return (CustomerSituation(joinReasons: reasons, motivation: try row.optionalEnum("motivation"),
                                  businessType: try row.optionalEnum("business_type")), try row.int("version"))
    }

    /// Writes a customer's situation: `expectedVersion` 0 creates it.
    public func saveSituation(_ s: CustomerSituation, of customer: CustomerID, updatedAt: Date, expectedVersion: Int) async throws {
        try await requireCustomer(customer, live: true)
        let reasons = try StoredJSON.encode(s.joinReasons)
        if expectedVersion == 0 {
            // Someone else may have created it since it was read: that is a conflict, not a failure.
            let inserted = try await db.raw("""
                INSERT INTO customer_situations (customer_id, join_reasons, motivation, business_type, updated_at, version)
                VALUES (\(bind: customer.description), \(bind: reasons), \(bind: s.motivation?.rawValue),
                \(bind: s.businessType?.rawValue), \(bind: StoredTime.encode(updatedAt)), 1)
                ON CONFLICT (customer_id) DO NOTHING RETURNING customer_id
                """).all()
            if !inserted.isEmpty { return }
        }
        let rows = expectedVersion == 0 ? [] : try await db.raw("""
            UPDATE customer_situations SET join_reasons = \(bind: reasons), motivation = \(bind: s.motivation?.rawValue),
            business_type = \(bind: s.businessType?.rawValue), updated_at = \(bind: StoredTime.encode(updatedAt)),
            version = version + 1
            WHERE customer_id = \(bind: customer.description) AND version = \(bind: Int64(expectedVersion)) RETURNING customer_id
            """).all()
        if rows.isEmpty {
            let current = try await db.raw("SELECT version FROM customer_situations WHERE customer_id = \(bind: customer.description)").first()
            throw StoreError.versionConflict(current: try current?.int("version") ?? 0)
        }
    }


    public func insertResult(_ r: CustomerResult) async throws {
        try await requireCustomer(r.customerID, live: true)
        try await db.raw("""
            INSERT INTO customer_results (id, customer_id, measure, value, on_date, note, recorded_by, created_at, deleted_at)
            VALUES (\(bind: r.id.description), \(bind: r.customerID.description), \(bind: r.record.measure.rawValue),
            \(bind: r.record.value), \(bind: r.record.on.description), \(bind: r.note), \(bind: r.recordedBy?.description),
            \(bind: StoredTime.encode(r.createdAt)), \(bind: StoredTime.encode(r.deletedAt)))
            """).run()
    }

    /// Inserts many results of live customers inside the scope (imports), 200 to a statement;
    /// `notFound` when a customer is not live or not visible.
    public func insertResults(_ results: [CustomerResult]) async throws {
        let customers = Array(Set(results.map(\.customerID)))
        guard try await liveCustomerIDs(customers).count == customers.count else { throw StoreError.notFound }
        for chunk in results.batches(of: 200) {
            var sql: SQLQueryString = """
                INSERT INTO customer_results (id, customer_id, measure, value, on_date, note, recorded_by, created_at, deleted_at) VALUES
                """
            sql += chunk.map { r -> SQLQueryString in
                """
                (\(bind: r.id.description), \(bind: r.customerID.description), \(bind: r.record.measure.rawValue),
                \(bind: r.record.value), \(bind: r.record.on.description), \(bind: r.note), \(bind: r.recordedBy?.description),
                \(bind: StoredTime.encode(r.createdAt)), \(bind: StoredTime.encode(r.deletedAt)))
                """
            }.joined(separator: ", ")
            try await db.raw(sql).run()
        }
    }

    /// The day the relationship began as far as the records show: the earliest of the first live
    /// order and the first subscription term's start; nil when there is neither. (An imported
    /// customer's record is new, its history is not.)
    public func relationshipStart(of customer: CustomerID) async throws -> CalendarDate? {
        let id = customer.description
        let order = try await db.raw("""
            SELECT MIN(ordered_on) AS d FROM orders
            WHERE customer_id = \(bind: id) AND status <> 'cancelled' AND deleted_at IS NULL
            """).first()
        let term = try await db.raw("""
            SELECT MIN(starts_on) AS d FROM subscriptions WHERE customer_id = \(bind: id) AND deleted_at IS NULL
            """).first()
        let days = try [order, term].compactMap { row in try row?.optionalCalendarDate("d") }
        return days.min()
    }

    /// What the status rule (`CustomerStatusRule`) needs: whether the customer has a live order
    /// and whether one of its terms is still active.
    public func statusFacts(of customer: CustomerID) async throws -> (hasOrders: Bool, runningTerm: Bool) {
        let id = customer.description
        let orders = try await db.raw("""
            SELECT COUNT(*) AS n FROM orders WHERE customer_id = \(bind: id) AND status <> 'cancelled' AND deleted_at IS NULL
            """).first()
        let terms = try await db.raw("""
            SELECT COUNT(*) AS n FROM subscriptions WHERE customer_id = \(bind: id) AND state = 'active' AND deleted_at IS NULL
            """).first()
        return (try orders?.int("n") ?? 0 > 0, try terms?.int("n") ?? 0 > 0)
    }

    /// A customer's live results, oldest first.
    public func results(of customer: CustomerID) async throws -> [CustomerResult] {
        try await db.raw("""
            SELECT r.* FROM customer_results r \(visibleCustomerJoin("r"))
            WHERE r.customer_id = \(bind: customer.description) AND r.deleted_at IS NULL
            ORDER BY r.on_date, r.id LIMIT 5000
            """).all().map(StoreSession.decodeResult)
    }

    /// Soft-deletes (or restores) one result of a customer; `false` when there is no such result.
    public func setResultDeleted(_ id: CustomerResultID, of customer: CustomerID, at: Date?) async throws -> Bool {
        try await requireCustomer(customer, live: at == nil)
        return !(try await db.raw("""
            UPDATE customer_results SET deleted_at = \(bind: StoredTime.encode(at))
            WHERE id = \(bind: id.description) AND customer_id = \(bind: customer.description) RETURNING id
            """).all()).isEmpty
    }
}

extension StoreSession {
    static func decodePersonality(_ row: any SQLRow) throws -> StoredPersonality {
        let answers = try StoredJSON.decode([String: String].self, try row.text("answers"), column: "answers")
        return StoredPersonality(
            customerID: try row.id("customer_id"), contactID: try row.optionalID("contact_id"),
            personality: Personality(
                temperament: try row.optionalEnum("temperament"), suggestedTemperament: try row.optionalEnum("suggested"),
                answers: answers, confirmedBy: try row.optionalID("confirmed_by"),
                confirmedAt: try row.optionalDate("confirmed_at"), buyerType: try row.optionalEnum("buyer_type"),
                onlineType: try row.optionalEnum("online_type")),
            version: try row.int("version"))
    }

    static func decodeResult(_ row: any SQLRow) throws -> CustomerResult {
        CustomerResult(id: try row.id("id"), customerID: try row.id("customer_id"),
                       record: ResultRecord(on: try row.calendarDate("on_date"), measure: try row.enumValue("measure"),
                                            value: try row.decode(column: "value", as: Int64.self)),
                       note: try row.text("note"), recordedBy: try row.optionalID("recorded_by"),
                       createdAt: try row.date("created_at"), deletedAt: try row.optionalDate("deleted_at"))
    }
}
