import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// The snapshot a new owner receives: history, open promises, key persons with their types and
    /// the expectation status, as things stand before the reassignment.
    func handoverSummary(_ acting: Acting, customer: Customer) async throws -> HandoverSummary {
        let id = customer.id
        let (activities, counts, promises, contacts, personalities, previous) = try await store.read { session in
            (try await session.activities(of: id, limit: 5, cursor: nil).items,
             try await session.timelineCounts(of: id),
             try await session.commitments(of: id).filter { $0.state == .open },
             try await session.contacts(of: id),
             try await session.personalities(of: id),
             try await customer.ownerID.asyncMap { try await session.user($0)?.user })
        }
        let status = try await situation(acting, of: id).expectation
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
    public func unreadHandovers(_ acting: Acting) async throws -> [Handover] {
        try await store.read { try await $0.unreadHandovers(to: [acting.id], limit: 100) }
    }

    public func handover(_ acting: Acting, _ id: HandoverID) async throws -> Handover {
        guard let found = try await store.read({ try await $0.handover(id, scope: acting.scope) }) else {
            throw AppError.notFound(entity: "handover")
        }
        return found
    }

    /// A customer's handovers, newest first.
    public func handovers(_ acting: Acting, of customerID: CustomerID) async throws -> [Handover] {
        _ = try await customer(acting, customerID)
        return try await store.read { try await $0.handovers(of: customerID) }
    }

    /// Marks a handover read; only its recipient may.
    public func markHandoverRead(_ acting: Acting, _ id: HandoverID) async throws -> Handover {
        let found = try await handover(acting, id)
        guard found.toUserID == acting.id else { throw AppError.forbidden(reason: "notRecipient") }
        let now = env.now()
        try await store.write { try await $0.markHandoverRead(id, at: now) }
        return try await handover(acting, id)
    }
}
