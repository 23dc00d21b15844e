import Foundation
import RapportCore
import RapportStore

/// The product catalogue (产品目录) and its categories: read by everyone, kept by admins.
public struct Products: Sendable {
    let deps: Dependencies

    /// The catalogue: everyone signed in reads it; `activeOnly` hides deactivated products.
    public func list(_ acting: Acting, activeOnly: Bool = false, categoryID: ProductCategoryID? = nil,
                         search: String? = nil, limit: Int = 50, cursor: PageCursor? = nil) async throws -> Page<Product> {
        try await deps.read(acting) {
            try await $0.catalog.products(activeOnly: activeOnly, categoryID: categoryID, search: search, limit: limit, cursor: cursor)
        }
    }

    public func get(_ acting: Acting, _ id: ProductID) async throws -> Product {
        guard let found = try await deps.read(acting, { try await $0.catalog.product(id) }), found.deletedAt == nil else {
            throw AppError.notFound(entity: .product)
        }
        return found
    }

    /// Adds a product (admins only); codes are unique among live products.
    public func create(_ acting: Acting, _ draft: ProductDraft) async throws -> Product {
        try acting.requireAdmin()
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let now = deps.env.now()
        var product = Product(id: deps.env.newID(), code: "", name: "", price: 0, createdAt: now, updatedAt: now)
        draft.apply(to: &product)
        try await checkProduct(acting, product)
        let entry = try deps.audit(acting.id, .product, product.id.description, .create, before: nil as Product?, after: product)
        let saved = product
        try await deps.write(acting) { session in
            try await session.catalog.insertProduct(saved)
            try await session.catalog.appendAudit(entry)
        }
        return product
    }

    /// Changes a product (admins only), e.g. `active: false` to stop offering it.
    public func update(_ acting: Acting, _ id: ProductID, _ draft: ProductDraft, version: Int) async throws -> Product {
        try acting.requireAdmin()
        let before = try await get(acting, id)
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        var after = before
        draft.apply(to: &after)
        try await checkProduct(acting, after)
        after.updatedAt = deps.env.now()
        after.version = before.version + 1
        let entry = try deps.audit(acting.id, .product, id.description, .update, before: before, after: after)
        let saved = after
        try await deps.write(acting, entity: .product) { session in
            try await session.catalog.updateProduct(saved, expectedVersion: version)
            try await session.catalog.appendAudit(entry)
        }
        return after
    }

    private func checkProduct(_ acting: Acting, _ product: Product) async throws {
        if let other = try await deps.read(acting, { try await $0.catalog.product(code: product.code) }), other.id != product.id {
            throw AppError.invalid([FieldError("code", .taken)])
        }
        if let categoryID = product.categoryID {
            guard let category = try await deps.read(acting, { try await $0.catalog.productCategory(categoryID) }), category.deletedAt == nil else {
                throw AppError.invalid([FieldError("categoryID", .unknown)])
            }
        }
    }

    public func categories(_ acting: Acting) async throws -> [ProductCategory] {
        try await deps.read(acting) { try await $0.catalog.productCategories() }
    }

    public func createCategory(_ acting: Acting, _ draft: ProductCategoryDraft) async throws -> ProductCategory {
        try acting.requireAdmin()
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let now = deps.env.now()
        let existing = try await categories(acting)
        var category = ProductCategory(id: deps.env.newID(), name: "", position: (existing.map(\.position).max() ?? 0) + 1,
                                       createdAt: now, updatedAt: now)
        draft.apply(to: &category)
        let entry = try deps.audit(acting.id, .productCategory, category.id.description, .create,
                              before: nil as ProductCategory?, after: category)
        let saved = category
        try await deps.write(acting) { session in
            try await session.catalog.insertProductCategory(saved)
            try await session.catalog.appendAudit(entry)
        }
        return category
    }

    /// Renames or moves a category; `delete` removes it (its products keep working, uncategorised in lists).
    public func updateCategory(_ acting: Acting, _ id: ProductCategoryID, _ draft: ProductCategoryDraft,
                                      delete: Bool = false, version: Int) async throws -> ProductCategory {
        try acting.requireAdmin()
        guard let before = try await deps.read(acting, { try await $0.catalog.productCategory(id) }), before.deletedAt == nil else {
            throw AppError.notFound(entity: .productCategory)
        }
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        var after = before
        draft.apply(to: &after)
        after.updatedAt = deps.env.now()
        if delete { after.deletedAt = after.updatedAt }
        after.version = before.version + 1
        let entry = try deps.audit(acting.id, .productCategory, id.description, delete ? .delete : .update, before: before, after: after)
        let saved = after
        try await deps.write(acting, entity: .productCategory) { session in
            try await session.catalog.updateProductCategory(saved, expectedVersion: version)
            try await session.catalog.appendAudit(entry)
        }
        return after
    }
}
