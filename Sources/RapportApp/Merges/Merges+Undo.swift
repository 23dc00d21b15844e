import Foundation
import RapportCore
import RapportStore

/// What undoing a merge needs of a record: its version and its times.
protocol MergeableRecord: Codable, Sendable {
    var version: Int { get set }
    var updatedAt: Date { get set }
    var deletedAt: Date? { get set }
}

extension Customer: MergeableRecord {}
extension Contact: MergeableRecord {}

extension Merges {
    /// Both records of a merge put back to their snapshots, one version on from today's. Throws
    /// `conflict` when the merge was undone already or either record changed since the merge.
    func restoredRecords<R: MergeableRecord>(_ merge: Merge, keep: R, drop: R, keepBefore: R, dropBefore: R,
                                             at now: Date) throws -> (keep: R, drop: R) {
        guard merge.undoneAt == nil, keep.version == keepBefore.version + 1,
              drop.version == dropBefore.version + 1, drop.deletedAt != nil else {
            throw AppError.conflict(currentVersion: keep.version)
        }
        var restoredKeep = keepBefore, restoredDrop = dropBefore
        restoredKeep.version = keep.version + 1
        restoredKeep.updatedAt = now
        restoredDrop.version = drop.version + 1
        restoredDrop.updatedAt = now
        restoredDrop.deletedAt = nil
        return (restoredKeep, restoredDrop)
    }

    /// Marks the merge undone inside the undo's transaction (only once: a concurrent second undo
    /// gets `conflict`) and audits it; returns the merge as undone.
    func markUndone(_ merge: Merge, by actor: UserID, at now: Date, currentVersion: Int,
                    in session: ScopedSession) async throws -> Merge {
        guard try await session.markMergeUndone(merge.id, by: actor, at: now) else {
            throw AppError.conflict(currentVersion: currentVersion)
        }
        var undone = merge
        undone.undoneAt = now
        undone.undoneBy = actor
        try await session.catalog.appendAudit(try deps.audit(actor, .merge, merge.id.description, .restore, before: merge, after: undone))
        return undone
    }
}
