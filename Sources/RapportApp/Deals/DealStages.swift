import Foundation
import RapportCore
import RapportStore

/// The pipeline's stages (admin-edited) with their win probabilities.
public struct DealStages: Sendable {
    let deps: Dependencies

    /// The pipeline's live stages in order (everyone signed in may read them).
    public func list(_ acting: Acting) async throws -> [DealStage] {
        try await deps.read(acting) { try await $0.catalog.dealStages() }
    }

    /// Adds a stage (admins). Without a position it goes last.
    public func create(_ acting: Acting, _ draft: DealStageDraft) async throws -> DealStage {
        try acting.requireAdmin()
        do { try draft.validate(isNew: true) } catch { throw AppError.invalid(error.errors) }
        let now = deps.env.now()
        var stage = DealStage(id: deps.env.newID(), nameZh: "", nameEn: "", position: Int.max, probability: 0,
                              createdAt: now, updatedAt: now)
        draft.apply(to: &stage)
        let existing = try await deps.read(acting) { try await $0.catalog.dealStages() }
        let newID = stage.id
        let placed = DealStage.reordered(existing + [stage], moving: newID, to: draft.position ?? existing.count + 1)
        let entry = try deps.audit(acting.id, .dealStage, newID.description, .create, before: nil as DealStage?,
                              after: placed.first { $0.id == newID })
        try await deps.write(acting, entity: .dealStage) { session in
            let session = session.catalog
            for var other in placed where other.id != newID {
                guard let old = existing.first(where: { $0.id == other.id }), old.position != other.position else { continue }
                other.updatedAt = now
                other.version = old.version + 1
                try await session.updateDealStage(other, expectedVersion: old.version)
            }
            if let new = placed.first(where: { $0.id == newID }) { try await session.insertDealStage(new) }
            try await session.appendAudit(entry)
        }
        return placed.first { $0.id == stage.id } ?? stage
    }

    /// Renames a stage, sets its probability or moves it to another place (admins); the other
    /// stages are renumbered.
    public func update(_ acting: Acting, _ id: DealStageID, _ draft: DealStageDraft, version: Int) async throws -> DealStage {
        try acting.requireAdmin()
        do { try draft.validate(isNew: false) } catch { throw AppError.invalid(error.errors) }
        let existing = try await deps.read(acting) { try await $0.catalog.dealStages() }
        guard let before = existing.first(where: { $0.id == id }) else { throw AppError.notFound(entity: .dealStage) }
        guard before.version == version else { throw AppError.conflict(currentVersion: before.version) }
        var edited = existing
        if let index = edited.firstIndex(where: { $0.id == id }) { draft.apply(to: &edited[index]) }
        let placed = DealStage.reordered(edited, moving: id, to: draft.position ?? before.position)
        let now = deps.env.now()
        var after = placed.first { $0.id == id } ?? before
        after.updatedAt = now
        after.version = before.version + 1
        let entry = try deps.audit(acting.id, .dealStage, id.description, .update, before: before, after: after)
        let saved = after
        try await deps.write(acting, entity: .dealStage) { session in
            let session = session.catalog
            for var other in placed where other.id != id {
                guard let old = existing.first(where: { $0.id == other.id }), old.position != other.position else { continue }
                other.updatedAt = now
                other.version = old.version + 1
                try await session.updateDealStage(other, expectedVersion: old.version)
            }
            try await session.updateDealStage(saved, expectedVersion: version)
            try await session.appendAudit(entry)
        }
        return after
    }

    /// Removes a stage (admins; soft, so closed deals keep their history). Refused with the field
    /// error `inUse` (detail: how many) while an open deal sits in it.
    public func delete(_ acting: Acting, _ id: DealStageID) async throws -> DealStage {
        try acting.requireAdmin()
        guard let before = try await deps.read(acting, { try await $0.catalog.dealStage(id) }), before.deletedAt == nil else {
            throw AppError.notFound(entity: .dealStage)
        }
        let open = try await deps.read(acting) { try await $0.catalog.openDealCount(in: id) }
        if open > 0 { throw AppError.invalid([FieldError("stageID", .inUse, detail: String(open))]) }
        var after = before
        after.deletedAt = deps.env.now()
        after.updatedAt = deps.env.now()
        after.version += 1
        let entry = try deps.audit(acting.id, .dealStage, id.description, .delete, before: before, after: after)
        let saved = after
        try await deps.write(acting, entity: .dealStage) { session in
            let session = session.catalog
            // Checked again inside the write so a deal moved in meanwhile is not stranded.
            let stillOpen = try await session.openDealCount(in: id)
            if stillOpen > 0 { throw ValidationFailed(errors: [FieldError("stageID", .inUse, detail: String(stillOpen))]) }
            try await session.updateDealStage(saved, expectedVersion: before.version)
            try await session.appendAudit(entry)
        }
        return after
    }

    /// A live stage by id, or the field error `unknown` under `field`.
    func live(_ acting: Acting, _ id: DealStageID, field: String = "stageID") async throws -> DealStage {
        guard let stage = try await deps.read(acting, { try await $0.catalog.dealStage(id) }), stage.deletedAt == nil else {
            throw AppError.invalid([FieldError(field, .unknown)])
        }
        return stage
    }
}
