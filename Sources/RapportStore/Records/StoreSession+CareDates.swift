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
    func insertCareDate(_ d: CustomerCareDate, ownerID: UserID?) async throws {
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

    /// A customer's live care dates in order of their next occurrence, if the customer is inside the scope.
    func careDates(of customer: CustomerID, scope: AccessScope) async throws -> [CustomerCareDate] {
        try await db.raw("""
            SELECT d.* FROM care_dates d JOIN customers c ON c.id = d.customer_id AND \(Self.scopeClause(scope))
            WHERE d.customer_id = \(bind: customer.description) AND d.deleted_at IS NULL
            ORDER BY d.next_on, d.id LIMIT 500
            """).all().map(Self.decodeCareDate)
    }

    /// The day a care date starts showing: its stored next occurrence minus its lead time.
    static func remindOn(_ d: CustomerCareDate) -> CalendarDate { d.nextOn.adding(days: -d.date.leadDays) }

    /// Live care dates of live customers owned by some users whose reminder day (next occurrence
    /// minus lead time) falls between `from` and `through` — the ones inside their lead window
    /// when `through` is today. Callers recompute occurrences that have passed; the roll-forward
    /// job keeps stored ones at most a day behind.
    func careDates(ownedBy owners: [UserID], remindFrom from: CalendarDate, through: CalendarDate, scope: AccessScope,
                   limit: Int = 2000) async throws -> [CustomerCareDate] {
        guard !owners.isEmpty else { return [] }
        return try await db.raw("""
            SELECT d.* FROM care_dates d JOIN customers c ON c.id = d.customer_id
            WHERE d.owner_id IN (\(binds: owners.map(\.description))) AND d.remind_on >= \(bind: from.description)
            AND d.remind_on <= \(bind: through.description) AND d.deleted_at IS NULL AND c.deleted_at IS NULL
            AND \(Self.scopeClause(scope))
            ORDER BY d.next_on, d.id LIMIT \(literal: limit)
            """).all().map(Self.decodeCareDate)
    }

    /// Keeps the care dates' owner in step with their customer's (on reassignment).
    func setCareDatesOwner(of customer: CustomerID, to owner: UserID?) async throws {
        try await db.raw("""
            UPDATE care_dates SET owner_id = \(bind: owner?.description) WHERE customer_id = \(bind: customer.description)
            """).run()
    }

    /// Whether some users own at least one live customer (holidays only show for those who do).
    func ownsLiveCustomers(_ owners: [UserID], scope: AccessScope) async throws -> Bool {
        guard !owners.isEmpty else { return false }
        return try await db.raw("""
            SELECT 1 AS one FROM customers WHERE owner_id IN (\(binds: owners.map(\.description))) AND deleted_at IS NULL
            AND \(Self.scopeClause(scope, alias: "customers")) LIMIT 1
            """).first() != nil
    }

    /// Activities some users logged for a time window (planned calls and visits on the agenda).
    func activities(by users: [UserID], from: Date, to: Date, scope: AccessScope, limit: Int = 200) async throws -> [Activity] {
        guard !users.isEmpty else { return [] }
        return try await db.raw("""
            SELECT a.* FROM activities a JOIN customers c ON c.id = a.customer_id
            WHERE a.user_id IN (\(binds: users.map(\.description))) AND a.occurred_at >= \(bind: StoredTime.encode(from))
            AND a.occurred_at < \(bind: StoredTime.encode(to)) AND a.deleted_at IS NULL AND c.deleted_at IS NULL
            AND \(Self.scopeClause(scope))
            ORDER BY a.occurred_at, a.id LIMIT \(literal: limit)
            """).all().map(Self.decodeActivity)
    }
}

extension SystemSession {
    /// Care dates whose stored next occurrence has passed (the daily roll-forward job's input).
    public func staleCareDates(before today: CalendarDate, limit: Int) async throws -> [CustomerCareDate] {
        try await db.raw("""
            SELECT d.* FROM care_dates d WHERE d.next_on < \(bind: today.description) AND d.deleted_at IS NULL
            ORDER BY d.next_on, d.id LIMIT \(literal: limit)
            """).all().map(StoreSession.decodeCareDate)
    }

    /// Moves one care date's stored next occurrence forward (no version bump: it is derived data).
    public func setCareDateNext(_ d: CustomerCareDate, nextOn: CalendarDate) async throws {
        var moved = d
        moved.nextOn = nextOn
        try await db.raw("""
            UPDATE care_dates SET next_on = \(bind: nextOn.description), remind_on = \(bind: StoreSession.remindOn(moved).description)
            WHERE id = \(bind: d.id.description)
            """).run()
    }
}

extension ScopedSession {
    /// A visible customer's live care dates in order of their next occurrence.
    public func careDates(of customer: CustomerID) async throws -> [CustomerCareDate] {
        try await raw.careDates(of: customer, scope: scope)
    }

    /// Care dates of visible, live customers owned by some users whose reminder day falls between
    /// `from` and `through` (the agenda's lead window).
    public func careDates(ownedBy owners: [UserID], remindFrom from: CalendarDate, through: CalendarDate,
                          limit: Int = 2000) async throws -> [CustomerCareDate] {
        try await raw.careDates(ownedBy: owners, remindFrom: from, through: through, scope: scope, limit: limit)
    }

    /// Adds a care date to a visible, live customer (its owner is kept on the row for the agenda).
    public func insertCareDate(_ d: CustomerCareDate) async throws {
        let parent = try await requireCustomer(d.customerID, live: true)
        try await check(d.references, customer: d.customerID)
        try await raw.insertCareDate(d, ownerID: parent.ownerID)
    }

    /// Keeps the care dates' owner in step with their visible customer's (on reassignment).
    public func setCareDatesOwner(of customer: CustomerID, to owner: UserID?) async throws {
        try await requireCustomer(customer, live: false)
        try await raw.setCareDatesOwner(of: customer, to: owner)
    }

    /// Whether some users own at least one live customer inside the scope (holidays only show for those who do).
    public func ownsLiveCustomers(_ owners: [UserID]) async throws -> Bool {
        try await raw.ownsLiveCustomers(owners, scope: scope)
    }

    /// Activities some users logged with visible customers in a time window (planned calls and visits on the agenda).
    public func activities(by users: [UserID], from: Date, to: Date, limit: Int = 200) async throws -> [Activity] {
        try await raw.activities(by: users, from: from, to: to, scope: scope, limit: limit)
    }
}

extension CustomerCareDate: StoredRecord, ScopedRecord {
    public static let table = RecordTable<CustomerCareDate>(
        "care_dates", alias: "d",
        columns: [
            .init("id") { $0.id.description }, .init("customer_id") { $0.customerID.description },
            .init("contact_id") { $0.contactID?.description }, .init("kind") { $0.date.kind.rawValue },
            .init("calendar") { $0.date.calendar.rawValue }, .init("month") { Int64($0.date.month) },
            .init("day") { Int64($0.date.day) }, .init("leap_month") { Int64($0.date.leapMonth ? 1 : 0) },
            .init("year") { $0.date.year.map { Int64($0) } }, .init("lead_days") { Int64($0.date.leadDays) },
            .init("title") { $0.date.title }, .init("next_on") { $0.nextOn.description },
            .init("remind_on") { StoreSession.remindOn($0).description },
            .init("created_at") { StoredTime.encode($0.createdAt) }, .init("updated_at") { StoredTime.encode($0.updatedAt) },
            .init("deleted_at") { StoredTime.encode($0.deletedAt) }, .init("version") { Int64($0.version) },
        ],
        selectList: "d.*", decode: StoreSession.decodeCareDate)
}
