import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// A customer's care dates, soonest first (passed occurrences recomputed for today).
    public func careDates(_ acting: Acting, of customerID: CustomerID) async throws -> [CustomerCareDate] {
        _ = try await customer(acting, customerID)
        let today = today(for: acting.user)
        return try await store.read { try await $0.careDates(of: customerID) }
            .map { rolled($0, today: today) }
            .sorted { ($0.nextOn, $0.id) < ($1.nextOn, $1.id) }
    }

    public func careDate(_ acting: Acting, _ id: CareDateID) async throws -> CustomerCareDate {
        guard let found = try await store.read({ try await $0.careDate(id, scope: acting.scope) }) else {
            throw AppError.notFound(entity: "careDate")
        }
        return found
    }

    /// Adds a birthday, anniversary, founding day or honour to a customer or one of its key persons.
    public func addCareDate(_ acting: Acting, customerID: CustomerID, contactID: ContactID?,
                            _ date: CareDate) async throws -> CustomerCareDate {
        do { try date.validate() } catch { throw AppError.invalid(error.errors) }
        let parent = try await customer(acting, customerID)
        if parent.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        try await checkCareContact(contactID, of: customerID)
        let now = env.now()
        guard let next = date.nextOccurrence(onOrAfter: today(for: acting.user)) else {
            throw AppError.invalid([FieldError("day", "invalid")])
        }
        let record = CustomerCareDate(id: env.newID(), customerID: customerID, contactID: contactID, date: date,
                                      nextOn: next, createdAt: now, updatedAt: now)
        let entry = try audit(acting.id, "careDate", record.id.description, .create, before: nil as CustomerCareDate?, after: record)
        try await store.write { session in
            try await session.insertCareDate(record, ownerID: parent.ownerID)
            try await session.appendAudit(entry)
        }
        return record
    }

    public func updateCareDate(_ acting: Acting, _ id: CareDateID, contactID: ContactID??, _ date: CareDate,
                               version: Int) async throws -> CustomerCareDate {
        do { try date.validate() } catch { throw AppError.invalid(error.errors) }
        let before = try await careDate(acting, id)
        if before.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        var after = before
        if let contactID { try await checkCareContact(contactID, of: before.customerID); after.contactID = contactID }
        after.date = date
        guard let next = date.nextOccurrence(onOrAfter: today(for: acting.user)) else {
            throw AppError.invalid([FieldError("day", "invalid")])
        }
        after.nextOn = next
        after.updatedAt = env.now()
        after.version = before.version + 1
        return try await saveCareDate(acting, before: before, after: after, action: .update, version: version)
    }

    public func deleteCareDate(_ acting: Acting, _ id: CareDateID, restore: Bool = false) async throws -> CustomerCareDate {
        let before = try await careDate(acting, id)
        guard (before.deletedAt == nil) != restore else { return before }
        var after = before
        after.deletedAt = restore ? nil : env.now()
        after.updatedAt = env.now()
        after.version += 1
        return try await saveCareDate(acting, before: before, after: after, action: restore ? .restore : .delete,
                                      version: before.version)
    }

    /// Moves stored next occurrences that have passed to their next one (a daily job; idempotent).
    @discardableResult
    public func rollCareDates(batch: Int = 1000) async throws -> Int {
        let today = CalendarDate.today(in: .gmt, at: env.now()).adding(days: -1)
        let stale = try await store.read { try await $0.staleCareDates(before: today, limit: batch) }
        let updates = stale.compactMap { d in d.date.nextOccurrence(onOrAfter: today).map { (d, $0) } }
        try await store.write { session in
            for (d, next) in updates { try await session.setCareDateNext(d, nextOn: next) }
        }
        return updates.count
    }

    /// The record with its next occurrence on or after `today`.
    func rolled(_ d: CustomerCareDate, today: CalendarDate) -> CustomerCareDate {
        guard d.nextOn < today, let next = d.date.nextOccurrence(onOrAfter: today) else { return d }
        var copy = d
        copy.nextOn = next
        return copy
    }

    private func saveCareDate(_ acting: Acting, before: CustomerCareDate, after: CustomerCareDate, action: AuditAction,
                              version: Int) async throws -> CustomerCareDate {
        let entry = try audit(acting.id, "careDate", after.id.description, action, before: before, after: after)
        try await mapped("careDate") {
            try await store.write { session in
                try await session.updateCareDate(after, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    private func checkCareContact(_ contactID: ContactID?, of customerID: CustomerID) async throws {
        guard let contactID else { return }
        let contacts = try await store.read { try await $0.contacts(of: customerID) }
        guard contacts.contains(where: { $0.id == contactID }) else {
            throw AppError.invalid([FieldError("contactID", "unknown")])
        }
    }
}
