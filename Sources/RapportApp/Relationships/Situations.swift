import Foundation
import RapportCore
import RapportStore

/// A customer's situation with the expectation status computed from its results.
public struct SituationView: Sendable, Codable, Equatable {
    public var customerID: CustomerID
    public var situation: CustomerSituation
    /// 0 when nothing was recorded yet.
    public var version: Int
    public var expectation: ExpectationStatus
}

/// A customer's situation (why they joined, motivation, business type), results and expectation status.
public struct Situations: Sendable {
    let deps: Dependencies

    /// The expectation defaults per business type (shipped, or the admin's edited copy).
    public func expectationPolicy() async throws -> ExpectationPolicy {
        try await deps.expectationPolicy()
    }

    /// The customer's reasons for joining, motivation, business type and expectation status today.
    public func get(_ acting: Acting, of customerID: CustomerID) async throws -> SituationView {
        let (found, stored, results, began) = try await deps.read(acting, entity: .customer) { session in
            (try await session.requireCustomer(customerID, live: false), try await session.situation(of: customerID),
             try await session.results(of: customerID), try await session.relationshipStart(of: customerID))
        }
        let situation = stored?.0 ?? CustomerSituation()
        // With us since the record was made, or earlier when its orders or terms say so.
        let since = [CalendarDate.today(in: .gmt, at: found.createdAt), began].compactMap { $0 }.min()
        let status = ExpectationBaseline.evaluate(
            results: results.map(\.record), businessType: situation.businessType, policy: try await deps.expectationPolicy(),
            today: deps.today(for: acting.user), since: since)
        return SituationView(customerID: customerID, situation: situation, version: stored?.version ?? 0, expectation: status)
    }

    /// Changes the situation; `version` is the one read (0 when nothing was recorded).
    public func update(_ acting: Acting, of customerID: CustomerID, _ draft: CustomerSituationDraft,
                                version: Int) async throws -> SituationView {
        do { try draft.validate() } catch { throw AppError.invalid(error.errors) }
        let found = try await Customers(deps: deps).get(acting, customerID)
        if found.deletedAt != nil { throw AppError.forbidden(reason: .deleted) }
        let current = try await deps.read(acting) { try await $0.situation(of: customerID) }
        var situation = current?.0 ?? CustomerSituation()
        let before = situation
        draft.apply(to: &situation)
        let now = deps.env.now()
        let entry = try deps.audit(acting.id, .situation, customerID.description, current == nil ? .create : .update,
                              before: current == nil ? nil : before, after: situation)
        let saved = situation
        try await deps.write(acting, entity: .situation) { session in
            try await session.saveSituation(saved, of: customerID, updatedAt: now, expectedVersion: version)
            try await session.catalog.appendAudit(entry)
        }
        return try await get(acting, of: customerID)
    }

    /// A customer's recorded results, oldest first.
    public func results(_ acting: Acting, of customerID: CustomerID) async throws -> [CustomerResult] {
        try await deps.read(acting, entity: .customer) { session in
            try await session.requireCustomer(customerID, live: false)
            return try await session.results(of: customerID)
        }
    }

    /// Records one measured result (e.g. "2 long-term customers gained on 2026-03-31").
    public func recordResult(_ acting: Acting, of customerID: CustomerID, _ record: ResultRecord,
                             note: String = "") async throws -> CustomerResult {
        do { try Self.check(record, note: note, tomorrow: deps.today(for: acting.user).adding(days: 1)).check() } catch {
            throw AppError.invalid(error.errors)
        }
        let result = CustomerResult(id: deps.env.newID(), customerID: customerID, record: record, note: note,
                                    recordedBy: acting.id, createdAt: deps.env.now())
        let entry = try deps.audit(acting.id, .result, result.id.description, .create, before: nil as CustomerResult?, after: result)
        try await deps.write(acting, entity: .customer) { session in
            try await session.insertResult(result)
            try await session.catalog.appendAudit(entry)
        }
        return result
    }

    /// Records many results in one transaction (imports), each checked as `recordResult` checks
    /// one; answers one outcome per row in order. A row whose customer is not live or not visible
    /// is refused with `customer` `unknown`; the others are kept.
    public func recordResults(_ acting: Acting, _ rows: [(customerID: CustomerID, record: ResultRecord, note: String)]) async throws
        -> [Result<CustomerResult, AppError>] {
        let tomorrow = deps.today(for: acting.user).adding(days: 1)
        let now = deps.env.now()
        var outcomes: [Result<CustomerResult, AppError>] = []
        for row in rows {
            do { try Self.check(row.record, note: row.note, tomorrow: tomorrow).check() } catch {
                outcomes.append(.failure(.invalid(error.errors)))
                continue
            }
            outcomes.append(.success(CustomerResult(id: deps.env.newID(), customerID: row.customerID, record: row.record,
                                                    note: row.note, recordedBy: acting.id, createdAt: now)))
        }
        let checked = outcomes
        let deps = self.deps
        return try await deps.write(acting, entity: .customer) { session in
            var outcomes = checked
            let candidates = checked.compactMap { outcome -> CustomerID? in
                if case .success(let result) = outcome { return result.customerID }
                return nil
            }
            let live = try await session.liveCustomerIDs(Array(Set(candidates)))
            for index in outcomes.indices {
                if case .success(let result) = outcomes[index], !live.contains(result.customerID) {
                    outcomes[index] = .failure(.invalid([FieldError("customer", .unknown)]))
                }
            }
            let kept = outcomes.compactMap { outcome -> CustomerResult? in
                if case .success(let result) = outcome { return result }
                return nil
            }
            try await session.insertResults(kept)
            try await session.catalog.appendAudits(try kept.map {
                try deps.audit(acting.id, .result, $0.id.description, .create, before: nil as CustomerResult?, after: $0)
            })
            return outcomes
        }
    }

    /// A result's own rules (recorded one at a time or imported): a value not below zero, a date no
    /// later than tomorrow, a short note.
    private static func check(_ record: ResultRecord, note: String, tomorrow: CalendarDate) -> Validator {
        var v = Validator()
        if record.value < 0 { v.add("value", .outOfRange, detail: "≥ 0") }
        if record.on > tomorrow { v.add("on", .inFuture) }
        v.length("note", note, max: 500)
        return v
    }

    /// Removes (or with `restore`, brings back) a result entered by mistake.
    public func deleteResult(_ acting: Acting, of customerID: CustomerID, _ id: CustomerResultID, restore: Bool = false) async throws {
        let at: Date? = restore ? nil : deps.env.now()
        let entry = try deps.audit(acting.id, .result, id.description, restore ? .restore : .delete,
                              before: nil as String?, after: nil as String?)
        let found = try await deps.write(acting, entity: .customer) { session in
            let found = try await session.setResultDeleted(id, of: customerID, at: at)
            if found { try await session.catalog.appendAudit(entry) }
            return found
        }
        if !found { throw AppError.notFound(entity: .result) }
    }
}
