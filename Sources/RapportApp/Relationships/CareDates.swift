import Foundation
import RapportCore
import RapportStore

/// Care dates (关怀日期): birthdays, anniversaries, founding days and honours, solar or lunar.
public struct CareDates: Sendable {
    let deps: Dependencies

    /// A customer's care dates, soonest first (passed occurrences recomputed for today).
    public func list(_ acting: Acting, of customerID: CustomerID) async throws -> [CustomerCareDate] {
        let today = deps.today(for: acting.user)
        return try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.careDates(of: customerID)
        }
        .map { Self.rolled($0, today: today) }
        .sorted { ($0.nextOn, $0.id) < ($1.nextOn, $1.id) }
    }

    public func get(_ acting: Acting, _ id: CareDateID) async throws -> CustomerCareDate {
        try await deps.read(acting, entity: CustomerCareDate.recordKind) { session in
            guard let found = try await session.record(CustomerCareDate.self, id) else { throw StoreError.notFound }
            return found
        }
    }

    /// Adds a birthday, anniversary, founding day or honour to a customer or one of its key persons.
    public func add(_ acting: Acting, customerID: CustomerID, contactID: ContactID?, _ date: CareDate) async throws -> CustomerCareDate {
        do { try date.validate() } catch { throw AppError.invalid(error.errors) }
        guard let next = date.nextOccurrence(onOrAfter: deps.today(for: acting.user)) else {
            throw AppError.invalid([FieldError("day", .invalid)])
        }
        let now = deps.env.now()
        let record = CustomerCareDate(id: deps.env.newID(), customerID: customerID, contactID: contactID, date: date,
                                      nextOn: next, createdAt: now, updatedAt: now)
        let entry = try deps.audit(acting.id, CustomerCareDate.recordKind, record.id.description, .create,
                                   before: nil as CustomerCareDate?, after: record)
        try await deps.write(acting, entity: .customer) { session in
            try await session.insertCareDate(record)
            try await session.catalog.appendAudit(entry)
        }
        return record
    }

    /// Changes a care date; PATCH semantics: `contactID` nil leaves the key person, `.some(nil)` clears it.
    /// Changes the fields `patch` names (and the key person when `contactID` is given; `.some(nil)`
    /// unlinks it), on the stored record inside the write, and moves the next occurrence.
    public func update(_ acting: Acting, _ id: CareDateID, contactID: ContactID??, _ patch: CareDatePatch,
                       version: Int) async throws -> CustomerCareDate {
        let today = deps.today(for: acting.user)
        return try await deps.change(acting, id, version: version, action: .update) { record, _ in
            if record.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
            let date = patch.applied(to: record.date)
            do { try date.validate() } catch let failed as ValidationFailed { throw AppError.invalid(failed.errors) }
            guard let next = date.nextOccurrence(onOrAfter: today) else { throw AppError.invalid([FieldError("day", .invalid)]) }
            if let contactID { record.contactID = contactID }
            record.date = date
            record.nextOn = next
        }
    }

    public func delete(_ acting: Acting, _ id: CareDateID, restore: Bool = false) async throws -> CustomerCareDate {
        restore ? try await deps.restore(acting, id) : try await deps.delete(acting, id)
    }

    /// The record with its next occurrence on or after `today`.
    static func rolled(_ d: CustomerCareDate, today: CalendarDate) -> CustomerCareDate {
        guard d.nextOn < today, let next = d.date.nextOccurrence(onOrAfter: today) else { return d }
        var copy = d
        copy.nextOn = next
        return copy
    }
}
