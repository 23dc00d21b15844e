import Foundation
import RapportCore
import Testing

/// The public pool's recycle rules, cool-off and pool input checks.
@Suite struct PoolRuleTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    func judge(_ facts: RecycleFacts, _ rules: PoolRules) -> RecycleDecision {
        RecycleDecision.judge(facts, rules: rules, now: Self.now)
    }

    @Test func judge_keeps_whenNoRuleIsOn() {
        let d = judge(RecycleFacts(ownedSince: Self.daysAgo(999)), PoolRules())
        #expect(d.action == .keep && d.reason == .noRules)
    }

    @Test func noFollowUp_recycles_afterNDaysSinceTheLaterOfOwnedAndLastFollowUp() {
        let rules = PoolRules(noFollowUpDays: 30, warnDays: 3)
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(31)), rules).action == .recycle)
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(31)), rules).reason == .noFollowUp)
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(31), lastFollowUp: Self.daysAgo(10)), rules).action == .keep)
        // an old follow-up by the previous owner does not count against the new one
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(5), lastFollowUp: Self.daysAgo(100)), rules).action == .keep)
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(28)), rules).action == .warn(daysLeft: 2))
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(30)), rules).action == .recycle)
    }

    @Test func warn_startsExactlyWarnDaysAhead_andZeroWarnDaysNeverWarns() {
        let rules = PoolRules(noFollowUpDays: 30, warnDays: 3)
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(27)), rules).action == .warn(daysLeft: 3))
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(26.5)), rules).action == .keep)
        let silent = PoolRules(noFollowUpDays: 30, warnDays: 0)
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(29.9)), silent).action == .keep)
    }

    @Test func noDeal_recycles_afterMDaysWithoutADeal() {
        let rules = PoolRules(noDealDays: 60)
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(61)), rules).reason == .noDeal)
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(61), lastDeal: Self.daysAgo(20)), rules).action == .keep)
    }

    @Test func notClosed_recycles_afterKDays_unlessClosed() {
        let rules = PoolRules(notClosedDays: 90, recycleClosed: true)
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(91), lastFollowUp: Self.daysAgo(1)), rules) ==
                RecycleDecision(action: .recycle, reason: .notClosed, due: Self.daysAgo(1)))
        #expect(judge(RecycleFacts(ownedSince: Self.daysAgo(91), closed: true), rules).action == .keep)
    }

    @Test func earliestRule_decides_whenSeveralAreOn() {
        let rules = PoolRules(noFollowUpDays: 30, noDealDays: 10, notClosedDays: 90)
        let d = judge(RecycleFacts(ownedSince: Self.daysAgo(40), lastFollowUp: Self.daysAgo(1)), rules)
        #expect(d.action == .recycle && d.reason == .noDeal)
    }

    @Test func closedAndOpenDealSwitches_keepOrRecycle() {
        let old = RecycleFacts(ownedSince: Self.daysAgo(100), closed: true)
        #expect(judge(old, PoolRules(noFollowUpDays: 30)).reason == .closed)
        #expect(judge(old, PoolRules(noFollowUpDays: 30, recycleClosed: true)).action == .recycle)
        let dealing = RecycleFacts(ownedSince: Self.daysAgo(100), hasOpenDeals: true)
        #expect(judge(dealing, PoolRules(noFollowUpDays: 30)).reason == .openDeals)
        #expect(judge(dealing, PoolRules(noFollowUpDays: 30, recycleWithOpenDeals: true)).action == .recycle)
    }

    @Test func lock_exempts_fromEveryRule() {
        let rules = PoolRules(noFollowUpDays: 1, noDealDays: 1, notClosedDays: 1, recycleClosed: true, recycleWithOpenDeals: true)
        let d = judge(RecycleFacts(ownedSince: Self.daysAgo(500), locked: true), rules)
        #expect(d.action == .keep && d.reason == .locked)
    }

    @Test func coolingOff_lastsCooloffDays_afterLosingTheCustomer() {
        #expect(RecycleDecision.coolingOff(leftAt: Self.daysAgo(29), cooloffDays: 30, now: Self.now))
        #expect(!RecycleDecision.coolingOff(leftAt: Self.daysAgo(31), cooloffDays: 30, now: Self.now))
        #expect(!RecycleDecision.coolingOff(leftAt: Self.daysAgo(1), cooloffDays: 0, now: Self.now))
        #expect(!RecycleDecision.coolingOff(leftAt: nil, cooloffDays: 30, now: Self.now))
    }

    @Test func poolDraft_rejects_blankNameAndOutOfRangeNumbers() {
        #expect(throws: ValidationFailed.self) { try PoolDraft(name: " ").validate(creating: true) }
        do {
            try PoolDraft(name: "East", dailyClaimCap: -1, noFollowUpDays: .some(0), warnDays: 999).validate(creating: true)
            Issue.record("expected a failure")
        } catch {
            #expect(Set(error.errors.map(\.field)) == ["dailyClaimCap", "noFollowUpDays", "warnDays"])
        }
        #expect(throws: Never.self) { try PoolDraft(noFollowUpDays: .some(nil)).validate(creating: false) }
        var pool = Pool(id: PoolID(UUID()), name: "P", rules: PoolRules(noFollowUpDays: 5), createdAt: Self.now, updatedAt: Self.now)
        PoolDraft(name: " 华东 ", noFollowUpDays: .some(nil), lockCap: 2).apply(to: &pool)
        #expect(pool.name == "华东" && pool.rules.noFollowUpDays == nil && pool.rules.lockCap == 2)
    }
}
