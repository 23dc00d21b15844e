import Foundation
import RapportCore
import RapportStore

/// Subscription terms (订阅/服务期): renewals, churn with its reasons, corrections.
public struct Subscriptions: Sendable {
    let deps: Dependencies

    /// The churn and renewal reasons (the admin's edited copy of `churn-reasons` when there is one).
    public func churnTaxonomy() async throws -> ChurnTaxonomy {
        try await deps.reference.value(.churnReasons, now: deps.env.now()) { try ChurnTaxonomy.decode($0) }
    }

    /// A customer's subscription terms, newest first, for a user who may see the customer.
    public func list(_ acting: Acting, of customerID: CustomerID) async throws -> [Subscription] {
        _ = try await Customers(deps: deps).get(acting, customerID)
        return try await deps.read(acting) { try await $0.subscriptions(of: customerID) }
    }

    /// One term; `notFound` unless the acting user may see its customer.
    public func get(_ acting: Acting, _ id: SubscriptionID) async throws -> Subscription {
        guard let found = try await deps.read(acting, { try await $0.record(Subscription.self, id) }) else {
            throw AppError.notFound(entity: .subscription)
        }
        return found
    }

    /// Records a subscription term. With a product, the term length defaults to the product's
    /// `term_months` and the price and currency to the product's; with only an order, the product
    /// is the order's first line with a term and the price that line's amount.
    public func create(_ acting: Acting, customerID: CustomerID,
                                   _ draft: SubscriptionDraft) async throws -> Subscription {
        let parent = try await Customers(deps: deps).get(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        var draft = draft
        // From an order alone: the first line whose product has a term, at that line's amount.
        if draft.productID == nil, let orderID = draft.orderID,
           let line = try await deps.read(acting, { try await $0.subscriptionLine(of: orderID, customer: customerID) }) {
            draft.productID = line.productID
            if draft.endsOn == nil && draft.termMonths == nil { draft.termMonths = line.termMonths }
            if draft.price == nil { draft.price = line.amount }
            if draft.currency == nil { draft.currency = line.currency }
        }
        if let productID = draft.productID {
            guard let product = try await deps.read(acting, { try await $0.catalog.productTerm(productID) }) else {
                throw AppError.invalid([FieldError("productID", .unknown)])
            }
            if draft.endsOn == nil && draft.termMonths == nil { draft.termMonths = product.termMonths }
            if draft.price == nil { draft.price = product.price }
            if draft.currency == nil { draft.currency = product.currency }
        }
        do { try draft.validate(current: nil) } catch { throw AppError.invalid(error.errors) }
        guard let start = draft.startsOn, let end = draft.resolvedEnd(start: start) else {
            throw AppError.invalid([FieldError("endsOn", .required)])
        }
        let now = deps.env.now()
        let term = Subscription(id: deps.env.newID(), customerID: customerID, productID: draft.productID, orderID: draft.orderID,
                                startsOn: start, endsOn: end, price: draft.price ?? 0,
                                currency: draft.currency ?? MinorUnits.defaultCurrency, createdBy: acting.id,
                                createdAt: now, updatedAt: now)
        let entry = try deps.audit(acting.id, .subscription, term.id.description, .create, before: nil as Subscription?, after: term)
        let deps = self.deps
        try await deps.write(acting) { session in
            try await session.insert(term)
            try await session.catalog.appendAudit(entry)
            try await deps.settleStatus(acting, customerID, after: .termRecorded, in: session)
        }
        return term
    }

    /// Corrects a term's dates, price, links or notes (the state changes through renew and churn).
    public func update(_ acting: Acting, _ id: SubscriptionID, _ draft: SubscriptionDraft,
                                   version: Int) async throws -> Subscription {
        let before = try await get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        do { try draft.validate(current: before) } catch { throw AppError.invalid(error.errors) }
        var after = before
        if let productID = draft.productID { after.productID = productID }
        if let orderID = draft.orderID { after.orderID = orderID }
        if let startsOn = draft.startsOn { after.startsOn = startsOn }
        if let end = draft.resolvedEnd(start: after.startsOn) { after.endsOn = end }
        if let price = draft.price { after.price = price }
        if let currency = draft.currency { after.currency = currency }
        if let note = draft.churnNote { after.churnNote = note }
        if let note = draft.renewalNote { after.renewalNote = note }
        // A corrected end date in the future brings a lapsed term back to active.
        if after.state == .lapsed && after.endsOn >= deps.today(for: acting.user) { after.state = .active }
        after.updatedAt = deps.env.now()
        after.version = before.version + 1
        return try await saveSubscription(acting, before: before, after: after, action: .update, version: version)
    }

    /// Soft-deletes a term recorded by mistake (restorable).
    public func delete(_ acting: Acting, _ id: SubscriptionID) async throws -> Subscription {
        try await setSubscriptionDeleted(acting, id, deleted: true)
    }

    public func restore(_ acting: Acting, _ id: SubscriptionID) async throws -> Subscription {
        try await setSubscriptionDeleted(acting, id, deleted: false)
    }

    private func setSubscriptionDeleted(_ acting: Acting, _ id: SubscriptionID, deleted: Bool) async throws -> Subscription {
        let before = try await get(acting, id)
        guard (before.deletedAt != nil) != deleted else { return before }
        var after = before
        after.deletedAt = deleted ? deps.env.now() : nil
        after.updatedAt = deps.env.now()
        after.version += 1
        return try await saveSubscription(acting, before: before, after: after, action: deleted ? .delete : .restore,
                                          version: before.version)
    }

    /// Renews a term: a next term starting the day after it ends (same length and price unless
    /// given), linked through `previousID`; the term itself becomes `renewed`. Returns the new term.
    public func renew(_ acting: Acting, _ id: SubscriptionID, _ input: RenewalInput,
                                  version: Int? = nil) async throws -> Subscription {
        let before = try await get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let taxonomy = try await churnTaxonomy()
        var input = input
        input.reasons = SubscriptionRules.unique(input.reasons)
        if !taxonomy.unknownRenewalCodes(input.reasons).isEmpty {
            throw AppError.invalid([FieldError("renewalReasons", .unknown,
                                               detail: taxonomy.unknownRenewalCodes(input.reasons).joined(separator: ","))])
        }
        let now = deps.env.now()
        let next: Subscription
        do {
            next = try SubscriptionRules.nextTerm(after: before, input, id: deps.env.newID(), by: acting.id, now: now)
        } catch { throw AppError.invalid(error.errors) }
        let after = SubscriptionRules.markRenewed(before, now: now)
        let entries = [try deps.audit(acting.id, .subscription, before.id.description, .update, before: before, after: after),
                       try deps.audit(acting.id, .subscription, next.id.description, .create, before: nil as Subscription?, after: next)]
        let deps = self.deps
        try await deps.write(acting, entity: .subscription) { session in
            try await session.update(after, expectedVersion: version ?? before.version)
            try await session.insert(next)
            for entry in entries { try await session.catalog.appendAudit(entry) }
            try await deps.settleStatus(acting, next.customerID, after: .termRecorded, in: session)
        }
        return next
    }

    /// Records that the customer left: at least one reason, every one from the churn taxonomy.
    public func churn(_ acting: Acting, _ id: SubscriptionID, _ input: ChurnInput,
                                  version: Int? = nil) async throws -> Subscription {
        let before = try await get(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let unknown = try await churnTaxonomy().unknownChurnCodes(input.reasons)
        if !unknown.isEmpty {
            throw AppError.invalid([FieldError("churnReasons", .unknown, detail: unknown.joined(separator: ","))])
        }
        if let day = input.churnedOn, day > deps.today(for: acting.user) {
            throw AppError.invalid([FieldError("churnedOn", .future)])
        }
        let after: Subscription
        do {
            after = try SubscriptionRules.churn(before, input, today: deps.today(for: acting.user), now: deps.env.now())
        } catch { throw AppError.invalid(error.errors) }
        return try await saveSubscription(acting, before: before, after: after, action: .update,
                                          version: version ?? before.version, churned: true)
    }

    /// Saves a changed term; after a churn the customer's status follows (`CustomerStatusRule`).
    private func saveSubscription(_ acting: Acting, before: Subscription, after: Subscription, action: AuditAction,
                                  version: Int, churned: Bool = false) async throws -> Subscription {
        let entry = try deps.audit(acting.id, .subscription, after.id.description, action, before: before, after: after)
        let deps = self.deps
        try await deps.write(acting, entity: .subscription) { session in
            try await session.update(after, expectedVersion: version)
            try await session.catalog.appendAudit(entry)
            if churned {
                let running = try await session.statusFacts(of: after.customerID).runningTerm
                try await deps.settleStatus(acting, after.customerID, after: .churned(stillRunning: running), in: session)
            }
        }
        return after
    }
}
