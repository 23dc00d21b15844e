import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /orders/new?customer=ID` and `POST /orders/new`: records an order for a customer the user
/// can see, then shows it. `GET /orders/{id}/edit` and `POST /orders/{id}/edit` change its number,
/// date, rep, note and (while no receipt counts) its lines.
struct OrderFormPage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("orders/new", use: env.page(.signedIn, new))
        router.post("orders/new", use: env.page(.signedIn, create))
        router.get("orders/:id/edit", use: env.page(.signedIn, edit))
        router.post("orders/:id/edit", use: env.page(.signedIn, update))
    }

    @Sendable func new(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        guard let id = page.query["customer"].flatMap(CustomerID.init) else { throw PageError.badRequest }
        let customer = try await env.app.customers.get(acting, id)
        if customer.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        var form = FormData()
        form.set("orderedOn", env.app.today(for: acting.user).description)
        form.set("instalments", "1")
        form.set("termDays", String(InstalmentDraft.defaultTermDays))
        return try await render(page, customer: customer, form: form, errors: [])
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        guard let id = page.form["customer"].flatMap(CustomerID.init) else { throw PageError.badRequest }
        let customer = try await env.app.customers.get(acting, id)
        let products = try await env.app.products.list(acting, activeOnly: true, limit: 200).items
        let (draft, problems) = OrderForm.draft(from: page.form, products: products, today: env.app.today(for: acting.user))
        if !problems.isEmpty { return try await render(page, customer: customer, form: page.form, errors: problems) }
        do {
            let order = try await env.app.orders.create(acting, customerID: customer.id, draft)
            return PageEnvironment.redirect("/orders/\(order.id)")
        } catch AppError.invalid(let errors) {
            return try await render(page, customer: customer, form: page.form, errors: errors)
        }
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let order = try await env.app.orders.get(acting, try page.id())
        if order.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let customer = try await env.app.customers.get(acting, order.customerID)
        return try await render(page, customer: customer, form: OrderForm.values(of: order), errors: [], order: order)
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let order = try await env.app.orders.get(acting, try page.id())
        let customer = try await env.app.customers.get(acting, order.customerID)
        let products = try await env.app.products.list(acting, activeOnly: true, limit: 200).items
        var (draft, problems) = OrderForm.draft(from: page.form, products: products, today: env.app.today(for: acting.user))
        if problems.isEmpty, try await env.app.payments.plan(acting, order.id).hasLiveReceipts { draft.lines = nil }
        draft.instalments = nil
        if !problems.isEmpty { return try await render(page, customer: customer, form: page.form, errors: problems, order: order) }
        do {
            _ = try await env.app.orders.update(acting, order.id, draft, version: try page.formVersion())
            return PageEnvironment.redirect("/orders/\(order.id)")
        } catch AppError.invalid(let errors) {
            return try await render(page, customer: customer, form: page.form, errors: errors, order: order)
        } catch AppError.conflict {
            let current = try await env.app.orders.get(acting, order.id)
            return try await render(page, customer: customer, form: OrderForm.values(of: current), errors: [], order: current,
                                    conflict: true)
        }
    }

    private func render(_ page: PageRequest, customer: Customer, form: FormData, errors: [FieldError],
                        order: Order? = nil, conflict: Bool = false) async throws -> Response {
        let acting = page.acting
        let language = page.language
        async let productsLoad = env.app.products.list(acting, activeOnly: true, limit: 200)
        async let directoryLoad = Directory.load(env.app, acting)
        let (products, people) = try await (productsLoad, directoryLoad)
        let messages = FormErrors(errors.filter { !$0.field.hasPrefix("lines[") }, env: env, language: language)
        var fields: [FormField] = [
            FormField.input("number", env.text("order.field.number", language), value: form.text("number"), errors: messages,
                            hint: env.text("order.numberHint", language)),
            FormField.input("orderedOn", env.text("order.field.orderedOn", language), value: form.text("orderedOn"),
                            errors: messages, type: "date", required: true),
        ]
        if acting.isManager {
            let reps = people.assignableOwners(acting).map { ($0.id.description, $0.displayName) }
            let selected = form.nonEmpty("repID") ?? customer.ownerID?.description ?? acting.id.description
            fields.append(FormField.select("repID", env.text("order.field.rep", language),
                                           options: Choices.list(reps, selected: selected), errors: messages))
        }
        if order == nil {
            fields.append(FormField.input("instalments", env.text("order.field.instalments", language),
                                          value: form.text("instalments"), errors: messages, type: "number"))
            fields.append(FormField.input("termDays", env.text("order.field.termDays", language), value: form.text("termDays"),
                                          errors: messages, type: "number", hint: env.text("order.termHint", language)))
        }
        fields.append(FormField.textarea("note", env.text("order.field.note", language), value: form.text("note"), errors: messages))
        let lineErrors = errors.filter { $0.field == "lines" }.map { env.localizer.message(for: $0, language) }
        let shown: Set<String> = ["number", "orderedOn", "repID", "instalments", "termDays", "note", "lines"]
        let linesLocked: Bool
        if let order { linesLocked = try await env.app.payments.plan(acting, order.id).hasLiveReceipts } else { linesLocked = false }
        let model = OrderFormModel(
            customer: RecordLink(id: customer.id.description, name: customer.name),
            action: order.map { "/orders/\($0.id)/edit" } ?? "/orders/new",
            isNew: order == nil, version: form.text("version"), rowCount: String(OrderForm.rowCount(form)),
            backURL: order.map { "/orders/\($0.id)" } ?? CustomerTab.link(customer.id, "orders"),
            linesLocked: linesLocked,
            outcome: EditOutcome.Summary(conflict: conflict, hasErrors: !errors.isEmpty,
                otherErrors: messages.others(shown: shown)),
            fields: fields,
            rows: OrderForm.rows(form: form, products: products.items, errors: errors, env: env, language: language),
            lineErrors: lineErrors)
        return try await env.render("order_form", page, title: order == nil ? "order.newTitle" : "order.editTitle", model: model,
                              status: conflict ? .conflict : errors.isEmpty ? .ok : .unprocessableContent)
    }
}
