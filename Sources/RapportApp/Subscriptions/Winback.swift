import Foundation
import RapportCore
import RapportStore

/// Win-back (挽回) of customers who left: the list, attempts and what works.
public struct Winback: Sendable {
    let deps: Dependencies

    /// Churned customers the acting user may see that have not come back, with their reasons;
    /// newest churn first. `reason` keeps those who left for that reason.
    public func list(_ acting: Acting, reason: String? = nil, limit: Int = 50,
                            cursor: PageCursor? = nil) async throws -> Page<WinbackEntry> {
        try await deps.read(acting) { try await $0.winbackList(reason: reason, limit: limit, cursor: cursor) }
    }

    /// A customer's win-back attempts, newest first.
    public func attempts(_ acting: Acting, of customerID: CustomerID) async throws -> [WinbackAttempt] {
        _ = try await Customers(deps: deps).get(acting, customerID)
        return try await deps.read(acting) { try await $0.winbackAttempts(of: customerID) }
    }

    /// Records one attempt to win a customer back. It is about the given churned term, else the
    /// customer's latest churned one; a customer who never churned cannot be won back.
    public func recordAttempt(_ acting: Acting, customerID: CustomerID,
                                     _ draft: WinbackAttemptDraft) async throws -> WinbackAttempt {
        let parent = try await Customers(deps: deps).get(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let today = deps.today(for: acting.user)
        do { try draft.validate(today: today) } catch { throw AppError.invalid(error.errors) }
        let terms = try await deps.read(acting) { try await $0.subscriptions(of: customerID) }
        let churned = terms.filter { $0.state == .churned }
        let term: Subscription?
        if let id = draft.subscriptionID {
            term = churned.first { $0.id == id }
            if term == nil { throw AppError.invalid([FieldError("subscriptionID", .unknown)]) }
        } else {
            term = churned.max { ($0.churnedOn ?? $0.endsOn, $0.startsOn) < ($1.churnedOn ?? $1.endsOn, $1.startsOn) }
        }
        guard let term, let approach = draft.approach, let outcome = draft.outcome else {
            throw AppError.invalid([FieldError("subscriptionID", .notChurned)])
        }
        let attempt = WinbackAttempt(id: deps.env.newID(), customerID: customerID, subscriptionID: term.id, approach: approach,
                                     outcome: outcome, note: draft.note ?? "", userID: acting.id,
                                     attemptedOn: draft.attemptedOn ?? today, createdAt: deps.env.now())
        let entry = try deps.audit(acting.id, .winbackAttempt, attempt.id.description, .create,
                              before: nil as WinbackAttempt?, after: attempt)
        try await deps.write(acting) { session in
            try await session.insertWinbackAttempt(attempt)
            try await session.catalog.appendAudit(entry)
        }
        return attempt
    }

    /// What works: attempts and returns per churn reason × approach, over the customers the user may see.
    public func effectiveness(_ acting: Acting) async throws -> [WinbackEffectiveness] {
        try await deps.read(acting) { try await $0.winbackEffectiveness() }
    }
}
