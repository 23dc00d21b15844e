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

    /// A customer's contacts in name order, if the customer is inside the scope.
    func contacts(of customer: CustomerID, scope: AccessScope, deleted: DeletedFilter = .exclude) async throws -> [Contact] {
        var sql: SQLQueryString = """
            SELECT \(unsafeRaw: Self.contactColumns) FROM contacts k JOIN customers c ON c.id = k.customer_id
            AND \(Self.scopeClause(scope)) WHERE k.customer_id = \(bind: customer.description)
            """
        switch deleted {
        case .exclude: sql += " AND k.deleted_at IS NULL"
        case .only: sql += " AND k.deleted_at IS NOT NULL"
        case .include: break
        }
        sql += " ORDER BY k.name, k.id LIMIT 1000"
        return try await db.raw(sql).all().map(Self.decodeContact)
    }

    /// A page of contacts across customers inside the scope, optionally searched by name/phone/email.
    func contacts(search: String?, scope: AccessScope, limit: Int, cursor: PageCursor?) async throws -> Page<Contact> {
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
    func duplicateContacts(phone: String, email: String, excluding: ContactID? = nil) async throws -> [Contact] {
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

extension Contact: StoredRecord {
    public static let table = RecordTable<Contact>(
        "contacts", alias: "k",
        columns: [
            .init("id") { $0.id.description }, .init("customer_id") { $0.customerID.description }, .init("name") { $0.name },
            .init("name_key") { DuplicateKeys.normalizedName($0.name) }, .init("department") { $0.department },
            .init("title") { $0.title }, .init("phone") { $0.phone }, .init("phone_key") { DuplicateKeys.normalizedPhone($0.phone) },
            .init("fax") { $0.fax }, .init("email") { $0.email },
            .init("email_key") { $0.email.trimmingCharacters(in: .whitespaces).lowercased() }, .init("wechat") { $0.wechat },
            .init("qq") { $0.qq }, .init("interests") { $0.interests }, .init("supplier_expectations") { $0.supplierExpectations },
            .init("pain_points") { $0.painPoints }, .init("influence") { $0.influence?.rawValue },
            .init("involvement") { $0.involvement.map { Int64($0) } }, .init("relationship_with_us") { $0.relationshipWithUs },
            .init("relationship_with_competitors") { $0.relationshipWithCompetitors },
            .init("relationship_owner_id") { $0.relationshipOwnerID?.description }, .init("is_coach") { Int64($0.isCoach ? 1 : 0) },
            .init("reports_to_id") { $0.reportsToID?.description }, .init("custom") { try StoredJSON.encode($0.custom) },
            .init("created_at") { StoredTime.encode($0.createdAt) }, .init("updated_at") { StoredTime.encode($0.updatedAt) },
            .init("deleted_at") { StoredTime.encode($0.deletedAt) }, .init("version") { Int64($0.version) },
        ],
        selectList: StoreSession.contactColumns, decode: StoreSession.decodeContact,
        afterWrite: { session, contact in try await session.refreshSearch(contact.customerID) })
}
