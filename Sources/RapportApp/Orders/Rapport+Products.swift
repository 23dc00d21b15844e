import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// The catalogue: everyone signed in reads it; `activeOnly` hides deactivated products.
    public func products(_ acting: Acting, activeOnly: Bool = false, categoryID: ProductCategoryID? = nil,
                         search: String? = nil, limit: Int = 50, cursor: PageCursor? = nil) async throws -> Page<Product> {
        try await store.read {
            try await $0.products(activeOnly: activeOnly, categoryID: categoryID, search: search, limit: limit, cursor: cursor)
        }
    }

    public func product(_ acting: Acting, _ id: ProductID) async throws -> Product {
        guard let found = try await store.read({ try await $0.product(id) }), found.deletedAt == nil else {
            throw AppError.notFound(entity: "product")
        }
        return found
    }

    /// Adds a product (admins only); codes are unique among live products.
    public func createProduct(_ acting: Acting, _ draft: ProductDraft) async throws -> Product {
        try acting.requireAdmin()
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let now = env.now()
        var product = Product(id: env.newID(), code: "", name: "", price: 0, createdAt: now, updatedAt: now)
        draft.apply(to: &product)
        try await checkProduct(product)
        let entry = try audit(acting.id, "product", product.id.description, .create, before: nil as Product?, after: product)
        let saved = product
        try await store.write { session in
            try await session.insertProduct(saved)
            try await session.appendAudit(entry)
        }
        return product
    }

    /// Changes a product (admins only), e.g. `active: false` to stop offering it.
    public func updateProduct(_ acting: Acting, _ id: ProductID, _ draft: ProductDraft, version: Int) async throws -> Product {
        try acting.requireAdmin()
        let before = try await product(acting, id)
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        var after = before
        draft.apply(to: &after)
        try await checkProduct(after)
        after.updatedAt = env.now()
        after.version = before.version + 1
        let entry = try audit(acting.id, "product", id.description, .update, before: before, after: after)
        let saved = after
        try await mapped("product") {
            try await store.write { session in
                try await session.updateProduct(saved, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    private func checkProduct(_ product: Product) async throws {
        if let other = try await store.read({ try await $0.product(code: product.code) }), other.id != product.id {
            throw AppError.invalid([FieldError("code", "taken")])
        }
        if let categoryID = product.categoryID {
            guard let category = try await store.read({ try await $0.productCategory(categoryID) }), category.deletedAt == nil else {
                throw AppError.invalid([FieldError("categoryID", "unknown")])
            }
        }
    }

    public func productCategories(_ acting: Acting) async throws -> [ProductCategory] {
        try await store.read { try await $0.productCategories() }
    }

    public func createProductCategory(_ acting: Acting, _ draft: ProductCategoryDraft) async throws -> ProductCategory {
        try acting.requireAdmin()
        do { try draft.validate(creating: true) } catch { throw AppError.invalid(error.errors) }
        let now = env.now()
        let existing = try await productCategories(acting)
        var category = ProductCategory(id: env.newID(), name: "", position: (existing.map(\.position).max() ?? 0) + 1,
                                       createdAt: now, updatedAt: now)
        draft.apply(to: &category)
        let entry = try audit(acting.id, "productCategory", category.id.description, .create,
                              before: nil as ProductCategory?, after: category)
        let saved = category
        try await store.write { session in
            try await session.insertProductCategory(saved)
            try await session.appendAudit(entry)
        }
        return category
    }

    /// Renames or moves a category; `delete` removes it (its products keep working, uncategorised in lists).
    public func updateProductCategory(_ acting: Acting, _ id: ProductCategoryID, _ draft: ProductCategoryDraft,
                                      delete: Bool = false, version: Int) async throws -> ProductCategory {
        try acting.requireAdmin()
        guard let before = try await store.read({ try await $0.productCategory(id) }), before.deletedAt == nil else {
            throw AppError.notFound(entity: "productCategory")
        }
        do { try draft.validate(creating: false) } catch { throw AppError.invalid(error.errors) }
        var after = before
        draft.apply(to: &after)
        after.updatedAt = env.now()
        if delete { after.deletedAt = after.updatedAt }
        after.version = before.version + 1
        let entry = try audit(acting.id, "productCategory", id.description, delete ? .delete : .update, before: before, after: after)
        let saved = after
        try await mapped("productCategory") {
            try await store.write { session in
                try await session.updateProductCategory(saved, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }
}
