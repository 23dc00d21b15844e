import Foundation
import RapportCore
import RapportStore

/// An open instalment in a due list, with what a reader needs to act on it.
public struct DueInstalment: Sendable, Codable, Equatable {
    public var instalment: PaymentInstalment
    public var orderNumber: String
    public var currency: String
    public var customerID: CustomerID
    public var customerName: String
    public var repID: UserID?
}

/// What a customer still owes in one currency, and how much of it is past due.
public struct CustomerPayments: Sendable, Codable, Equatable {
    public var currency: String
    public var outstanding: Int64
    public var overdue: Int64
}

/// Payment plans (回款计划), receipts and what is due.
public struct Payments: Sendable {
    let deps: Dependencies

    /// Outstanding and overdue amounts of a customer's live orders, per currency.
    public func ofCustomer(_ acting: Acting, _ customerID: CustomerID) async throws -> [CustomerPayments] {
        _ = try await Customers(deps: deps).get(acting, customerID)
        let today = deps.today(for: acting.user)
        let open = try await deps.read(acting) { try await $0.openInstalments(ofCustomer: customerID) }
        var sums: [String: CustomerPayments] = [:]
        for (item, currency) in open {
            let current = item.refreshed(today: today)
            var sum = sums[currency] ?? CustomerPayments(currency: currency, outstanding: 0, overdue: 0)
            sum.outstanding += current.outstanding
            if current.state == .overdue { sum.overdue += current.outstanding }
            sums[currency] = sum
        }
        return sums.values.sorted { $0.currency < $1.currency }
    }
    /// An order's plan, receipts and totals, states decided for the user's today.
    public func plan(_ acting: Acting, _ orderID: OrderID) async throws -> PaymentPlan {
        let order = try await Orders(deps: deps).get(acting, orderID)
        let (instalments, receipts) = try await deps.read(acting) { session in
            (try await session.instalments(of: orderID), try await session.receipts(of: orderID))
        }
        return PaymentPlan(order: order, instalments: instalments, receipts: receipts, today: deps.today(for: acting.user))
    }

    /// Replaces an order's plan; the amounts must add up to the order's revenue and no receipt may count.
    public func setPlan(_ acting: Acting, _ orderID: OrderID, _ plan: [InstalmentDraft]) async throws -> PaymentPlan {
        let order = try await Orders(deps: deps).get(acting, orderID)
        guard order.isLive else { throw AppError.forbidden(reason: order.deletedAt != nil ? .deleted : .orderCancelled) }
        let before = try await self.plan(acting, orderID)
        if before.hasLiveReceipts { throw AppError.invalid([FieldError("instalments", .hasReceipts)]) }
        let instalments = try Orders(deps: deps).makeInstalments(plan, for: order, today: deps.today(for: acting.user))
        let entry = try deps.audit(acting.id, .paymentPlan, orderID.description, .update, before: before.instalments,
                              after: instalments)
        try await deps.write(acting) { session in
            try await session.deleteInstalments(of: orderID)
            for item in instalments { try await session.insertInstalment(item) }
            try await session.catalog.appendAudit(entry)
        }
        return try await self.plan(acting, orderID)
    }

