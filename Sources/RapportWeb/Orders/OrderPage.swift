import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /orders/{id}`: lines, totals and profit, the payment plan with its states, receipts and
/// the receipt form. Posts: `/orders/{id}/receipts`, `/receipts/{id}/void`, `/orders/{id}/status`
/// (fulfilled or back to confirmed), `/orders/{id}/cancel`, `/orders/{id}/delete`, `/orders/{id}/restore`.
struct OrderPage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("orders/:id", use: env.page(.signedIn, show))
        router.post("orders/:id/receipts", use: env.page(.signedIn, receipt))
        router.post("orders/:id/plan", use: env.page(.signedIn, replacePlan))
        router.post("receipts/:id/void", use: env.page(.signedIn, voidReceipt))
        router.post("orders/:id/status", use: env.page(.signedIn, status))
        router.post("orders/:id/cancel", use: env.page(.signedIn, cancel))
        router.post("orders/:id/delete", use: env.page(.signedIn, delete))
        router.post("orders/:id/restore", use: env.page(.signedIn, restore))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        var form = FormData()
        form.set("receivedOn", env.app.today(for: acting.user).description)
        return try await render(page, id: try page.id(), form: form, errors: [])
    }

    @Sendable func receipt(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: OrderID = try page.id()
        var problems: [FieldError] = []
        let amount = MinorUnits.parse(page.form.text("amount"))
        if amount == nil { problems.append(FieldError("amount", page.form.text("amount").isEmpty ? .required : .invalid)) }
        var receivedOn: CalendarDate?
        if let text = page.form.nonEmpty("receivedOn") {
            receivedOn = CalendarDate(parsing: text)
            if receivedOn == nil { problems.append(FieldError("receivedOn", .invalid)) }
        }
        guard problems.isEmpty, let amount else { return try await render(page, id: id, form: page.form, errors: problems) }
        let draft = ReceiptDraft(instalmentID: page.form.nonEmpty("instalmentID").flatMap(PaymentInstalmentID.init), amount: amount,
                                 receivedOn: receivedOn, method: page.form.nonEmpty("method").flatMap(PaymentMethod.init(rawValue:)),
                                 reference: page.form.text("reference"))
        do {
            _ = try await env.app.payments.recordReceipt(acting, id, draft)
            return PageEnvironment.redirect("/orders/\(id)#payments")
        } catch AppError.invalid(let errors) {
            return try await render(page, id: id, form: page.form, errors: errors)
        }
    }

    /// Replaces the plan with equal monthly instalments from a first due date.
    @Sendable func replacePlan(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: OrderID = try page.id()
        let order = try await env.app.orders.get(acting, id)
        guard let count = Int(page.form.text("planCount")), (1...12).contains(count) else {
            return try await render(page, id: id, form: page.form, errors: [FieldError("planCount", .invalid)])
        }
        guard let first = CalendarDate(parsing: page.form.text("planFirstDue")) else {
            return try await render(page, id: id, form: page.form, errors: [FieldError("planFirstDue", .invalid)])
        }
        do {
            _ = try await env.app.payments.setPlan(acting, id, OrderForm.split(order.revenue, count: count, first: first) ?? [])
            return PageEnvironment.redirect("/orders/\(id)#payments")
        } catch AppError.invalid(let errors) {
            return try await render(page, id: id, form: page.form, errors: errors)
        }
    }

    @Sendable func voidReceipt(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let plan = try await env.app.payments.voidReceipt(acting, try page.id())
        return PageEnvironment.redirect("/orders/\(plan.orderID)#payments")
    }

    @Sendable func status(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: OrderID = try page.id()
        guard let status = page.form["status"].flatMap(OrderStatus.init(rawValue:)) else { throw PageError.badRequest }
        do {
            _ = try await env.app.orders.update(acting, id, OrderDraft(status: status), version: try page.formVersion())
        } catch AppError.invalid(let errors) {
            return try await render(page, id: id, form: FormData(), errors: errors)
        } catch AppError.conflict {
            return try await render(page, id: id, form: FormData(), errors: [], conflict: true)
        }
        return PageEnvironment.redirect("/orders/\(id)")
    }

    @Sendable func cancel(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: OrderID = try page.id()
        do {
            _ = try await env.app.orders.cancel(acting, id)
        } catch AppError.invalid(let errors) {
            return try await render(page, id: id, form: FormData(), errors: errors)
        }
        return PageEnvironment.redirect("/orders/\(id)")
    }

    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let order = try await env.app.orders.delete(acting, try page.id())
        return PageEnvironment.redirect("/orders/\(order.id)")
    }

    @Sendable func restore(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let order = try await env.app.orders.restore(acting, try page.id())
        return PageEnvironment.redirect("/orders/\(order.id)")
    }

    private func render(_ page: PageRequest, id: OrderID, form: FormData, errors: [FieldError],
                        conflict: Bool = false) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let order = try await env.app.orders.get(acting, id)
        async let planLoad = env.app.payments.plan(acting, id)
        async let customerLoad = env.app.customers.get(acting, order.customerID)
        async let directoryLoad = Directory.load(env.app, acting)
        let (plan, customer, people) = try await (planLoad, customerLoad, directoryLoad)
        let view = OrderView(env: env, language: language)
        let messages = FormErrors(errors, env: env, language: language)
        let open = plan.instalments.filter(\.state.isOpen)
        let instalmentOptions = Choices.list(open.map {
            ($0.id.description, env.text("order.instalmentOption", language,
                                         [String($0.seq), $0.dueOn.description, view.money($0.outstanding, order.currency)]))
        }, selected: form.text("instalmentID"))
        let receiptFields: [FormField] = [
            FormField.select("instalmentID", env.text("payment.field.instalment", language), options: instalmentOptions, errors: messages),
            FormField.input("amount", env.text("payment.field.amount", language), value: form.text("amount"), errors: messages,
                            required: true, hint: env.text("payment.amountHint", language, [order.currency])),
            FormField.input("receivedOn", env.text("payment.field.receivedOn", language), value: form.text("receivedOn"),
                            errors: messages, type: "date"),
            FormField.select("method", env.text("payment.field.method", language),
                             options: Choices.of(PaymentMethod.self, prefix: "payment.method", selected: form.text("method"),
                                                 blank: "payment.method.asPlanned", env: env, language: language), errors: messages),
            FormField.input("reference", env.text("payment.field.reference", language), value: form.text("reference"), errors: messages),
        ]
        let live = order.deletedAt == nil
        let planFields: [FormField] = [
            FormField.input("planCount", env.text("order.field.instalments", language),
                            value: form.nonEmpty("planCount") ?? String(plan.instalments.count), errors: messages, type: "number"),
            FormField.input("planFirstDue", env.text("order.plan.firstDue", language),
                            value: form.nonEmpty("planFirstDue") ?? plan.instalments.first?.dueOn.description ?? "",
                            errors: messages, type: "date"),
        ]
        let shown: Set<String> = ["instalmentID", "amount", "receivedOn", "method", "reference", "planCount", "planFirstDue"]
        let model = OrderPageModel(
            order: OrderPageModel.Order(
                id: order.id.description, number: order.number, orderedOn: order.orderedOn.description,
                status: env.label("order.status", order.status, language), statusKey: order.status.rawValue,
                rep: people.name(order.repID), note: order.note,
                revenue: view.money(order.revenue, order.currency), cost: view.money(order.cost, order.currency),
                profit: view.money(order.profit, order.currency), version: String(order.version),
                deleted: order.deletedAt != nil),
            customer: RecordLink(id: customer.id.description, name: customer.name),
            lines: order.lines.map { line in
                OrderPageModel.Line(lineNo: String(line.lineNo), description: line.description, quantity: Self.quantity(line.quantity),
                                    unitPrice: view.money(line.unitPrice, order.currency), amount: view.money(line.amount, order.currency),
                                    costAmount: view.money(line.costAmount, order.currency))
            },
            plan: OrderPageModel.Plan(
                received: view.money(plan.received, order.currency), outstanding: view.money(plan.outstanding, order.currency),
                overdue: view.money(plan.overdue, order.currency), hasOverdue: plan.overdue > 0),
            instalments: plan.instalments.map { view.instalment($0, currency: order.currency) },
            receipts: plan.receipts.map { view.receipt($0, currency: order.currency, people: people, clock: page.clock) },
            receiptFields: receiptFields,
            planFields: planFields,
            canReplan: live && order.status != .cancelled && !plan.hasLiveReceipts && order.revenue > 0,
            canReceive: live && order.status != .cancelled && !open.isEmpty,
            canVoid: live,
            canFulfil: live && order.status == .confirmed,
            canReopen: live && order.status == .fulfilled,
            canCancel: live && order.status != .cancelled,
            canDelete: live,
            outcome: EditOutcome.Summary(conflict: conflict, hasErrors: !errors.isEmpty, otherErrors: messages.others(shown: shown)))
        return try await env.render("order", page, title: "order.title", model: model,
                              status: conflict ? .conflict : errors.isEmpty ? .ok : .unprocessableContent)
    }

    /// A quantity without a needless ".0".
    static func quantity(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
