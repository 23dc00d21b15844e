import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// The catalogue: `/api/v1/products[/:id]`, `/api/v1/product-categories[/:id]`. Everyone reads; admins write.
struct ProductAPI {
    let app: Rapport

    struct ProductBody: Decodable {
        var draft: ProductDraft
        let version: Int?
        private enum Keys: String, CodingKey { case categoryID, termMonths }
        init(from decoder: any Decoder) throws {
            draft = try ProductDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
            // An explicit null clears the category or the term; the synthesized decoder reads it as "not given".
            let c = try decoder.container(keyedBy: Keys.self)
            if c.contains(.categoryID), try c.decodeNil(forKey: .categoryID) { draft.categoryID = .some(nil) }
            if c.contains(.termMonths), try c.decodeNil(forKey: .termMonths) { draft.termMonths = .some(nil) }
        }
    }

    struct CategoryBody: Decodable {
        var draft: ProductCategoryDraft
        let version: Int?
        init(from decoder: any Decoder) throws {
            draft = try ProductCategoryDraft(from: decoder)
            version = try decoder.container(keyedBy: VersionKey.self).decodeIfPresent(Int.self, forKey: .version)
        }
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("products", use: list)
        group.post("products", use: create)
        group.get("products/:id", use: get)
        group.patch("products/:id", use: update)
        group.get("product-categories", use: categories)
        group.post("product-categories", use: createCategory)
        group.patch("product-categories/:id", use: updateCategory)
        group.delete("product-categories/:id", use: deleteCategory)
    }

    /// `?active=true&category=<id>&q=&limit=&cursor=`
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let page = try await app.products.list(acting, activeOnly: try p.bool("active"), categoryID: try p.queryID("category"),
                                          search: try p.string("q", max: 100),
                                          limit: try p.int("limit", default: 50, range: 1...200), cursor: try p.cursor())
        return try JSONBody.response(page)
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(ProductBody.self, from: request, context: context)
        let product = try await app.products.create(acting, body.draft)
        var response = try JSONBody.response(product, status: .created, version: product.version)
        response.headers[.location] = "/api/v1/products/\(product.id)"
        return response
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let product = try await app.products.get(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(product, version: product.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: ProductID = try p.id()
        let body = try await JSONBody.decode(ProductBody.self, from: request, context: context)
        try acting.requireAdmin()
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let product = try await app.products.update(acting, id, body.draft, version: version)
        return try JSONBody.response(product, version: product.version)
    }

    @Sendable func categories(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        return try JSONBody.response(Page(items: try await app.products.categories(acting), nextCursor: nil))
    }

    @Sendable func createCategory(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(CategoryBody.self, from: request, context: context)
        let category = try await app.products.createCategory(acting, body.draft)
        return try JSONBody.response(category, status: .created, version: category.version)
    }

    @Sendable func updateCategory(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: ProductCategoryID = try p.id()
        let body = try await JSONBody.decode(CategoryBody.self, from: request, context: context)
        try acting.requireAdmin()
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let category = try await app.products.updateCategory(acting, id, body.draft, version: version)
        return try JSONBody.response(category, version: category.version)
    }

    @Sendable func deleteCategory(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: ProductCategoryID = try p.id()
        try acting.requireAdmin()
        let current = try await app.products.categories(acting).first { $0.id == id }
        guard let current else { throw AppError.notFound(entity: .productCategory) }
        let category = try await app.products.updateCategory(acting, id, ProductCategoryDraft(), delete: true, version: current.version)
        return try JSONBody.response(category, version: category.version)
    }
}
