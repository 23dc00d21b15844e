import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// Creates the order of a won deal through `createOrder`: one line described by the deal's
    /// title, quantity 1, unit price = the deal's amount, credited to the deal's owner and linked
    /// back by `dealID`; then stores the order's id on the deal. Refused (field `state`) unless the
    /// deal is won and has no order yet; a stale `version` is a conflict before any order is made.
    public func createDealOrder(_ acting: Acting, _ id: DealID, version: Int) async throws -> Deal {
        let before = try await deal(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        guard before.version == version else { throw AppError.conflict(currentVersion: before.version) }
        guard before.canCreateOrder else {
            throw AppError.invalid([FieldError("state", before.orderID == nil ? "notWon" : "hasOrder")])
        }
        // An earlier attempt may have made the order and then lost the race to save the deal: link that one.
        let orderID: OrderID
        if let existing = try await store.read({ try await $0.orderID(ofDeal: id) }) {
            orderID = existing
        } else {
            let line = OrderLineDraft(description: before.title, quantity: 1, unitPrice: before.amount)
            let draft = OrderDraft(orderedOn: before.closedOn, repID: before.ownerID, dealID: before.id,
                                   currency: before.currency, lines: [line])
            orderID = try await createOrder(acting, customerID: before.customerID, draft).id
        }
        var after = before
        after.orderID = orderID
        after.updatedAt = env.now()
        after.version = before.version + 1
        return try await saveDeal(acting, before: before, after: after, action: .update, version: version, contactsChanged: false)
    }
}
