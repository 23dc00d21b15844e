import Foundation
import RapportCore
import RapportStore

/// Handovers: what a new owner receives when a customer is reassigned to them.
public struct Handovers: Sendable {
    let deps: Dependencies

    /// The handover and the new owner's notice for a reassignment, built from the customer as it is
    /// before the change (written with the change itself by `record`).
    func prepare(_ acting: Acting, customer before: Customer, to newOwner: User) async throws -> (Handover, Notice) {
        let now = deps.env.now()
        let handover = Handover(id: deps.env.newID(), customerID: before.id, fromUserID: before.ownerID, toUserID: newOwner.id,
                                summary: try await Rapport(deps: deps).handoverSummary(acting, customer: before),
                                createdBy: acting.id, createdAt: now)
        let notice = Notice(id: deps.env.newID(), recipientID: newOwner.id, kind: .handoverReceived,
                            subjectID: handover.id.description, customerID: before.id,
                            payload: ["customerName": before.name, "fromName": handover.summary.previousOwnerName ?? ""],
                            createdAt: now)
        return (handover, notice)
    }

    /// Saves a handover in the reassignment's transaction: the snapshot, the new owner's notice, the
    /// customer's care dates, the previous owner's open promises and the open deals (also to the new
    /// team) move to the new owner, and the moves are audited.
    func record(_ pair: (Handover, Notice), team: TeamID?, in session: ScopedSession) async throws {
        let (handover, notice) = pair
        let legacy = session.legacy
        try await legacy.insertHandover(handover)
        try await legacy.insertNotice(notice)
        try await legacy.setCareDatesOwner(of: handover.customerID, to: handover.toUserID)
        if let from = handover.fromUserID {
            let moved = try await legacy.transferOpenCommitments(of: handover.customerID, from: from,
                                                                 to: handover.toUserID, at: handover.createdAt)
            if moved > 0 {
                try await session.catalog.appendAudit(try deps.audit(
                    handover.createdBy, Customer.entityName, handover.customerID.description, .reassign,
                    before: ["commitmentsOwner": from.description],
                    after: ["commitmentsOwner": handover.toUserID.description, "moved": String(moved)]))
            }
        }
        let deals = try await legacy.transferOpenDeals(of: handover.customerID, to: handover.toUserID, team: team,
                                                       at: handover.createdAt)
        if deals > 0 {
            try await session.catalog.appendAudit(try deps.audit(
                handover.createdBy, Customer.entityName, handover.customerID.description, .reassign,
                before: ["dealsOwner": handover.fromUserID?.description ?? ""],
                after: ["dealsOwner": handover.toUserID.description, "moved": String(deals)]))
        }
    }
}
