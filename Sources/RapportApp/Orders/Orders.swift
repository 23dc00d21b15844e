import Foundation
import RapportCore
import RapportStore

/// Orders (订单) with their lines, revenue and profit; every order has a payment plan (回款计划).
public struct Orders: Sendable {
    let deps: Dependencies

    /// Orders across the customers the user may see, filtered, newest order date first.
    public func search(_ acting: Acting, _ filter: OrderFilter, limit: Int = 50,
                       cursor: PageCursor? = nil) async throws -> Page<Order> {
        try await deps.read(acting) { try await $0.orders(filter, limit: limit, cursor: cursor) }
    }

    /// Count, revenue, cost and profit per currency of the orders a filter selects (cancelled left out).
    public func totals(_ acting: Acting, _ filter: OrderFilter) async throws -> [OrderTotals] {
        try await deps.read(acting) { try await $0.orderTotals(filter) }
    }

    /// One order, visible iff its customer is visible (deleted ones too, for restore).
    public func get(_ acting: Acting, _ id: OrderID) async throws -> Order {
        guard let found = try await deps.read(acting, { try await $0.order(id) }) else {
            throw AppError.notFound(entity: .order)
        }
        return found
    }

    /// Records an order for a customer the user may see. The rep defaults to the customer's owner
    /// (reps may only credit themselves or the owner); the number is generated unless given; lines
    /// take blanks from their products; without instalments the plan is one instalment for the whole
    /// revenue due 30 days after the order date, by bank transfer, reminded 3 days ahead.
    public func create(_ acting: Acting, customerID: CustomerID, _ draft: OrderDraft) async throws -> Order {
        let parent = try await Customers(deps: deps).get(acting, customerID)
        let lookups = try await lookups(acting, customers: [parent], drafts: [draft])
        let (order, instalments, entry) = try prepare(acting, customer: parent, draft, lookups)
        let number = order.number
        if try await deps.read(acting, { try await $0.orderNumberTaken(number, excluding: nil) }) {
            throw AppError.invalid([FieldError("number", .taken)])
        }
        try await deps.write(acting, entity: .order) { session in
            try await session.insertOrder(order)
            for item in instalments { try await session.insertInstalment(item) }
            try await session.catalog.appendAudit(entry)
            // A first or a repeat order moves the customer's lifecycle stage, and makes it Won.
            _ = try await deps.refreshLifecycle(order.customerID, in: session)
            try await deps.settleStatus(acting, order.customerID, after: .ordered, in: session)
        }
        return order
    }

    /// What new orders point at, read once for all of them: their customers, the products their
    /// lines name and the users who may be credited (the drafts' reps and the customers' owners).
    struct Lookups {
        var products: [ProductID: Product] = [:]
        var users: [UserID: User] = [:]
    }

    func lookups(_ acting: Acting, customers: [Customer], drafts: [OrderDraft]) async throws -> Lookups {
        let productIDs = Set(drafts.flatMap { ($0.lines ?? []).compactMap(\.productID) })
        let userIDs = Set(drafts.compactMap(\.repID) + customers.compactMap(\.ownerID) + [acting.id])
        return try await deps.read(acting) { session in
            var found = Lookups()
            for id in productIDs { found.products[id] = try await session.catalog.product(id) }
            if userIDs.count > 20 {
                for user in try await session.catalog.users() { found.users[user.id] = user }
            } else {
                for id in userIDs { found.users[id] = try await session.catalog.user(id)?.user }
            }
            return found
        }
    }

