import Foundation
import RapportCore
import RapportStore

extension BackgroundWork {
    /// Finds open promises past their due date (in the owner's time zone) that were not yet
    /// escalated, marks them, and writes a notice to the owner and the owner's team manager.
    /// Safe to run from several processes at once: each promise is claimed by one update.
    /// Returns how many promises were escalated.
    @discardableResult
    public func escalateOverdueCommitments(batch: Int = 500) async throws -> Int {
        let now = deps.env.now()
        // The latest "today" anywhere on Earth is at most one day ahead of UTC's.
        let latestToday = CalendarDate.today(in: .gmt, at: now).adding(days: 1)
        var users: [UserID: User] = [:]
        var managers: [TeamID: UserID?] = [:]
        let purpose = SystemPurpose.job("escalation")
        let (candidates, names) = try await deps.systemRead(purpose) { session in
            let candidates = try await session.unescalatedOverdueCommitments(before: latestToday, limit: batch)
            return (candidates, try await session.unrestricted.customerNames(candidates.map(\.customerID)))
        }
        var claims: [(Commitment, [Notice])] = []
        for promise in candidates {
            if users[promise.ownerID] == nil,
               let owner = try await deps.systemRead(purpose, { try await $0.catalog.user(promise.ownerID) })?.user {
                users[promise.ownerID] = owner
            }
            guard let owner = users[promise.ownerID] else { continue }
            let today = CalendarDate.today(in: TimeZone(identifier: owner.timeZone) ?? .gmt, at: now)
            guard promise.isOverdue(today: today) else { continue }
            var recipients = [owner.id]
            if let team = owner.teamID {
                if managers[team] == nil {
                    managers[team] = .some(try await deps.systemRead(purpose) { try await $0.catalog.team(team) }?.managerID)
                }
                if let manager = managers[team] ?? nil, manager != owner.id { recipients.append(manager) }
            }
            let payload = ["title": promise.title, "dueOn": promise.dueOn.description,
                           "customerName": names[promise.customerID] ?? "", "ownerName": owner.displayName]
            claims.append((promise, recipients.map {
                Notice(id: deps.env.newID(), recipientID: $0, kind: .commitmentOverdue, subjectID: promise.id.description,
                       customerID: promise.customerID, payload: payload, createdAt: now)
            }))
        }
        // One transaction for the whole batch: each promise is still claimed by its own guarded update.
        let batchClaims = claims
        let won = try await deps.systemWrite(purpose) { session in
            var won: [CommitmentID] = []
            for (promise, notices) in batchClaims {
                guard try await session.markEscalated(promise.id, at: now) else { continue }
                for notice in notices { try await session.catalog.insertNotice(notice) }
                won.append(promise.id)
            }
            return won
        }
        return won.count
    }
}
