import Foundation
import RapportCore
import Testing

@Suite struct CommitmentTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let user = UserID(UUID())

    func promise(due: String, state: CommitmentState = .open) throws -> Commitment {
        Commitment(id: CommitmentID(UUID()), customerID: CustomerID(UUID()), contactID: nil, ownerID: user,
                   title: "寄送样品", details: "", dueOn: try #require(CalendarDate(parsing: due)), state: state,
                   createdBy: user, createdAt: now, updatedAt: now)
    }

    @Test func overdue_onlyWhenOpenAndPastDue() throws {
        let today = try #require(CalendarDate(parsing: "2026-11-26"))
        #expect(try promise(due: "2026-11-25").isOverdue(today: today))
        #expect(try !promise(due: "2026-11-26").isOverdue(today: today))
        #expect(try !promise(due: "2026-11-20", state: .done).isOverdue(today: today))
    }

    @Test func validate_whenCreatingWithoutTitleOrDueDate_namesBothFields() {
        #expect(throws: ValidationFailed(errors: [FieldError("title", .required), FieldError("dueOn", .required)])) {
            try CommitmentDraft().validate(current: nil)
        }
    }

    @Test func validate_whenMarkedDoneWithoutEvidence_requiresEvidence() throws {
        let current = try promise(due: "2026-12-01")
        #expect(throws: ValidationFailed(errors: [FieldError("evidence", .required)])) {
            try CommitmentDraft(state: .done).validate(current: current)
        }
        try CommitmentDraft(state: .done, evidence: "快递单号 SF123").validate(current: current)
    }

    @Test func validate_whenClosedMovesToAnotherClosedState_isRefused() throws {
        let current = try promise(due: "2026-12-01", state: .cancelled)
        #expect(throws: ValidationFailed.self) { try CommitmentDraft(state: .broken).validate(current: current) }
        try CommitmentDraft(state: .open).validate(current: current)
    }

    @Test func apply_stampsClosingAndClearsEscalationWhenReopenedOrRescheduled() throws {
        var c = try promise(due: "2026-11-01")
        c.escalatedAt = now
        CommitmentDraft(state: .broken).apply(to: &c, now: now)
        #expect(c.closedAt == now)
        CommitmentDraft(state: .open).apply(to: &c, now: now)
        #expect(c.closedAt == nil && c.escalatedAt == nil)
        c.escalatedAt = now
        CommitmentDraft(dueOn: CalendarDate(parsing: "2026-12-24")).apply(to: &c, now: now)
        #expect(c.escalatedAt == nil && c.dueOn.description == "2026-12-24")
    }

    @Test func agendaOrder_putsOverduePromisesFirstThenByDate() throws {
        let d1 = try #require(CalendarDate(parsing: "2026-11-20")), d2 = try #require(CalendarDate(parsing: "2026-11-27"))
        let items = [
            AgendaItem(kind: .holiday, date: d1, subjectID: "h", title: "x"),
            AgendaItem(kind: .commitmentOverdue, date: d2, subjectID: "b", title: "late"),
            AgendaItem(kind: .careDate, date: d2, subjectID: "c", title: "birthday"),
            AgendaItem(kind: .commitmentOverdue, date: d1, subjectID: "a", title: "later"),
        ].sorted(by: AgendaItem.agendaOrder)
        #expect(items.map(\.subjectID) == ["a", "b", "h", "c"])
    }
}
