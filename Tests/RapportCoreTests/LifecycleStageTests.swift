import Foundation
import RapportCore
import Testing

private func day(_ text: String) throws -> CalendarDate {
    try #require(CalendarDate(parsing: text))
}

/// Facts for a customer with orders on the given days (gaps and years computed as the store does).
private func buyer(_ days: [String]) throws -> LifecycleFacts {
    let dates = try days.map(day).sorted()
    return LifecycleFacts(orderCount: dates.count, firstOrderOn: dates.first, lastOrderOn: dates.last,
                          longestGapDays: zip(dates, dates.dropFirst()).map { $1.dayNumber - $0.dayNumber }.max() ?? 0,
                          orderYears: Set(dates.map(\.year)).count)
}

@Suite struct LifecycleStageTests {
    let today = CalendarDate(year: 2026, month: 11, day: 26)!

    @Test func stage_isSuspect_whenNothingIsKnown() {
        let (stage, reason) = lifecycleStage(for: LifecycleFacts(), today: today)
        #expect(stage == .suspect)
        #expect(reason.code == .noFacts)
    }

    @Test func stage_isProspect_whenAnOpenDealOrAPassedQualificationExists() {
        let (byDeal, dealReason) = lifecycleStage(for: LifecycleFacts(openDeals: 2), today: today)
        #expect(byDeal == .prospect)
        #expect(dealReason == LifecycleReason(.openDeals, ["deals": "2"]))
        let (byQualification, why) = lifecycleStage(for: LifecycleFacts(qualified: true), today: today)
        #expect(byQualification == .prospect)
        #expect(why.code == .qualified)
    }

    @Test func stage_isFirstPurchase_whenExactlyOneOrder() throws {
        let (stage, reason) = lifecycleStage(for: try buyer(["2026-03-01"]), today: today)
        #expect(stage == .firstPurchase)
        #expect(reason == LifecycleReason(.firstOrder, ["on": "2026-03-01"]))
        #expect(reason.orderedArguments == ["2026-03-01"])
    }

    @Test func stage_isRepeatBuyer_whenTwoOrdersInAShortSpan() throws {
        let (stage, reason) = lifecycleStage(for: try buyer(["2025-03-01", "2025-06-01"]), today: today)
        #expect(stage == .repeatBuyer)
        #expect(reason == LifecycleReason(.repeatOrders, ["orders": "2", "since": "2025-03-01"]))
    }

    @Test func stage_isLongTerm_whenOrdersSpanAYearWithoutLongGaps() throws {
        let (stage, reason) = lifecycleStage(for: try buyer(["2025-01-10", "2025-08-01", "2026-02-01"]), today: today)
        #expect(stage == .longTerm)
        #expect(reason.code == .longTerm)
        #expect(reason.args["years"] == "2")
    }

    @Test func longTerm_boundaries_spanGapAndSilence() throws {
        // Exactly 365 days apart counts; 364 does not.
        #expect(lifecycleStage(for: try buyer(["2025-01-01", "2026-01-01"]), today: today).0 == .longTerm)
        #expect(lifecycleStage(for: try buyer(["2025-01-02", "2026-01-01"]), today: today).0 == .repeatBuyer)
        // A gap of 548 days is allowed, 549 is not.
        let start = try day("2024-01-01")
        let ok = try #require(CalendarDate(dayNumber: start.dayNumber + 548)).description
        let late = try #require(CalendarDate(dayNumber: start.dayNumber + 549)).description
        let recent = try day("2026-11-01")
        #expect(lifecycleStage(for: try buyer(["2024-01-01", ok]), today: recent).0 == .longTerm)
        #expect(lifecycleStage(for: try buyer(["2024-01-01", late]), today: recent).0 == .repeatBuyer)
        // Silence since the last order counts as a gap too.
        let lapsed = try buyer(["2023-01-01", "2024-01-01"])
        #expect(lifecycleStage(for: lapsed, today: try day("2025-07-02")).0 == .longTerm)
        #expect(lifecycleStage(for: lapsed, today: try day("2025-07-03")).0 == .repeatBuyer)
    }

    @Test func oneTimeBuyer_isNeverLongTerm_evenAfterYears() throws {
        var facts = try buyer(["2020-01-01"])
        facts.exclusiveEvidence = "only supplier"
        let (stage, _) = lifecycleStage(for: facts, policy: LifecyclePolicy(longTermMinOrders: 1), today: try day("2020-06-01"))
        #expect(stage == .firstPurchase)
    }

