import Foundation
import RapportCore
import SQLKit

extension CatalogSession {
    static func decodeProduct(_ row: any SQLRow) throws -> Product {
        Product(
            id: try row.id("id"), categoryID: try row.optionalID("category_id"), code: try row.text("code"),
            name: try row.text("name"), unit: try row.text("unit"),
            price: try row.decode(column: "price", as: Int64.self), cost: try row.decode(column: "cost", as: Int64.self),
            currency: try row.text("currency"), termMonths: try row.optionalInt("term_months"), active: try row.bool("active"),
            description: try row.text("description"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"), deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    static func decodeProductCategory(_ row: any SQLRow) throws -> ProductCategory {
        ProductCategory(id: try row.id("id"), name: try row.text("name"), position: try row.int("position"),
                        createdAt: try row.date("created_at"), updatedAt: try row.date("updated_at"),
                        deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    public func insertProduct(_ p: Product) async throws {
        try await db.raw("""
            INSERT INTO products (id, category_id, code, name, unit, price, cost, currency, term_months, active, description,
            created_at, updated_at, deleted_at, version) VALUES (\(bind: p.id.description), \(bind: p.categoryID?.description),
            \(bind: p.code), \(bind: p.name), \(bind: p.unit), \(bind: p.price), \(bind: p.cost), \(bind: p.currency),
            \(bind: p.termMonths.map(Int64.init)), \(bind: Int64(p.active ? 1 : 0)), \(bind: p.description),
            \(bind: StoredTime.encode(p.createdAt)), \(bind: StoredTime.encode(p.updatedAt)),
            \(bind: StoredTime.encode(p.deletedAt)), \(bind: Int64(p.version)))
            """).run()
    }

    public func updateProduct(_ p: Product, expectedVersion: Int) async throws {
        let rows = try await db.raw("""
            UPDATE products SET category_id = \(bind: p.categoryID?.description), code = \(bind: p.code), name = \(bind: p.name),
            unit = \(bind: p.unit), price = \(bind: p.price), cost = \(bind: p.cost), currency = \(bind: p.currency),
            term_months = \(bind: p.termMonths.map(Int64.init)), active = \(bind: Int64(p.active ? 1 : 0)),
            description = \(bind: p.description), updated_at = \(bind: StoredTime.encode(p.updatedAt)),
            deleted_at = \(bind: StoredTime.encode(p.deletedAt)), version = \(bind: Int64(p.version))
            WHERE id = \(bind: p.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await raw.versionFailure(table: "products", id: p.id.description) }
    }

    public func product(_ id: ProductID) async throws -> Product? {
        try await db.raw("SELECT * FROM products WHERE id = \(bind: id.description)").first().map(Self.decodeProduct)
    }

    /// The live product with this code (codes are unique among live products), if any.
    public func product(code: String) async throws -> Product? {
        try await db.raw("""
            SELECT * FROM products WHERE code = \(bind: code) AND deleted_at IS NULL ORDER BY created_at LIMIT 1
            """).first().map(Self.decodeProduct)
    }

    /// Live products by name then id, keyset-paged; `search` matches code or name (case-insensitive).
    public func products(activeOnly: Bool, categoryID: ProductCategoryID?, search: String?, limit: Int,
                         cursor: PageCursor?) async throws -> Page<Product> {
        var sql: SQLQueryString = "SELECT * FROM products WHERE deleted_at IS NULL"
        if activeOnly { sql += " AND active = 1" }
        if let categoryID { sql += " AND category_id = \(bind: categoryID.description)" }
        if let search, !search.isEmpty {
            let pattern = "%" + search.lowercased().replacingOccurrences(of: "%", with: "") + "%"
            sql += " AND (LOWER(code) LIKE \(bind: pattern) OR LOWER(name) LIKE \(bind: pattern))"
        }
        if let cursor {
            sql += " AND (name > \(bind: cursor.value) OR (name = \(bind: cursor.value) AND id > \(bind: cursor.id)))"
        }
        let limit = max(1, min(limit, CustomerQuery.maxLimit))
        sql += " ORDER BY name, id LIMIT \(literal: limit + 1)"
        var items = try await db.raw(sql).all().map(Self.decodeProduct)
        var next: String?
        if items.count > limit {
            items.removeLast()
            if let last = items.last { next = PageCursor(value: last.name, id: last.id.description).token }
        }
        return Page(items: items, nextCursor: next)
    }

    public func insertProductCategory(_ c: ProductCategory) async throws {
        try await db.raw("""
            INSERT INTO product_categories (id, name, position, created_at, updated_at, deleted_at, version) VALUES (
            \(bind: c.id.description), \(bind: c.name), \(bind: Int64(c.position)), \(bind: StoredTime.encode(c.createdAt)),
            \(bind: StoredTime.encode(c.updatedAt)), \(bind: StoredTime.encode(c.deletedAt)), \(bind: Int64(c.version)))
            """).run()
    }

    public func updateProductCategory(_ c: ProductCategory, expectedVersion: Int) async throws {
        let rows = try await db.raw("""
            UPDATE product_categories SET name = \(bind: c.name), position = \(bind: Int64(c.position)),
            updated_at = \(bind: StoredTime.encode(c.updatedAt)), deleted_at = \(bind: StoredTime.encode(c.deletedAt)),
            version = \(bind: Int64(c.version))
            WHERE id = \(bind: c.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await raw.versionFailure(table: "product_categories", id: c.id.description) }
    }

    public func productCategory(_ id: ProductCategoryID) async throws -> ProductCategory? {
        try await db.raw("SELECT * FROM product_categories WHERE id = \(bind: id.description)")
            .first().map(Self.decodeProductCategory)
    }

    /// Live categories in display order.
    public func productCategories() async throws -> [ProductCategory] {
        try await db.raw("SELECT * FROM product_categories WHERE deleted_at IS NULL ORDER BY position, name, id")
            .all().map(Self.decodeProductCategory)
    }
}
