import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /products`: the catalogue by name with categories (everyone). Admins: `POST /products`
/// (add), `GET /products/{id}/edit` + `POST /products/{id}` (edit), `POST /products/{id}/active`
/// (deactivate or activate again), `POST /product-categories` (add a category).
struct ProductPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("products", use: env.page(.signedIn, list))
        router.post("products", use: env.page(.signedIn, create))
        router.get("products/:id/edit", use: env.page(.signedIn, edit))
        router.post("products/:id", use: env.page(.signedIn, update))
        router.post("products/:id/active", use: env.page(.signedIn, toggle))
        router.post("product-categories", use: env.page(.signedIn, addCategory))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        var form = FormData()
        form.set("currency", MinorUnits.defaultCurrency)
        return try await render(page, form: form, errors: [])
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        try acting.requireAdmin()
        let (draft, problems) = Self.draft(page.form)
        if !problems.isEmpty { return try await render(page, form: page.form, errors: problems) }
        do {
            _ = try await env.app.products.create(acting, draft)
            return PageEnvironment.redirect("/products")
        } catch AppError.invalid(let errors) {
            return try await render(page, form: page.form, errors: errors)
        }
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        try acting.requireAdmin()
        let product = try await env.app.products.get(acting, try page.id())
        return try await renderEdit(page, product: product, form: Self.values(product), errors: [])
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        try acting.requireAdmin()
        let product = try await env.app.products.get(acting, try page.id())
        let (draft, problems) = Self.draft(page.form)
        if !problems.isEmpty { return try await renderEdit(page, product: product, form: page.form, errors: problems) }
        do {
            _ = try await env.app.products.update(acting, product.id, draft, version: try page.formVersion())
            return PageEnvironment.redirect("/products")
        } catch AppError.invalid(let errors) {
            return try await renderEdit(page, product: product, form: page.form, errors: errors)
        } catch AppError.conflict {
            let current = try await env.app.products.get(acting, product.id)
            return try await renderEdit(page, product: current, form: Self.values(current), errors: [], conflict: true)
        }
    }

    @Sendable func toggle(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        try acting.requireAdmin()
        let product = try await env.app.products.get(acting, try page.id())
        _ = try await env.app.products.update(acting, product.id, ProductDraft(active: !product.active), version: product.version)
        return PageEnvironment.redirect("/products")
    }

    @Sendable func addCategory(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        try acting.requireAdmin()
        do {
            _ = try await env.app.products.createCategory(acting, ProductCategoryDraft(name: page.form.text("categoryName")))
            return PageEnvironment.redirect("/products")
        } catch AppError.invalid(let errors) {
            return try await render(page, form: FormData(), errors: errors.map { FieldError("categoryName", $0.code, detail: $0.detail) })
        }
    }

    /// The draft from the product form; prices are typed in currency units ("12.50").
    static func draft(_ form: FormData) -> (ProductDraft, [FieldError]) {
        var problems: [FieldError] = []
        func money(_ name: String) -> Int64? {
            guard let text = form.nonEmpty(name) else { return nil }
            guard let value = MinorUnits.parse(text) else { problems.append(FieldError(name, .invalid)); return nil }
            return value
        }
        let draft = ProductDraft(categoryID: .some(form.nonEmpty("categoryID").flatMap(ProductCategoryID.init)),
                                 code: form.text("code"), name: form.text("name"), unit: form.text("unit"),
                                 price: money("price"), cost: money("cost") ?? 0,
                                 currency: form.nonEmpty("currency")?.uppercased() ?? MinorUnits.defaultCurrency,
                                 description: form.text("description"))
        return (draft, problems)
    }

    static func values(_ p: Product) -> FormData {
        var form = FormData()
        form.set("code", p.code); form.set("name", p.name); form.set("unit", p.unit)
        form.set("price", MinorUnits.plain(p.price)); form.set("cost", MinorUnits.plain(p.cost))
        form.set("currency", p.currency); form.set("categoryID", p.categoryID?.description ?? "")
        form.set("description", p.description); form.set("version", String(p.version))
        return form
    }

    private func fields(_ form: FormData, errors: FormErrors, categories: [ProductCategory], language: Language) -> [FormField] {
        [
            FormField.input("code", env.text("product.field.code", language), value: form.text("code"), errors: errors, required: true),
            FormField.input("name", env.text("product.field.name", language), value: form.text("name"), errors: errors, required: true),
            FormField.select("categoryID", env.text("product.field.category", language),
                             options: Choices.list(categories.map { ($0.id.description, $0.name) }, selected: form.text("categoryID"),
                                                   blank: env.text("product.noCategory", language)), errors: errors),
            FormField.input("unit", env.text("product.field.unit", language), value: form.text("unit"), errors: errors),
            FormField.input("price", env.text("product.field.price", language), value: form.text("price"), errors: errors, required: true),
            FormField.input("cost", env.text("product.field.cost", language), value: form.text("cost"), errors: errors),
            FormField.input("currency", env.text("product.field.currency", language), value: form.text("currency"), errors: errors),
            FormField.textarea("description", env.text("product.field.description", language), value: form.text("description"), errors: errors),
        ]
    }

    private func render(_ page: PageRequest, form: FormData, errors: [FieldError]) async throws -> Response {
        let acting = page.acting
        let language = page.language
        async let productsLoad = env.app.products.list(acting, limit: 200)
        async let categoriesLoad = env.app.products.categories(acting)
        let (products, categories) = try await (productsLoad, categoriesLoad)
        let names = Dictionary(categories.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let messages = FormErrors(errors, env: env, language: language)
        let model = ProductListModel(
            products: products.items.map { p in
                ProductListModel.Product(
                    id: p.id.description, code: p.code, name: p.name, unit: p.unit,
                    category: p.categoryID.flatMap { names[$0] } ?? "", price: MinorUnits.display(p.price, currency: p.currency),
                    cost: MinorUnits.display(p.cost, currency: p.currency), active: p.active)
            },
            categories: categories.map(\.name),
            isAdmin: acting.isAdmin,
            fields: fields(form, errors: messages, categories: categories, language: language),
            errors: messages,
            otherErrors: messages.others(shown: ["code", "name", "categoryID", "unit", "price", "cost", "currency", "description", "categoryName"]))
        return try await env.render("products", page, title: "products.title", model: model, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    private func renderEdit(_ page: PageRequest, product: Product, form: FormData, errors: [FieldError],
                            conflict: Bool = false) async throws -> Response {
        let acting = page.acting
        let messages = FormErrors(errors, env: env, language: page.language)
        let categories = try await env.app.products.categories(acting)
        let model = ProductFormModel(
            product: ProductFormModel.Product(id: product.id.description, version: form.text("version")),
            fields: fields(form, errors: messages, categories: categories, language: page.language),
            outcome: EditOutcome.Summary(conflict: conflict, hasErrors: !errors.isEmpty,
                otherErrors: messages.others(shown: ["code", "name", "categoryID", "unit", "price", "cost", "currency", "description"])))
        return try await env.render("product_form", page, title: "product.editTitle", model: model,
                              status: conflict ? .conflict : errors.isEmpty ? .ok : .unprocessableContent)
    }
}
