import Foundation
import RapportCore
import RapportStore

extension BackgroundWork {
    /// Moves active terms whose last day has passed (in their customer owner's zone) to `lapsed`;
    /// returns how many. Safe with several processes: each term is claimed by a guarded update.
    public func lapseEndedSubscriptions(batch: Int = 500) async throws -> Int {
        let now = deps.env.now()
        // The latest "today" anywhere on Earth is at most one day ahead of UTC's.
        let latestToday = CalendarDate.today(in: .gmt, at: now).adding(days: 1)
        let purpose = SystemPurpose.job("subscription-lapse")
        let candidates = try await deps.systemRead(purpose) { try await $0.activeSubscriptionsEnded(before: latestToday, limit: batch) }
        var zones: [CustomerID: TimeZone] = [:]
        var due: [Subscription] = []
        for term in candidates {
            let zone = try await ownerZone(of: term.customerID, cache: &zones)
            if SubscriptionRules.shouldLapse(term, today: CalendarDate.today(in: zone, at: now)) { due.append(term) }
        }
        var entries: [SubscriptionID: AuditEntry] = [:]
        for term in due {
            var after = term
            after.state = .lapsed
            after.updatedAt = now
            after.version += 1
            entries[term.id] = try deps.audit(nil, .subscription, term.id.description, .update, before: term, after: after)
        }
        let claimed = due
        let audits = entries
        return try await deps.systemWrite(purpose) { session in
            var count = 0
            for term in claimed where try await session.markLapsed(term.id, at: now) {
                if let entry = audits[term.id] { try await session.catalog.appendAudit(entry) }
                count += 1
            }
            return count
        }
    }

    /// Tells each customer's owner, once per term, when an active term ends within
    /// `SubscriptionRules.renewalNoticeDays` days without a renewal (renewal contact well before
    /// expiry, never first contact at expiry). Returns how many notices were written.
    public func noticeEndingSubscriptions(batch: Int = 500) async throws -> Int {
        let now = deps.env.now()
        let today = CalendarDate.today(in: .gmt, at: now)
        let purpose = SystemPurpose.job("subscription-renewal-notices")
        let candidates = try await deps.systemRead(purpose) {
            try await $0.activeSubscriptionsEnding(from: today.adding(days: -1),
                                                   through: today.adding(days: SubscriptionRules.renewalNoticeDays + 1),
                                                   unnoticed: NoticeKind.subscriptionEnding.rawValue, limit: batch)
        }
        let customers = try await deps.systemRead(purpose) { session in
            var found: [CustomerID: Customer] = [:]
            for id in Set(candidates.map(\.customerID)) {
                if let c = try await session.unrestricted.customer(id) { found[id] = c }
            }
            return found
        }
        var notices: [Notice] = []
        for term in candidates {
            guard let customer = customers[term.customerID], customer.deletedAt == nil, let owner = customer.ownerID else {
                continue
            }
            notices.append(Notice(id: deps.env.newID(), recipientID: owner, kind: .subscriptionEnding,
                                  subjectID: term.id.description, customerID: customer.id,
                                  payload: ["customerName": customer.name, "endsOn": term.endsOn.description],
                                  createdAt: now))
        }
        let batchNotices = notices
        return try await deps.systemWrite(purpose) { session in
            var written = 0
            for notice in batchNotices where try await session.catalog.insertNotice(notice) { written += 1 }
            return written
        }
    }

    /// The time zone of a customer's owner (UTC when unowned), cached per customer.
    private func ownerZone(of customerID: CustomerID, cache: inout [CustomerID: TimeZone]) async throws -> TimeZone {
        if let zone = cache[customerID] { return zone }
        var zone = TimeZone.gmt
        let purpose = SystemPurpose.job("subscription-lapse")
        if let owner = try await deps.systemRead(purpose, { try await $0.unrestricted.customer(customerID) })?.ownerID,
           let user = try await deps.systemRead(purpose, { try await $0.catalog.user(owner) })?.user {
            zone = TimeZone(identifier: user.timeZone) ?? .gmt
        }
        cache[customerID] = zone
        return zone
    }
}
