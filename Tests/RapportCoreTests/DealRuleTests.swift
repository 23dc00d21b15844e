import Foundation
import RapportCore
import Testing

/// The pipeline's pure rules: stage moves, closing with a reason, reopening, stage order and the summary math.
@Suite struct DealRuleTests {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    static let first = DealStageID(UUID())
    static let second = DealStageID(UUID())
    static let day = CalendarDate(year: 2026, month: 6, day: 1)!

    static func deal(state: DealState = .open, orderID: OrderID? = nil) -> Deal {
        Deal(id: DealID(UUID()), customerID: CustomerID(UUID()), title: "ERP", ownerID: UserID(UUID()), teamID: nil,
             stageID: first, state: state, amount: 100_00, orderID: orderID, stageChangedAt: t0, createdAt: t0, updatedAt: t0)
    }

    static func stage(_ id: DealStageID, _ position: Int, _ probability: Int) -> DealStage {
        DealStage(id: id, nameZh: "阶段\(position)", nameEn: "Stage \(position)", position: position, probability: probability,
                  createdAt: t0, updatedAt: t0)
    }

    @Test func move_changesStageAndTime_whenOpen() throws {
        let later = Self.t0.addingTimeInterval(60)
        let moved = try Self.deal().moved(to: Self.second, at: later)
        #expect(moved.stageID == Self.second)
        #expect(moved.stageChangedAt == later)
        #expect(try Self.deal().moved(to: Self.first, at: later).stageChangedAt == Self.t0)
    }

    @Test func move_isRefused_whenClosed() {
        #expect(throws: ValidationFailed(errors: [FieldError("state", .closed)])) {
            try Self.deal(state: .won).moved(to: Self.second, at: Self.t0)
        }
    }

    @Test func close_needsAReason_andRecordsIt() throws {
        #expect(throws: ValidationFailed(errors: [FieldError("reason", .required)])) {
            try Self.deal().closed(won: false, reason: "  ", on: Self.day)
        }
        let won = try Self.deal().closed(won: true, reason: " 价格合适 ", on: Self.day)
        #expect(won.state == .won && won.closeReason == "价格合适" && won.closedOn == Self.day)
        #expect(throws: ValidationFailed.self) { try won.closed(won: false, reason: "again", on: Self.day) }
    }

    @Test func reopen_clearsTheClose_butNotWhenAnOrderExists() throws {
        let lost = try Self.deal().closed(won: false, reason: "budget", on: Self.day)
        let reopened = try lost.reopened(in: Self.second, at: Self.t0.addingTimeInterval(5))
        #expect(reopened.state == .open && reopened.closeReason.isEmpty && reopened.closedOn == nil)
        #expect(reopened.stageID == Self.second)
        #expect(throws: ValidationFailed(errors: [FieldError("state", .notClosed)])) { try Self.deal().reopened(in: nil, at: Self.t0) }
        #expect(throws: ValidationFailed(errors: [FieldError("state", .hasOrder)])) {
            try Self.deal(state: .won, orderID: OrderID(UUID())).reopened(in: nil, at: Self.t0)
        }
    }

    @Test func draft_namesEachBadField() {
        let other = ContactID(UUID())
        let draft = DealDraft(title: "", amount: -1, currency: "rmb", nextStep: String(repeating: "x", count: 1001),
                              contactIDs: [other, other])
        #expect(throws: ValidationFailed.self) { try draft.validate(current: nil) }
        do { try draft.validate(current: nil) } catch {
            #expect(error.errors.map(\.field) == ["title", "amount", "currency", "nextStep", "stageID", "contactIDs"])
        }
        #expect(throws: ValidationFailed(errors: [FieldError("stageID", .invalid, detail: "move")])) {
            try DealDraft(stageID: Self.second).validate(current: Self.deal())
        }
    }

    @Test func stageDraft_keepsProbabilityInPercent() {
        #expect(throws: ValidationFailed(errors: [FieldError("probability", .outOfRange, detail: "0–100")])) {
            try DealStageDraft(nameZh: "赢单", nameEn: "Won", probability: 101).validate(isNew: true)
        }
        #expect(throws: Never.self) { try DealStageDraft(probability: 0).validate(isNew: false) }
    }

    @Test func reorder_placesTheStageAndNumbersAll() {
        let third = DealStageID(UUID())
        let stages = [Self.stage(Self.first, 1, 10), Self.stage(Self.second, 2, 50), Self.stage(third, 3, 90)]
        #expect(DealStage.reordered(stages, moving: third, to: 1).map(\.id) == [third, Self.first, Self.second])
        #expect(DealStage.reordered(stages, moving: Self.first, to: 99).map(\.position) == [1, 2, 3])
        #expect(DealStage.reordered(stages, moving: Self.first, to: 99).last?.id == Self.first)
    }

    @Test func weighted_roundsHalfUp_andSaturates() {
        #expect(PipelineSummary.weighted(150_001, probability: 50) == 75_001)
        #expect(PipelineSummary.weighted(99, probability: 10) == 10)
        #expect(PipelineSummary.weighted(1_000, probability: 0) == 0)
        #expect(PipelineSummary.weighted(Int64.max, probability: 100) > 0)
    }

    @Test func summary_countsAndSumsPerStageAndCurrency_inPipelineOrder() {
        let stages = [Self.stage(Self.second, 2, 50), Self.stage(Self.first, 1, 10)]
        let rows = [PipelineRow(stageID: Self.second, currency: "USD", count: 1, amount: 10_000),
                    PipelineRow(stageID: Self.second, currency: "CNY", count: 2, amount: 300_000),
                    PipelineRow(stageID: DealStageID(UUID()), currency: "CNY", count: 9, amount: 1)]
        let columns = PipelineSummary.columns(stages: stages, rows: rows)
        #expect(columns.map(\.stageID) == [Self.first, Self.second])
        #expect(columns[0].count == 0 && columns[0].totals.isEmpty)
        #expect(columns[1].count == 3)
        #expect(columns[1].totals == [MoneyTotal(currency: "CNY", amount: 300_000, weighted: 150_000),
                                      MoneyTotal(currency: "USD", amount: 10_000, weighted: 5_000)])
        #expect(PipelineSummary.overall(columns).map(\.currency) == ["CNY", "USD"])
    }
}
