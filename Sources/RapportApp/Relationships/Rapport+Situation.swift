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

extension Rapport {
    /// The customer's reasons for joining, motivation, business type and expectation status today.
    public func situation(_ acting: Acting, of customerID: CustomerID) async throws -> SituationView {
        let found = try await customer(acting, customerID)
        let (stored, results) = try await store.read { session in
            (try await session.situation(of: customerID), try await session.results(of: customerID))
        }
        let situation = stored?.0 ?? CustomerSituation()
        let status = ExpectationBaseline.evaluate(
            results: results.map(\.record), businessType: situation.businessType, policy: try await expectationPolicy(),
            today: today(for: acting.user), since: CalendarDate.today(in: .gmt, at: found.createdAt))
        return SituationView(customerID: customerID, situation: situation, version: stored?.version ?? 0, expectation: status)
    }

    /// Changes the situation; `version` is the one read (0 when nothing was recorded).
    public func updateSituation(_ acting: Acting, of customerID: CustomerID, _ draft: CustomerSituationDraft,
                                version: Int) async throws -> SituationView {
        do { try draft.validate() } catch { throw AppError.invalid(error.errors) }
        let found = try await customer(acting, customerID)
        if found.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let current = try await store.read { try await $0.situation(of: customerID) }
        var situation = current?.0 ?? CustomerSituation()
        let before = situation
        draft.apply(to: &situation)
        let now = env.now()
        let entry = try audit(acting.id, "situation", customerID.description, current == nil ? .create : .update,
                              before: current == nil ? nil : before, after: situation)
        let saved = situation
        try await mapped("situation") {
            try await store.write { session in
                try await session.saveSituation(saved, of: customerID, updatedAt: now, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return try await self.situation(acting, of: customerID)
    }

    /// A customer's recorded results, oldest first.
    public func results(_ acting: Acting, of customerID: CustomerID) async throws -> [CustomerResult] {
        _ = try await customer(acting, customerID)
        return try await store.read { try await $0.results(of: customerID) }
    }

    /// Records one measured result (e.g. "2 long-term customers gained on 2026-03-31").
    public func recordResult(_ acting: Acting, of customerID: CustomerID, _ record: ResultRecord,
                             note: String = "") async throws -> CustomerResult {
        var v = Validator()
        if record.value < 0 { v.add("value", "outOfRange", detail: "0") }
        if record.on > today(for: acting.user).adding(days: 1) { v.add("on", "inFuture") }
        v.length("note", note, max: 500)
        do { try v.check() } catch { throw AppError.invalid(error.errors) }
        let found = try await customer(acting, customerID)
        if found.deletedAt != nil { throw AppError.forbidden(reason: "deleted") }
        let result = CustomerResult(id: env.newID(), customerID: customerID, record: record, note: note,
                                    recordedBy: acting.id, createdAt: env.now())
        let entry = try audit(acting.id, "result", result.id.description, .create, before: nil as CustomerResult?, after: result)
        try await store.write { session in
            try await session.insertResult(result)
            try await session.appendAudit(entry)
        }
        return result
    }

    /// Removes (or with `restore`, brings back) a result entered by mistake.
    public func deleteResult(_ acting: Acting, of customerID: CustomerID, _ id: CustomerResultID, restore: Bool = false) async throws {
        _ = try await customer(acting, customerID)
        let at: Date? = restore ? nil : env.now()
        let entry = try audit(acting.id, "result", id.description, restore ? .restore : .delete,
                              before: nil as String?, after: nil as String?)
        let found = try await store.write { session in
            let found = try await session.setResultDeleted(id, of: customerID, at: at)
            if found { try await session.appendAudit(entry) }
            return found
        }
        if !found { throw AppError.notFound(entity: "result") }
    }
}