    /// A new order for `parent` built and checked in memory as `create` records it: the rep
    /// defaults to the customer's owner, the number is generated unless given, lines take blanks
    /// from their products, the plan defaults to one instalment; with its instalments and audit line.
    /// Whether the number is free is left to the caller.
    func prepare(_ acting: Acting, customer parent: Customer, _ draft: OrderDraft,
                 _ lookups: Lookups) throws -> (Order, [PaymentInstalment], AuditEntry) {
        if parent.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        var draft = draft
        let products = try fillLines(&draft, lookups.products)
        if draft.currency == nil { draft.currency = products.first?.currency ?? MinorUnits.defaultCurrency }
        do { try draft.validate(current: nil) } catch { throw AppError.invalid(error.errors) }
        try checkLineCurrencies(draft, products: products, currency: draft.currency ?? MinorUnits.defaultCurrency)
        let now = deps.env.now()
        let today = deps.today(for: acting.user)
        let id: OrderID = deps.env.newID()
        let orderedOn = draft.orderedOn ?? today
        var order = Order(id: id, number: Order.generatedNumber(on: orderedOn, id: id), customerID: parent.id,
                          repID: parent.ownerID ?? acting.id, orderedOn: orderedOn, createdBy: acting.id,
                          createdAt: now, updatedAt: now)
        draft.apply(to: &order)
        try checkOrderRep(acting, order, customer: parent, users: lookups.users)
        let plan = draft.instalments ?? (order.revenue > 0 ? InstalmentDraft.defaultPlan(revenue: order.revenue, orderedOn: order.orderedOn) : [])
        let instalments = try makeInstalments(plan, for: order, today: today)
        let entry = try deps.audit(acting.id, .order, id.description, .create, before: nil as Order?, after: order)
        return (order, instalments, entry)
    }

    /// Changes an order: number, date, rep, status, note, and its lines while no receipt counts.
    /// New lines keep a one-instalment plan in step (else the plan becomes the default one);
    /// cancelling voids the plan and needs every receipt voided first.
    public func update(_ acting: Acting, _ id: OrderID, _ draft: OrderDraft, version: Int) async throws -> Order {
        let before = try await get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let parent = try await Customers(deps: deps).get(acting, before.customerID)
        var draft = draft
        let lookups = try await lookups(acting, customers: [parent], drafts: [draft])
        let products = try fillLines(&draft, lookups.products)
        do { try draft.validate(current: before) } catch { throw AppError.invalid(error.errors) }
        try checkLineCurrencies(draft, products: products, currency: draft.currency ?? before.currency)
        let plan = try await Payments(deps: deps).plan(acting, id)
        if draft.lines != nil, plan.hasLiveReceipts { throw AppError.invalid([FieldError("lines", .hasReceipts)]) }
        if draft.status == .cancelled, before.status != .cancelled, plan.hasLiveReceipts {
            throw AppError.invalid([FieldError("status", .hasReceipts)])
        }
        var after = before
        draft.apply(to: &after)
        if after.repID != before.repID { try checkOrderRep(acting, after, customer: parent, users: lookups.users) }
        after.updatedAt = deps.env.now()
        after.version = before.version + 1
        let today = deps.today(for: acting.user)
        var newPlan: [PaymentInstalment]?
        if let drafts = draft.instalments {
            guard !plan.hasLiveReceipts else { throw AppError.invalid([FieldError("instalments", .hasReceipts)]) }
            newPlan = try makeInstalments(drafts, for: after, today: today)
        } else if after.revenue != before.revenue {
            if plan.instalments.count == 1, let only = plan.instalments.first, after.revenue > 0 {
                newPlan = try makeInstalments([InstalmentDraft(amount: after.revenue, dueOn: only.dueOn, method: only.method,
                                                               remindDays: only.remindDays, note: only.note)], for: after, today: today)
            } else {
                newPlan = try makeInstalments(after.revenue > 0 ? InstalmentDraft.defaultPlan(revenue: after.revenue, orderedOn: after.orderedOn) : [],
                                              for: after, today: today)
            }
        }
        let entry = try deps.audit(acting.id, .order, id.description, .update, before: before, after: after)
        let saved = after, replacement = newPlan, now = after.updatedAt
        let statusChange: Bool? = after.status == before.status ? nil : after.status == .cancelled
        try await deps.write(acting, entity: .order) { session in
            try await session.updateOrder(saved, expectedVersion: version)
            if let replacement {
                try await session.deleteInstalments(of: id)
                for item in replacement { try await session.insertInstalment(item) }
            }
            if let void = statusChange, void || before.status == .cancelled {
                try await session.setInstalmentsVoid(of: id, void: void, at: now)
            }
            try await session.catalog.appendAudit(entry)
            if statusChange != nil || saved.orderedOn != before.orderedOn {
                _ = try await deps.refreshLifecycle(saved.customerID, in: session)
                try await deps.settleStatusAfterOrders(acting, saved.customerID, in: session)
            }
        }
        return after
    }

