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
        let line = OrderLineDraft(description: before.title, quantity: 1, unitPrice: before.amount)
        let draft = OrderDraft(orderedOn: before.closedOn, repID: before.ownerID, dealID: before.id,
                               currency: before.currency, lines: [line])
        let order = try await createOrder(acting, customerID: before.customerID, draft)
        var after = before
        after.orderID = order.id
        after.updatedAt = env.now()
        after.version = before.version + 1
        return try await saveDeal(acting, before: before, after: after, action: .update, version: version, contactsChanged: false)
    }
}
