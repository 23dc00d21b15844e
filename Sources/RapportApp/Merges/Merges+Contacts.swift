import Foundation
import RapportCore
import RapportStore

extension Merges {
    /// Two key persons of one customer side by side with what a merge would move.
    public func contactPreview(_ acting: Acting, survivor: ContactID,
                                    merged: ContactID) async throws -> MergePreview<Contact> {
        let (keep, drop) = try await contactMergeCandidates(acting, survivor, merged)
        let counts = try await deps.read(acting) { try await $0.movableCounts(kind: .contact, survivor: keep.id.uuid, merged: drop.id.uuid) }
        let differing = try MergeFields.differing(keep, drop, fields: MergeFields.contact, nested: ["custom"])
        return MergePreview(survivor: keep, merged: drop, differing: differing, counts: counts)
    }

    /// Merges a duplicate key person into another of the same customer: chosen fields, every
    /// reference (activities, promises, care dates, personality, deals, reporting line, referrals)
    /// moves, and the duplicate is soft-deleted. Undo with `undoMerge`.
    public func mergeContacts(_ acting: Acting, survivor: ContactID, merged: ContactID,
                              choices: [String: MergeChoice] = [:], versions: [UUID: Int] = [:]) async throws -> Merge {
        let (keep, drop) = try await contactMergeCandidates(acting, survivor, merged)
        for record in [(keep.id.uuid, keep.version), (drop.id.uuid, drop.version)] {
            if let read = versions[record.0], read != record.1 { throw AppError.conflict(currentVersion: record.1) }
        }
        do {
            try MergeFields.validate(choices, allowed: MergeFields.contact, nested: ["custom"], arrays: [])
        } catch { throw AppError.invalid(error.errors) }
        var after = try MergeFields.combine(survivor: keep, merged: drop, choices: choices)
        let now = deps.env.now()
        after.id = keep.id
        after.customerID = keep.customerID
        if after.reportsToID == drop.id || after.reportsToID == keep.id { after.reportsToID = keep.reportsToID == drop.id ? nil : keep.reportsToID }
        after.createdAt = keep.createdAt
        after.deletedAt = nil
        after.updatedAt = now
        after.version = keep.version + 1
        var gone = drop
        gone.deletedAt = now
        gone.updatedAt = now
        gone.version = drop.version + 1
        let mergeID: MergeID = deps.env.newID()
        let audits = [try deps.audit(acting.id, .contact, keep.id.description, .update, before: keep, after: after),
                      try deps.audit(acting.id, .contact, drop.id.description, .delete, before: drop, after: gone)]
        let survivorBefore = try Self.snapshotText(MergeSnapshot(record: keep, lifecycle: nil))
        let mergedBefore = try Self.snapshotText(MergeSnapshot(record: drop, lifecycle: nil))
        let saved = after, deleted = gone, actor = acting.id
        return try await deps.write(acting, entity: .contact) { session in
            let moved = try await session.moveReferences(kind: .contact, from: drop.id.uuid, to: keep.id.uuid)
            try await session.update(saved, expectedVersion: keep.version)
            try await session.update(deleted, expectedVersion: drop.version)
            let merge = Merge(id: mergeID, kind: .contact, survivorID: keep.id.uuid, mergedID: drop.id.uuid,
                              moved: moved, mergedBy: actor, mergedAt: now)
            try await session.insertMerge(merge, survivorBefore: survivorBefore, mergedBefore: mergedBefore)
            for entry in audits { try await session.catalog.appendAudit(entry) }
            try await session.catalog.appendAudit(try deps.audit(actor, .merge, mergeID.description, .create,
                                                         before: nil as Merge?, after: merge))
            return merge
        }
    }

    func undoContactMerge(_ acting: Acting,
                          _ stored: (merge: Merge, survivorBefore: String, mergedBefore: String)) async throws -> Merge {
        let keep = try await Contacts(deps: deps).get(acting, ContactID(stored.merge.survivorID))
        let drop = try await Contacts(deps: deps).get(acting, ContactID(stored.merge.mergedID))
        let keepBefore = try Self.snapshot(Contact.self, stored.survivorBefore)
        let dropBefore = try Self.snapshot(Contact.self, stored.mergedBefore)
        let now = deps.env.now()
        let (restoredKeep, restoredDrop) = try restoredRecords(stored.merge, keep: keep, drop: drop,
                                                               keepBefore: keepBefore.record, dropBefore: dropBefore.record, at: now)
        let audits = [try deps.audit(acting.id, .contact, keep.id.description, .update, before: keep, after: restoredKeep),
                      try deps.audit(acting.id, .contact, drop.id.description, .restore, before: drop, after: restoredDrop)]
        let merge = stored.merge, actor = acting.id, k = restoredKeep, d = restoredDrop
        return try await deps.write(acting, entity: .contact) { session in
            let undone = try await self.markUndone(merge, by: actor, at: now, currentVersion: keep.version, in: session)
            try await session.moveReferencesBack(kind: .contact, merge.moved, merged: merge.mergedID, survivor: merge.survivorID)
            try await session.update(d, expectedVersion: drop.version)
            try await session.update(k, expectedVersion: keep.version)
            for entry in audits { try await session.catalog.appendAudit(entry) }
            return undone
        }
    }

    /// Two live key persons of the same customer, visible to the acting user.
    private func contactMergeCandidates(_ acting: Acting, _ survivor: ContactID,
                                        _ merged: ContactID) async throws -> (Contact, Contact) {
        if survivor == merged { throw AppError.invalid([FieldError("mergedID", .same)]) }
        let keep = try await Contacts(deps: deps).get(acting, survivor)
        let drop = try await Contacts(deps: deps).get(acting, merged)
        if keep.deletedAt != nil || drop.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        if keep.customerID != drop.customerID { throw AppError.invalid([FieldError("mergedID", .otherCustomer)]) }
        return (keep, drop)
    }
}