    /// Cancels an order (its plan becomes void); every receipt must be voided first.
    public func cancel(_ acting: Acting, _ id: OrderID) async throws -> Order {
        let current = try await get(acting, id)
        if current.status == .cancelled { return current }
        return try await update(acting, id, OrderDraft(status: .cancelled), version: current.version)
    }

    /// Soft-deletes an order entered by mistake (restorable).
    public func delete(_ acting: Acting, _ id: OrderID) async throws -> Order {
        try await setOrderDeleted(acting, id, deleted: true)
    }

    public func restore(_ acting: Acting, _ id: OrderID) async throws -> Order {
        try await setOrderDeleted(acting, id, deleted: false)
    }

    private func setOrderDeleted(_ acting: Acting, _ id: OrderID, deleted: Bool) async throws -> Order {
        let before = try await get(acting, id)
        guard (before.deletedAt != nil) != deleted else { return before }
        var after = before
        after.deletedAt = deleted ? deps.env.now() : nil
        after.updatedAt = deps.env.now()
        after.version += 1
        let entry = try deps.audit(acting.id, .order, id.description, deleted ? .delete : .restore, before: before, after: after)
        let saved = after
        try await deps.write(acting, entity: .order) { session in
            try await session.updateOrder(saved, expectedVersion: before.version)
            try await session.catalog.appendAudit(entry)
            _ = try await deps.refreshLifecycle(saved.customerID, in: session)
            try await deps.settleStatusAfterOrders(acting, saved.customerID, in: session)
        }
        return after
    }

    /// Fills each line's blanks from its product; unknown or inactive products are field errors.
    /// Returns the products used, in line order.
    /// Lines take blanks from their products (read beforehand); an unknown, deleted or inactive
    /// product is an error on its line.
    private func fillLines(_ draft: inout OrderDraft, _ known: [ProductID: Product]) throws -> [Product] {
        guard let lines = draft.lines else { return [] }
        var errors: [FieldError] = []
        var used: [Product] = []
        var filled: [OrderLineDraft] = []
        for (index, line) in lines.enumerated() {
            guard let productID = line.productID else { filled.append(line); continue }
            guard let product = known[productID], product.deletedAt == nil else {
                errors.append(FieldError("lines[\(index)].productID", .unknown))
                filled.append(line)
                continue
            }
            if !product.active { errors.append(FieldError("lines[\(index)].productID", .inactive)) }
            used.append(product)
            filled.append(line.filled(from: product))
        }
        if !errors.isEmpty { throw AppError.invalid(errors) }
        draft.lines = filled
        return used
    }

    /// A product line must be priced in the order's currency.
    private func checkLineCurrencies(_ draft: OrderDraft, products: [Product], currency: String) throws {
        let byID = Dictionary(products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let errors = (draft.lines ?? []).enumerated().compactMap { index, line -> FieldError? in
            guard let id = line.productID, let product = byID[id], product.currency != currency else { return nil }
            return FieldError("lines[\(index)].productID", .currencyMismatch, detail: product.currency)
        }
        if !errors.isEmpty { throw AppError.invalid(errors) }
    }

    /// Reps may only credit themselves or the customer's owner; the rep must be an active user.
    private func checkOrderRep(_ acting: Acting, _ order: Order, customer: Customer, users: [UserID: User]) throws {
        guard let repID = order.repID else { return }
        if acting.user.role == .rep, repID != acting.id, repID != customer.ownerID {
            throw AppError.forbidden(reason: .orderRep)
        }
        guard let rep = users[repID], !rep.disabled else {
            throw AppError.invalid([FieldError("repID", .unknown)])
        }
    }

    /// Stored instalments for a checked plan.
    func makeInstalments(_ plan: [InstalmentDraft], for order: Order, today: CalendarDate) throws -> [PaymentInstalment] {
        do { try InstalmentDraft.validate(plan, revenue: order.revenue) } catch { throw AppError.invalid(error.errors) }
        let now = deps.env.now()
        return plan.enumerated().map { index, item in
            PaymentInstalment(id: deps.env.newID(), orderID: order.id, customerID: order.customerID, seq: index + 1,
                              amount: item.amount, dueOn: item.dueOn, method: item.method ?? .bankTransfer,
                              remindDays: item.remindDays ?? InstalmentDraft.defaultRemindDays,
                              state: order.status == .cancelled ? .void : .pending, note: item.note ?? "",
                              createdAt: now, updatedAt: now).refreshed(today: today)
        }
    }
}
