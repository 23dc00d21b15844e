import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// The pipeline's live stages in order (everyone signed in may read them).
    public func dealStages(_ acting: Acting) async throws -> [DealStage] {
        try await store.read { try await $0.dealStages() }
    }

    /// Adds a stage (admins). Without a position it goes last.
    public func createDealStage(_ acting: Acting, _ draft: DealStageDraft) async throws -> DealStage {
        try acting.requireAdmin()
        do { try draft.validate(isNew: true) } catch { throw AppError.invalid(error.errors) }
        let now = env.now()
        var stage = DealStage(id: env.newID(), nameZh: "", nameEn: "", position: Int.max, probability: 0,
                              createdAt: now, updatedAt: now)
        draft.apply(to: &stage)
        let existing = try await store.read { try await $0.dealStages() }
        let newID = stage.id
        let placed = DealStage.reordered(existing + [stage], moving: newID, to: draft.position ?? existing.count + 1)
        let entry = try audit(acting.id, "dealStage", newID.description, .create, before: nil as DealStage?,
                              after: placed.first { $0.id == newID })
        try await mapped("dealStage") {
            try await store.write { session in
                for var other in placed where other.id != newID {
                    guard let old = existing.first(where: { $0.id == other.id }), old.position != other.position else { continue }
                    other.updatedAt = now
                    other.version = old.version + 1
                    try await session.updateDealStage(other, expectedVersion: old.version)
                }
                if let new = placed.first(where: { $0.id == newID }) { try await session.insertDealStage(new) }
                try await session.appendAudit(entry)
            }
        }
        return placed.first { $0.id == stage.id } ?? stage
    }

    /// Renames a stage, sets its probability or moves it to another place (admins); the other
    /// stages are renumbered.
    public func updateDealStage(_ acting: Acting, _ id: DealStageID, _ draft: DealStageDraft, version: Int) async throws -> DealStage {
        try acting.requireAdmin()
        do { try draft.validate(isNew: false) } catch { throw AppError.invalid(error.errors) }
        let existing = try await store.read { try await $0.dealStages() }
        guard let before = existing.first(where: { $0.id == id }) else { throw AppError.notFound(entity: "dealStage") }
        guard before.version == version else { throw AppError.conflict(currentVersion: before.version) }
        var edited = existing
        if let index = edited.firstIndex(where: { $0.id == id }) { draft.apply(to: &edited[index]) }
        let placed = DealStage.reordered(edited, moving: id, to: draft.position ?? before.position)
        let now = env.now()
        var after = placed.first { $0.id == id } ?? before
        after.updatedAt = now
        after.version = before.version + 1
        let entry = try audit(acting.id, "dealStage", id.description, .update, before: before, after: after)
        let saved = after
        try await mapped("dealStage") {
            try await store.write { session in
                for var other in placed where other.id != id {
                    guard let old = existing.first(where: { $0.id == other.id }), old.position != other.position else { continue }
                    other.updatedAt = now
                    other.version = old.version + 1
                    try await session.updateDealStage(other, expectedVersion: old.version)
                }
                try await session.updateDealStage(saved, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    /// Removes a stage (admins; soft, so closed deals keep their history). Refused with the field
    /// error `inUse` (detail: how many) while an open deal sits in it.
    public func deleteDealStage(_ acting: Acting, _ id: DealStageID) async throws -> DealStage {
        try acting.requireAdmin()
        guard let before = try await store.read({ try await $0.dealStage(id) }), before.deletedAt == nil else {
            throw AppError.notFound(entity: "dealStage")
        }
        let open = try await store.read { try await $0.openDealCount(in: id) }
        if open > 0 { throw AppError.invalid([FieldError("stageID", "inUse", detail: String(open))]) }
        var after = before
        after.deletedAt = env.now()
        after.updatedAt = env.now()
        after.version += 1
        let entry = try audit(acting.id, "dealStage", id.description, .delete, before: before, after: after)
        let saved = after
        try await mapped("dealStage") {
            try await store.write { session in
                // Checked again inside the write so a deal moved in meanwhile is not stranded.
                let stillOpen = try await session.openDealCount(in: id)
                if stillOpen > 0 { throw ValidationFailed(errors: [FieldError("stageID", "inUse", detail: String(stillOpen))]) }
                try await session.updateDealStage(saved, expectedVersion: before.version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    /// A live stage by id, or the field error `unknown` under `field`.
    func liveDealStage(_ id: DealStageID, field: String = "stageID") async throws -> DealStage {
        guard let stage = try await store.read({ try await $0.dealStage(id) }), stage.deletedAt == nil else {
            throw AppError.invalid([FieldError(field, "unknown")])
        }
        return stage
    }
}
