import Foundation
import RapportCore
import RapportStore

/// A record as it was before a merge (kept in the merge row so it can be undone).
struct MergeSnapshot<Record: Codable & Sendable>: Codable, Sendable {
    var record: Record
    /// The merged customer's lifecycle row, which the merge removes.
    var lifecycle: [String: String]?
}

/// What merging two customers would do: the fields that differ and how many rows would move.
public struct MergePreview<Record: Sendable>: Sendable {
    public var survivor: Record
    public var merged: Record
    public var differing: [String]
    public var counts: [String: Int]
}

/// Merging duplicate customers and key persons (合并), field by field, audited and undoable.
public struct Merges: Sendable {
    let deps: Dependencies

    /// The two customers side by side with what a merge would move; both must be visible and live.
    public func customerPreview(_ acting: Acting, survivor: CustomerID,
                                     merged: CustomerID) async throws -> MergePreview<Customer> {
        let (keep, drop) = try await mergeCandidates(acting, survivor, merged)
        let counts = try await deps.read(acting) { try await $0.movableCounts(kind: .customer, survivor: keep.id.uuid, merged: drop.id.uuid) }
        let differing = try MergeFields.differing(keep, drop, fields: MergeFields.customer, nested: ["profile", "custom"])
        return MergePreview(survivor: keep, merged: drop, differing: differing, counts: counts)
    }

    /// Merges a duplicate customer into `survivor`: each chosen field takes the merged record's value
    /// (tags may be united), every row that references the merged customer moves to the survivor,
    /// and the merged customer is soft-deleted. One transaction; undo with `undoMerge`.
    /// `versions` (record id → version read) refuse the merge with 409 when either changed since.
    public func mergeCustomers(_ acting: Acting, survivor: CustomerID, merged: CustomerID,
                               choices: [String: MergeChoice] = [:], versions: [UUID: Int] = [:]) async throws -> Merge {
        let (keep, drop) = try await mergeCandidates(acting, survivor, merged)
        for record in [(keep.id.uuid, keep.version), (drop.id.uuid, drop.version)] {
            if let read = versions[record.0], read != record.1 { throw AppError.conflict(currentVersion: record.1) }
        }
        do {
            try MergeFields.validate(choices, allowed: MergeFields.customer, nested: ["profile", "custom"], arrays: ["tags"])
        } catch { throw AppError.invalid(error.errors) }
        var after = try MergeFields.combine(survivor: keep, merged: drop, choices: choices)
        after.id = keep.id
        if choices["ownerID"] == .merged { after.teamID = drop.teamID }
        let now = deps.env.now()
        after.createdAt = keep.createdAt
        after.deletedAt = nil
        after.updatedAt = now
        after.version = keep.version + 1
        var gone = drop
        gone.deletedAt = now
        gone.updatedAt = now
        gone.version = drop.version + 1
        let mergeID: MergeID = deps.env.newID()
        let audits = [try deps.audit(acting.id, .customer, keep.id.description, .update, before: keep, after: after),
                      try deps.audit(acting.id, .customer, drop.id.description, .delete, before: drop, after: gone)]
        let survivorBefore = try Self.snapshotText(MergeSnapshot(record: keep, lifecycle: nil))
        let saved = after, deleted = gone, actor = acting.id
        let merge = try await deps.write(acting, entity: .customer) { session in
            let moved = try await session.moveReferences(kind: .customer, from: drop.id.uuid, to: keep.id.uuid)
            let lifecycle = try await session.takeLifecycleRow(of: drop.id)
            try await session.updateCustomer(saved, expectedVersion: keep.version)
            try await session.updateCustomer(deleted, expectedVersion: drop.version)
            // The survivor now has both customers' orders, deals and referrals: its stage may move.
            _ = try await deps.refreshLifecycle(keep.id, in: session)
            try await session.refreshLastTouch(keep.id, now: deps.env.now())
            let merge = Merge(id: mergeID, kind: .customer, survivorID: keep.id.uuid, mergedID: drop.id.uuid,
                              moved: moved, mergedBy: actor, mergedAt: now)
            try await session.insertMerge(merge, survivorBefore: survivorBefore,
                                          mergedBefore: try Self.snapshotText(MergeSnapshot(record: drop, lifecycle: lifecycle)))
            for entry in audits { try await session.catalog.appendAudit(entry) }
            try await session.catalog.appendAudit(try deps.audit(actor, .merge, mergeID.description, .create,
                                                         before: nil as Merge?, after: merge))
            return merge
        }
        return merge
    }

