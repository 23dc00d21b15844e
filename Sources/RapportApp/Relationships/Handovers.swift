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
                                summary: try await summary(acting, customer: before),
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
        try await session.insertHandover(handover)
        try await session.catalog.insertNotice(notice)
        try await session.setCareDatesOwner(of: handover.customerID, to: handover.toUserID)
        if let from = handover.fromUserID {
            let moved = try await session.transferOpenCommitments(of: handover.customerID, from: from,
                                                                 to: handover.toUserID, at: handover.createdAt)
            if moved > 0 {
                try await session.catalog.appendAudit(try deps.audit(
                    handover.createdBy, Customer.recordKind, handover.customerID.description, .reassign,
                    before: ["commitmentsOwner": from.description],
                    after: ["commitmentsOwner": handover.toUserID.description, "moved": String(moved)]))
            }
        }
        let deals = try await session.transferOpenDeals(of: handover.customerID, to: handover.toUserID, team: team,
                                                       at: handover.createdAt)
        if deals > 0 {
            try await session.catalog.appendAudit(try deps.audit(
                handover.createdBy, Customer.recordKind, handover.customerID.description, .reassign,
                before: ["dealsOwner": handover.fromUserID?.description ?? ""],
                after: ["dealsOwner": handover.toUserID.description, "moved": String(deals)]))
        }
    }

    /// The snapshot a new owner receives: history, open promises, key persons with their types and
    /// the expectation status, as things stand before the reassignment.
    func summary(_ acting: Acting, customer: Customer) async throws -> HandoverSummary {
        let id = customer.id
        let (activities, counts, promises, contacts, personalities, previous) = try await deps.read(acting) { session in
            (try await session.activities(of: id, limit: 5, cursor: nil).items,
             try await session.timelineCounts(of: id),
             try await session.commitments(of: id).filter { $0.state == .open },
             try await session.contacts(of: id),
             try await session.personalities(of: id),
             try await customer.ownerID.asyncMap { try await session.catalog.user($0)?.user })
        }
        let status = try await Situations(deps: deps).get(acting, of: id).expectation
        let types = Dictionary(personalities.map { ($0.subjectID, $0.personality) }, uniquingKeysWith: { a, _ in a })
        return HandoverSummary(
            customerName: customer.name, previousOwnerName: previous??.displayName,
            activityCount: counts.activities, noteCount: counts.notes,
            recentActivities: activities.map {
                HandoverSummary.Line(on: CalendarDate.today(in: .gmt, at: $0.occurredAt).description,
                                     text: [$0.channel.rawValue, $0.purpose, $0.outcome].filter { !$0.isEmpty }.joined(separator: " · "))
            },
            openCommitments: promises.map { HandoverSummary.Line(on: $0.dueOn.description, text: $0.title) },
            keyPersons: contacts.map { contact in
                let p = types[contact.id.description]
                return HandoverSummary.Person(id: contact.id, name: contact.name, title: contact.title,
                                              temperament: (p?.temperament ?? p?.suggestedTemperament)?.rawValue,
                                              buyerType: p?.buyerType?.rawValue)
            },
            expectationLevel: status.level.rawValue,
            expectationText: "\(status.measure.rawValue): \(status.measured) / \(status.bottom)–\(status.satisfaction)")
    }

    /// The handovers the acting user received and has not read yet.
    public func unread(_ acting: Acting) async throws -> [Handover] {
        try await deps.read(acting) { try await $0.unreadHandovers(to: [acting.id], limit: 100) }
    }

    public func get(_ acting: Acting, _ id: HandoverID) async throws -> Handover {
        guard let found = try await deps.read(acting, { try await $0.handover(id) }) else {
            throw AppError.notFound(entity: .handover)
        }
        return found
    }

    /// A customer's handovers, newest first.
    public func list(_ acting: Acting, of customerID: CustomerID) async throws -> [Handover] {
        try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.handovers(of: customerID)
        }
    }

    /// Marks a handover read; only its recipient may.
    public func markRead(_ acting: Acting, _ id: HandoverID) async throws -> Handover {
        let found = try await get(acting, id)
        guard found.toUserID == acting.id else { throw AppError.forbidden(reason: .notRecipient) }
        let now = deps.env.now()
        try await deps.write(acting) { try await $0.markHandoverRead(id, at: now) }
        return try await get(acting, id)
    }
}