    @Test func stage_isAdvocate_whenExclusiveOnTopOfLongTerm() throws {
        var facts = try buyer(["2025-01-10", "2026-02-01"])
        facts.exclusiveEvidence = "buys all packaging from us"
        let (stage, reason) = lifecycleStage(for: facts, today: today)
        #expect(stage == .advocate)
        #expect(reason == LifecycleReason(.exclusive, ["evidence": "buys all packaging from us", "orders": "2",
                                                       "since": "2025-01-10"]))
    }

    @Test func exclusivity_withoutLongTerm_needsThePolicyToAcceptRepeatBuying() throws {
        var facts = try buyer(["2026-01-10", "2026-02-01"])
        facts.exclusiveEvidence = "sole supplier"
        #expect(lifecycleStage(for: facts, today: today).0 == .repeatBuyer)
        #expect(lifecycleStage(for: facts, policy: LifecyclePolicy(advocateNeedsLongTerm: false), today: today).0 == .advocate)
        var once = try buyer(["2026-01-10"])
        once.exclusiveEvidence = "sole supplier"
        #expect(lifecycleStage(for: once, policy: LifecyclePolicy(advocateNeedsLongTerm: false), today: today).0 == .firstPurchase)
    }

    @Test func stage_isStrategicPartner_whenABuyerReferredOthers() throws {
        var facts = try buyer(["2026-01-10"])
        facts.referralsMade = 3
        let (stage, reason) = lifecycleStage(for: facts, today: today)
        #expect(stage == .strategicPartner)
        #expect(reason == LifecycleReason(.referrals, ["referrals": "3", "orders": "1"]))
    }

    @Test func referrals_withoutAPurchase_doNotMakeAStrategicPartner() {
        #expect(lifecycleStage(for: LifecycleFacts(referralsMade: 2), today: today).0 == .suspect)
        #expect(lifecycleStage(for: LifecycleFacts(openDeals: 1, referralsMade: 2), today: today).0 == .prospect)
    }

    @Test func stage_isPartner_whenAPartnershipIsRecorded_whateverElse() throws {
        var facts = try buyer(["2025-01-10", "2026-02-01"])
        facts.referralsMade = 4
        facts.partnership = .distributor
        facts.partnershipEvidence = "contract 2026-07"
        let (stage, reason) = lifecycleStage(for: facts, today: today)
        #expect(stage == .partner)
        #expect(reason.orderedArguments == ["distributor", "contract 2026-07"])
        #expect(lifecycleStage(for: LifecycleFacts(partnership: .shareholder), today: today).0 == .partner)
    }

    @Test func stages_areOrdered_fromSuspectToPartner() {
        #expect(LifecycleStage.allCases.first == .suspect)
        #expect(LifecycleStage.allCases.last == .partner)
        #expect(LifecycleStage.repeatBuyer < LifecycleStage.longTerm)
        #expect(LifecycleStage.allCases.count == 8)
    }

    @Test func reason_roundTripsThroughJSON() throws {
        let reason = LifecycleReason(.repeatOrders, ["orders": "2", "since": "2025-03-01"])
        let data = try JSONEncoder().encode(reason)
        #expect(try JSONDecoder().decode(LifecycleReason.self, from: data) == reason)
    }
}

@Suite struct QualificationTests {
    let id = CustomerID(UUID())

    @Test func qualified_onlyWhenAllThreeChecksAreYes() {
        var q = Qualification(customerID: id, abilityToPay: .yes, authority: .yes, need: .unknown)
        #expect(!q.isQualified)
        q.need = .yes
        #expect(q.isQualified)
    }

    @Test func yes_needsEvidence() {
        let draft = QualificationDraft(abilityToPay: .yes, abilityEvidence: "  ")
        do throws(ValidationFailed) {
            try draft.validate(applyingTo: Qualification(customerID: id))
            Issue.record("expected a failure")
        } catch {
            #expect(error.errors == [FieldError("abilityEvidence", .required)])
        }
    }

    @Test func warnings_combineHandSetAndAutomatic_inTheSourceOrder() {
        let q = Qualification(customerID: id, warnings: [.sentBySuperior, .acquaintance], automaticWarnings: [.oldCustomer])
        #expect(q.activeWarnings == [.acquaintance, .oldCustomer, .sentBySuperior])
    }
}