    /// One merge, for a user who may see the surviving record.
    public func get(_ acting: Acting, _ id: MergeID) async throws -> Merge {
        guard let found = try await deps.read(acting, { try await $0.merge(id) })?.merge else { throw AppError.notFound(entity: .merge) }
        switch found.kind {
        case .customer: _ = try await Customers(deps: deps).get(acting, CustomerID(found.survivorID))
        case .contact: _ = try await Contacts(deps: deps).get(acting, ContactID(found.survivorID))
        }
        return found
    }

    /// Undoes a merge: both records go back to their snapshots and exactly the moved rows point at
    /// the merged record again. Refused with 409 when either record changed since the merge.
    public func undo(_ acting: Acting, _ id: MergeID) async throws -> Merge {
        guard let stored = try await deps.read(acting, { try await $0.merge(id) }) else { throw AppError.notFound(entity: .merge) }
        if stored.merge.kind == .contact { return try await undoContactMerge(acting, stored) }
        let keep = try await Customers(deps: deps).get(acting, CustomerID(stored.merge.survivorID))
        let drop = try await Customers(deps: deps).get(acting, CustomerID(stored.merge.mergedID))
        let keepBefore = try Self.snapshot(Customer.self, stored.survivorBefore)
        let dropBefore = try Self.snapshot(Customer.self, stored.mergedBefore)
        let now = deps.env.now()
        let (restoredKeep, restoredDrop) = try restoredRecords(stored.merge, keep: keep, drop: drop,
                                                               keepBefore: keepBefore.record, dropBefore: dropBefore.record, at: now)
        let audits = [try deps.audit(acting.id, .customer, keep.id.description, .update, before: keep, after: restoredKeep),
                      try deps.audit(acting.id, .customer, drop.id.description, .restore, before: drop, after: restoredDrop)]
        let merge = stored.merge, actor = acting.id, k = restoredKeep, d = restoredDrop
        return try await deps.write(acting, entity: .customer) { session in
            let undone = try await self.markUndone(merge, by: actor, at: now, currentVersion: keep.version, in: session)
            try await session.moveReferencesBack(kind: .customer, merge.moved, merged: merge.mergedID, survivor: merge.survivorID)
            if let lifecycle = dropBefore.lifecycle { try await session.restoreLifecycleRow(of: drop.id, lifecycle) }
            try await session.updateCustomer(d, expectedVersion: drop.version)
            try await session.updateCustomer(k, expectedVersion: keep.version)
            _ = try await deps.refreshLifecycle(keep.id, in: session)
            _ = try await deps.refreshLifecycle(drop.id, in: session)
            try await session.refreshLastTouch(keep.id, now: deps.env.now())
            try await session.refreshLastTouch(drop.id, now: deps.env.now())
            for entry in audits { try await session.catalog.appendAudit(entry) }
            return undone
        }
    }

    /// Both customers, visible to the acting user and not deleted, and not the same one.
    private func mergeCandidates(_ acting: Acting, _ survivor: CustomerID,
                                 _ merged: CustomerID) async throws -> (Customer, Customer) {
        if survivor == merged { throw AppError.invalid([FieldError("mergedID", .same)]) }
        let keep = try await Customers(deps: deps).get(acting, survivor)
        let drop = try await Customers(deps: deps).get(acting, merged)
        if keep.deletedAt != nil || drop.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        return (keep, drop)
    }

    static func snapshotText<T: Codable>(_ value: MergeSnapshot<T>) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func snapshot<T: Codable>(_ type: T.Type, _ text: String) throws -> MergeSnapshot<T> {
        try JSONDecoder().decode(MergeSnapshot<T>.self, from: Data(text.utf8))
    }
}