    /// Records money received against an instalment (without one: the earliest still open). More
    /// than the instalment still expects is refused (`amount`: `exceedsOutstanding`).
    public func recordReceipt(_ acting: Acting, _ orderID: OrderID, _ draft: ReceiptDraft) async throws -> PaymentPlan {
        let order = try await Orders(deps: deps).get(acting, orderID)
        guard order.isLive else { throw AppError.forbidden(reason: order.deletedAt != nil ? .deleted : .orderCancelled) }
        let plan = try await self.plan(acting, orderID)
        let today = deps.today(for: acting.user)
        let target: PaymentInstalment?
        if let wanted = draft.instalmentID {
            guard let found = plan.instalments.first(where: { $0.id == wanted }) else {
                throw AppError.invalid([FieldError("instalmentID", .unknown)])
            }
            target = found
        } else {
            target = plan.instalments.first { $0.state.isOpen }
        }
        do { try draft.validate(outstanding: target?.outstanding ?? 0, today: today) } catch { throw AppError.invalid(error.errors) }
        guard let target else { throw AppError.invalid([FieldError("amount", .exceedsOutstanding, detail: "0.00")]) }
        let now = deps.env.now()
        let receipt = PaymentReceipt(id: deps.env.newID(), orderID: orderID, instalmentID: target.id, amount: draft.amount,
                                     receivedOn: draft.receivedOn ?? today, method: draft.method ?? target.method,
                                     reference: draft.reference ?? "", recordedBy: acting.id, createdAt: now)
        var updated = target
        updated.received += draft.amount
        updated = updated.refreshed(today: today)
        updated.updatedAt = now
        updated.version += 1
        let entry = try deps.audit(acting.id, .paymentReceipt, receipt.id.description, .create,
                              before: nil as PaymentReceipt?, after: receipt)
        let saved = updated
        try await deps.write(acting, entity: .paymentInstalment) { session in
            try await session.insertReceipt(receipt)
            try await session.updateInstalment(saved, expectedVersion: target.version)
            try await session.catalog.appendAudit(entry)
        }
        return try await self.plan(acting, orderID)
    }

    /// Voids a receipt recorded by mistake: its instalment expects the money again. Voiding twice changes nothing.
    public func voidReceipt(_ acting: Acting, _ id: PaymentReceiptID) async throws -> PaymentPlan {
        guard let receipt = try await deps.read(acting, { try await $0.receipt(id) }) else { throw AppError.notFound(entity: .receipt) }
        let order = try await Orders(deps: deps).get(acting, receipt.orderID)
        if order.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        guard receipt.voidedAt == nil else { return try await plan(acting, order.id) }
        let today = deps.today(for: acting.user)
        let now = deps.env.now()
        var after = receipt
        after.voidedAt = now
        after.voidedBy = acting.id
        let entry = try deps.audit(acting.id, .paymentReceipt, id.description, .delete, before: receipt, after: after)
        let actor = acting.id
        try await deps.write(acting, entity: .paymentInstalment) { session in
            guard try await session.voidReceipt(id, by: actor, at: now) else { return }
            if let instalmentID = receipt.instalmentID,
               var item = try await session.instalments(of: receipt.orderID).first(where: { $0.id == instalmentID }) {
                let version = item.version
                item.received = max(0, item.received - receipt.amount)
                if item.state != .void { item = item.refreshed(today: today) }
                item.updatedAt = now
                item.version += 1
                try await session.updateInstalment(item, expectedVersion: version)
            }
            try await session.catalog.appendAudit(entry)
        }
        return try await plan(acting, order.id)
    }

    /// Open instalments due on or before `through` across the customers the user may see
    /// (overdue ones first by due date), optionally only one rep's orders.
    public func due(_ acting: Acting, through: CalendarDate, repID: UserID? = nil, limit: Int = 50,
                               cursor: PageCursor? = nil) async throws -> Page<DueInstalment> {
        let today = deps.today(for: acting.user)
        let page = try await deps.read(acting) {
            try await $0.dueInstalments(through: through, repID: repID, limit: limit, cursor: cursor)
        }
        var orders: [OrderID: Order] = [:]
        for item in page.items where orders[item.orderID] == nil {
            orders[item.orderID] = try await deps.read(acting) { try await $0.order(item.orderID) }
        }
        let names = try await Customers(deps: deps).names(acting, page.items.map(\.customerID))
        let items = page.items.compactMap { item -> DueInstalment? in
            guard let order = orders[item.orderID] ?? nil else { return nil }
            return DueInstalment(instalment: item.refreshed(today: today), orderNumber: order.number, currency: order.currency,
                                 customerID: item.customerID, customerName: names[item.customerID] ?? "", repID: order.repID)
        }
        return Page(items: items, nextCursor: page.nextCursor)
    }
}
