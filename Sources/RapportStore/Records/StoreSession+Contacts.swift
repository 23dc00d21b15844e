import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static let contactColumns = """
        k.id, k.customer_id, k.name, k.department, k.title, k.phone, k.fax, k.email, k.wechat, k.qq, k.interests,
        k.supplier_expectations, k.pain_points, k.influence, k.involvement, k.relationship_with_us,
        k.relationship_with_competitors, k.relationship_owner_id, k.is_coach, k.reports_to_id, k.custom,
        k.created_at, k.updated_at, k.deleted_at, k.version
        """

    static func decodeContact(_ row: any SQLRow) throws -> Contact {
        Contact(
            id: try row.id("id"), customerID: try row.id("customer_id"), name: try row.text("name"),
            department: try row.text("department"), title: try row.text("title"), phone: try row.text("phone"),
            fax: try row.text("fax"), email: try row.text("email"), wechat: try row.text("wechat"), qq: try row.text("qq"),
            interests: try row.text("interests"), supplierExpectations: try row.text("supplier_expectations"),
            painPoints: try row.text("pain_points"), influence: try row.optionalEnum("influence"),
            involvement: try row.optionalInt("involvement"), relationshipWithUs: try row.text("relationship_with_us"),
            relationshipWithCompetitors: try row.text("relationship_with_competitors"),
            relationshipOwnerID: try row.optionalID("relationship_owner_id"), isCoach: try row.bool("is_coach"),
            reportsToID: try row.optionalID("reports_to_id"),
            custom: try StoredJSON.decode([String: CustomValue].self, try row.text("custom"), column: "custom"),
            createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
            deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    public func insertContact(_ k: Contact) async throws {
        let keys = DuplicateKeys(name: k.name, phone: k.phone, email: k.email, registrationNumber: "")
        try await db.raw("""
            INSERT INTO contacts (id, customer_id, name, name_key, department, title, phone, phone_key, fax, email, email_key,
            wechat, qq, interests, supplier_expectations, pain_points, influence, involvement, relationship_with_us,
            relationship_with_competitors, relationship_owner_id, is_coach, reports_to_id, custom, created_at, updated_at,
            deleted_at, version) VALUES (
            \(bind: k.id.description), \(bind: k.customerID.description), \(bind: k.name), \(bind: keys.name),
            \(bind: k.department), \(bind: k.title), \(bind: k.phone), \(bind: keys.phone), \(bind: k.fax), \(bind: k.email),
            \(bind: keys.email), \(bind: k.wechat), \(bind: k.qq), \(bind: k.interests), \(bind: k.supplierExpectations),
            \(bind: k.painPoints), \(bind: k.influence?.rawValue), \(bind: k.involvement.map { Int64($0) }),
            \(bind: k.relationshipWithUs), \(bind: k.relationshipWithCompetitors), \(bind: k.relationshipOwnerID?.description),
            \(bind: Int64(k.isCoach ? 1 : 0)), \(bind: k.reportsToID?.description), \(bind: try StoredJSON.encode(k.custom)),
            \(bind: StoredTime.encode(k.createdAt)), \(bind: StoredTime.encode(k.updatedAt)),
            \(bind: StoredTime.encode(k.deletedAt)), \(bind: Int64(k.version)))
            """).run()
        try await refreshSearch(k.customerID)
    }

    public func updateContact(_ k: Contact, expectedVersion: Int) async throws {
        let keys = DuplicateKeys(name: k.name, phone: k.phone, email: k.email, registrationNumber: "")
        let rows = try await db.raw("""
            UPDATE contacts SET name = \(bind: k.name), name_key = \(bind: keys.name), department = \(bind: k.department),
            title = \(bind: k.title), phone = \(bind: k.phone), phone_key = \(bind: keys.phone), fax = \(bind: k.fax),
            email = \(bind: k.email), email_key = \(bind: keys.email), wechat = \(bind: k.wechat), qq = \(bind: k.qq),
            interests = \(bind: k.interests), supplier_expectations = \(bind: k.supplierExpectations),
            pain_points = \(bind: k.painPoints), influence = \(bind: k.influence?.rawValue),
            involvement = \(bind: k.involvement.map { Int64($0) }), relationship_with_us = \(bind: k.relationshipWithUs),
            relationship_with_competitors = \(bind: k.relationshipWithCompetitors),
            relationship_owner_id = \(bind: k.relationshipOwnerID?.description), is_coach = \(bind: Int64(k.isCoach ? 1 : 0)),
            reports_to_id = \(bind: k.reportsToID?.description), custom = \(bind: try StoredJSON.encode(k.custom)),
            updated_at = \(bind: StoredTime.encode(k.updatedAt)), deleted_at = \(bind: StoredTime.encode(k.deletedAt)),
            version = \(bind: Int64(k.version))
            WHERE id = \(bind: k.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await versionFailure(table: "contacts", id: k.id.description) }
        try await refreshSearch(k.customerID)
    }

    /// One contact whose customer is inside the scope.
    public func contact(_ id: ContactID, scope: AccessScope) async throws -> Contact? {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.contactColumns) FROM contacts k JOIN customers c ON c.id = k.customer_id
            WHERE k.id = \(bind: id.description) AND \(Self.scopeClause(scope))
            """).first().map(Self.decodeContact)
    }

    /// A customer's contacts in name order.
    public func contacts(of customer: CustomerID, deleted: DeletedFilter = .exclude) async throws -> [Contact] {
        var sql: SQLQueryString = "SELECT \(unsafeRaw: Self.contactColumns) FROM contacts k WHERE k.customer_id = \(bind: customer.description)"
        switch deleted {
        case .exclude: sql += " AND k.deleted_at IS NULL"
        case .only: sql += " AND k.deleted_at IS NOT NULL"
        case .include: break
        }
        sql += " ORDER BY k.name, k.id LIMIT 1000"
        return try await db.raw(sql).all().map(Self.decodeContact)
    }

    /// A page of contacts across customers inside the scope, optionally searched by name/phone/email.
    public func contacts(search: String?, scope: AccessScope, limit: Int, cursor: PageCursor?) async throws -> Page<Contact> {
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: Self.contactColumns) FROM contacts k JOIN customers c ON c.id = k.customer_id
            WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL AND \(Self.scopeClause(scope))
            """
        if let search, !search.isEmpty {
            let needle = "%" + Self.likeEscape(search.lowercased()) + "%"
            sql += " AND (LOWER(k.name) LIKE \(bind: needle) ESCAPE '\\' OR k.phone LIKE \(bind: needle) ESCAPE '\\' OR k.email_key LIKE \(bind: needle) ESCAPE '\\')"
        }
        if let cursor {
            sql += " AND (k.name > \(bind: cursor.value) OR (k.name = \(bind: cursor.value) AND k.id > \(bind: cursor.id)))"
        }
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        sql += " ORDER BY k.name, k.id LIMIT \(literal: limit + 1)"
        var items = try await db.raw(sql).all().map(Self.decodeContact)
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last { next = PageCursor(value: last.name, id: last.id.description).token }
        }
        return Page(items: items, nextCursor: next)
    }

    /// Live contacts (any customer) sharing a phone or email with the given one.
    public func duplicateContacts(phone: String, email: String, excluding: ContactID? = nil) async throws -> [Contact] {
        let keys = DuplicateKeys(name: "", phone: phone, email: email, registrationNumber: "")
        var conditions: [SQLQueryString] = []
        if !keys.phone.isEmpty { conditions.append("k.phone_key = \(bind: keys.phone)") }
        if !keys.email.isEmpty { conditions.append("k.email_key = \(bind: keys.email)") }
        guard !conditions.isEmpty else { return [] }
        var sql: SQLQueryString = "SELECT \(unsafeRaw: Self.contactColumns) FROM contacts k WHERE k.deleted_at IS NULL AND ("
        sql += conditions.joined(separator: " OR ")
        sql += ")"
        if let excluding { sql += " AND k.id <> \(bind: excluding.description)" }
        sql += " LIMIT 10"
        return try await db.raw(sql).all().map(Self.decodeContact)
    }
}
