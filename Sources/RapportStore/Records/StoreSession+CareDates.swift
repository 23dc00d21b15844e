import Foundation
import RapportCore
import SQLKit

extension StoreSession {
    static func decodeCareDate(_ row: any SQLRow) throws -> CustomerCareDate {
        let date = CareDate(kind: try row.enumValue("kind"), calendar: try row.enumValue("calendar"),
                            month: try row.int("month"), day: try row.int("day"), leapMonth: try row.bool("leap_month"),
                            year: try row.optionalInt("year"), leadDays: try row.int("lead_days"), title: try row.text("title"))
        return CustomerCareDate(
            id: try row.id("id"), customerID: try row.id("customer_id"), contactID: try row.optionalID("contact_id"),
            date: date, nextOn: try row.calendarDate("next_on"), createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"), deletedAt: try row.optionalDate("deleted_at"), version: try row.int("version"))
    }

    /// Inserts a care date; `ownerID` is the customer's owner (kept on the row for the agenda's range query).
    public func insertCareDate(_ d: CustomerCareDate, ownerID: UserID?) async throws {
        try await db.raw("""
            INSERT INTO care_dates (id, customer_id, contact_id, owner_id, kind, calendar, month, day, leap_month, year, lead_days, title,
            next_on, remind_on, created_at, updated_at, deleted_at, version) VALUES (
            \(bind: d.id.description), \(bind: d.customerID.description), \(bind: d.contactID?.description),
            \(bind: ownerID?.description), \(bind: d.date.kind.rawValue), \(bind: d.date.calendar.rawValue), \(bind: Int64(d.date.month)),
            \(bind: Int64(d.date.day)), \(bind: Int64(d.date.leapMonth ? 1 : 0)), \(bind: d.date.year.map { Int64($0) }),
            \(bind: Int64(d.date.leadDays)), \(bind: d.date.title), \(bind: d.nextOn.description),
            \(bind: Self.remindOn(d).description), \(bind: StoredTime.encode(d.createdAt)), \(bind: StoredTime.encode(d.updatedAt)),
            \(bind: StoredTime.encode(d.deletedAt)), \(bind: Int64(d.version)))
            """).run()
    }

    public func updateCareDate(_ d: CustomerCareDate, expectedVersion: Int) async throws {
        let rows = try await db.raw("""
            UPDATE care_dates SET contact_id = \(bind: d.contactID?.description), kind = \(bind: d.date.kind.rawValue),
            calendar = \(bind: d.date.calendar.rawValue), month = \(bind: Int64(d.date.month)), day = \(bind: Int64(d.date.day)),
            leap_month = \(bind: Int64(d.date.leapMonth ? 1 : 0)), year = \(bind: d.date.year.map { Int64($0) }),
            lead_days = \(bind: Int64(d.date.leadDays)), title = \(bind: d.date.title), next_on = \(bind: d.nextOn.description),
            remind_on = \(bind: Self.remindOn(d).description),
            updated_at = \(bind: StoredTime.encode(d.updatedAt)), deleted_at = \(bind: StoredTime.encode(d.deletedAt)),
            version = \(bind: Int64(d.version))
            WHERE id = \(bind: d.id.description) AND version = \(bind: Int64(expectedVersion)) RETURNING id
            """).all()
        if rows.isEmpty { try await versionFailure(table: "care_dates", id: d.id.description) }
    }

    public func careDate(_ id: CareDateID, scope: AccessScope) async throws -> CustomerCareDate? {
        try await db.raw("""
            SELECT d.* FROM care_dates d JOIN customers c ON c.id = d.customer_id
            WHERE d.id = \(bind: id.description) AND \(Self.scopeClause(scope))
            """).first().map(Self.decodeCareDate)
    }

    /// A customer's live care dates in order of their next occurrence.
    public func careDates(of customer: CustomerID) async throws -> [CustomerCareDate] {
        try await db.raw("""
            SELECT d.* FROM care_dates d WHERE d.customer_id = \(bind: customer.description) AND d.deleted_at IS NULL
            ORDER BY d.next_on, d.id LIMIT 500
            """).all().map(Self.decodeCareDate)
    }

    /// The day a care date starts showing: its stored next occurrence minus its lead time.
    static func remindOn(_ d: CustomerCareDate) -> CalendarDate { d.nextOn.adding(days: -d.date.leadDays) }

    /// Live care dates of live customers owned by some users whose reminder day (next occurrence
    /// minus lead time) falls between `from` and `through` — the ones inside their lead window
    /// when `through` is today. Callers recompute occurrences that have passed; the roll-forward
    /// job keeps stored ones at most a day behind.
    public func careDates(ownedBy owners: [UserID], remindFrom from: CalendarDate, through: CalendarDate,
                          limit: Int = 2000) async throws -> [CustomerCareDate] {
        guard !owners.isEmpty else { return [] }
        return try await db.raw("""
            SELECT d.* FROM care_dates d JOIN customers c ON c.id = d.customer_id
            WHERE d.owner_id IN (\(binds: owners.map(\.description))) AND d.remind_on >= \(bind: from.description)
            AND d.remind_on <= \(bind: through.description) AND d.deleted_at IS NULL AND c.deleted_at IS NULL
            ORDER BY d.next_on, d.id LIMIT \(literal: limit)
            """).all().map(Self.decodeCareDate)
    }

    /// Keeps the care dates' owner in step with their customer's (on reassignment).
    public func setCareDatesOwner(of customer: CustomerID, to owner: UserID?) async throws {
        try await db.raw("""
            UPDATE care_dates SET owner_id = \(bind: owner?.description) WHERE customer_id = \(bind: customer.description)
            """).run()
    }

    /// Care dates whose stored next occurrence has passed (the daily roll-forward job's input).
    public func staleCareDates(before today: CalendarDate, limit: Int) async throws -> [CustomerCareDate] {
        try await db.raw("""
            SELECT d.* FROM care_dates d WHERE d.next_on < \(bind: today.description) AND d.deleted_at IS NULL
            ORDER BY d.next_on, d.id LIMIT \(literal: limit)
            """).all().map(Self.decodeCareDate)
    }

    /// Moves one care date's stored next occurrence forward (no version bump: it is derived data).
    public func setCareDateNext(_ d: CustomerCareDate, nextOn: CalendarDate) async throws {
        var moved = d
        moved.nextOn = nextOn
        try await db.raw("""
            UPDATE care_dates SET next_on = \(bind: nextOn.description), remind_on = \(bind: Self.remindOn(moved).description)
            WHERE id = \(bind: d.id.description)
            """).run()
    }

    /// Whether some users own at least one live customer (holidays only show for those who do).
    public func ownsLiveCustomers(_ owners: [UserID]) async throws -> Bool {
        guard !owners.isEmpty else { return false }
        return try await db.raw("""
            SELECT 1 AS one FROM customers WHERE owner_id IN (\(binds: owners.map(\.description))) AND deleted_at IS NULL LIMIT 1
            """).first() != nil
    }

    /// Activities some users logged for a time window (planned calls and visits on the agenda).
    public func activities(by users: [UserID], from: Date, to: Date, limit: Int = 200) async throws -> [Activity] {
        guard !users.isEmpty else { return [] }
        return try await db.raw("""
            SELECT a.* FROM activities a JOIN customers c ON c.id = a.customer_id
            WHERE a.user_id IN (\(binds: users.map(\.description))) AND a.occurred_at >= \(bind: StoredTime.encode(from))
            AND a.occurred_at < \(bind: StoredTime.encode(to)) AND a.deleted_at IS NULL AND c.deleted_at IS NULL
            ORDER BY a.occurred_at, a.id LIMIT \(literal: limit)
            """).all().map(Self.decodeActivity)
    }
}
