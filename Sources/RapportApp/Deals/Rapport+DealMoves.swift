import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// Moves an open deal to another stage and records the move (`deal_stage_changes`).
    public func moveDeal(_ acting: Acting, _ id: DealID, to stageID: DealStageID, version: Int) async throws -> Deal {
        let before = try await deal(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        _ = try await liveDealStage(stageID)
        let now = env.now()
        var after: Deal
        do { after = try before.moved(to: stageID, at: now) } catch { throw AppError.invalid(error.errors) }
        guard after != before else {
            guard before.version == version else { throw AppError.conflict(currentVersion: before.version) }
            return before
        }
        after.updatedAt = now
        after.version = before.version + 1
        let change = DealStageChange(id: env.newID(), dealID: id, fromStageID: before.stageID, toStageID: stageID,
                                     userID: acting.id, at: now)
        return try await saveDeal(acting, before: before, after: after, action: .update, version: version,
                                  contactsChanged: false, stageChange: change)
    }

    /// Closes an open deal as won; the reason is required. The close day is the user's today.
    public func winDeal(_ acting: Acting, _ id: DealID, reason: String, version: Int) async throws -> Deal {
        try await closeDeal(acting, id, won: true, reason: reason, version: version)
    }

    /// Closes an open deal as lost; the reason is required.
    public func loseDeal(_ acting: Acting, _ id: DealID, reason: String, version: Int) async throws -> Deal {
        try await closeDeal(acting, id, won: false, reason: reason, version: version)
    }

    private func closeDeal(_ acting: Acting, _ id: DealID, won: Bool, reason: String, version: Int) async throws -> Deal {
        let before = try await deal(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        var after: Deal
        do { after = try before.closed(won: won, reason: reason, on: today(for: acting.user)) } catch {
            throw AppError.invalid(error.errors)
        }
        after.updatedAt = env.now()
        after.version = before.version + 1
        return try await saveDeal(acting, before: before, after: after, action: .update, version: version, contactsChanged: false)
    }

    /// Opens a won or lost deal again, in `stageID` (default: the stage it was closed in); a stage
    /// change is recorded when it lands elsewhere. A deal that created its order stays closed.
    public func reopenDeal(_ acting: Acting, _ id: DealID, stageID: DealStageID?, version: Int) async throws -> Deal {
        let before = try await deal(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let target = stageID ?? before.stageID
        _ = try await liveDealStage(target)
        let now = env.now()
        var after: Deal
        do { after = try before.reopened(in: target, at: now) } catch { throw AppError.invalid(error.errors) }
        after.updatedAt = now
        after.version = before.version + 1
        let change = after.stageID == before.stageID ? nil
            : DealStageChange(id: env.newID(), dealID: id, fromStageID: before.stageID, toStageID: after.stageID,
                              userID: acting.id, at: now)
        return try await saveDeal(acting, before: before, after: after, action: .update, version: version,
                                  contactsChanged: false, stageChange: change)
    }
}
