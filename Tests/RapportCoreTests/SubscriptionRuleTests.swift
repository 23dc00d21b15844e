import Foundation
import RapportCore
import Testing

/// The subscription state rules and the churn taxonomy file (DOMAIN part 3).
@Suite struct SubscriptionRuleTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let user = UserID(UUID())

    func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }

    func term(_ start: String, _ end: String, state: SubscriptionState = .active) throws -> Subscription {
        Subscription(id: SubscriptionID(UUID()), customerID: CustomerID(UUID()), startsOn: try day(start),
                     endsOn: try day(end), price: 1_980_000, currency: "CNY", state: state, createdBy: user,
                     createdAt: now, updatedAt: now)
    }

    /// The shipped taxonomy file.
    static func shippedTaxonomy() throws -> Data {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try Data(contentsOf: root.appendingPathComponent("Sources/RapportApp/Resources/Reference/churn-reasons.json"))
    }

    @Test func nextTerm_startsTheDayAfter_withTheSameLengthAndPrice() throws {
        let previous = try term("2026-03-01", "2027-02-28")
        let next = try SubscriptionRules.nextTerm(after: previous, RenewalInput(), id: SubscriptionID(UUID()), by: user, now: now)
        #expect(next.startsOn == (try day("2027-03-01")))
        #expect(next.endsOn == (try day("2028-02-28")))
        #expect(next.lengthInDays == previous.lengthInDays)
        #expect(next.previousID == previous.id)
        #expect(next.price == previous.price)
        #expect(SubscriptionRules.markRenewed(previous, now: now).state == .renewed)
    }

    @Test func nextTerm_whenAlreadyRenewedOrChurned_isRefused() throws {
        for state in [SubscriptionState.renewed, .churned] {
            #expect(throws: ValidationFailed.self) {
                try SubscriptionRules.nextTerm(after: try term("2026-01-01", "2026-12-31", state: state), RenewalInput(),
                                               id: SubscriptionID(UUID()), by: user, now: now)
            }
        }
        let lapsed = try term("2025-01-01", "2025-12-31", state: .lapsed)
        let late = try SubscriptionRules.nextTerm(after: lapsed, RenewalInput(termMonths: 12), id: SubscriptionID(UUID()), by: user, now: now)
        #expect(late.endsOn == (try day("2026-12-31")))
    }

    @Test func churn_needsAReason_andOnlyFromActiveOrLapsed() throws {
        let today = try day("2026-11-26")
        #expect(throws: ValidationFailed(errors: [FieldError("churnReasons", .required)])) {
            try SubscriptionRules.churn(try term("2026-01-01", "2026-12-31"), ChurnInput(reasons: [" "]), today: today, now: now)
        }
        let churned = try SubscriptionRules.churn(try term("2026-01-01", "2026-12-31"),
                                                  ChurnInput(reasons: ["companyStage", "companyStage", "aux.salesPressure"]),
                                                  today: today, now: now)
        #expect(churned.state == .churned)
        #expect(churned.churnReasons == ["companyStage", "aux.salesPressure"])
        #expect(churned.churnedOn == today)
        #expect(throws: ValidationFailed.self) {
            try SubscriptionRules.churn(churned, ChurnInput(reasons: ["companyStage"]), today: today, now: now)
        }
    }

    @Test func lapse_andRenewalNotice_dependOnTheEndDate() throws {
        let s = try term("2026-01-01", "2026-12-31")
        #expect(!SubscriptionRules.shouldLapse(s, today: try day("2026-12-31")))
        #expect(SubscriptionRules.shouldLapse(s, today: try day("2027-01-01")))
        #expect(!SubscriptionRules.needsRenewalNotice(s, today: try day("2026-10-31")))
        #expect(SubscriptionRules.needsRenewalNotice(s, today: try day("2026-11-01")))
        #expect(!SubscriptionRules.shouldLapse(try term("2026-01-01", "2026-01-31", state: .churned), today: try day("2027-01-01")))
    }

    @Test func endOfTerm_clampsToTheMonth() throws {
        #expect(SubscriptionRules.endOfTerm(startingOn: try day("2026-01-01"), months: 12) == (try day("2026-12-31")))
        #expect(SubscriptionRules.endOfTerm(startingOn: try day("2026-01-31"), months: 1) == (try day("2026-02-27")))
        #expect(SubscriptionRules.endOfTerm(startingOn: try day("2026-11-15"), months: 3) == (try day("2027-02-14")))
    }

    @Test func draft_whenEndBeforeStart_namesEndsOn() throws {
        #expect(throws: ValidationFailed(errors: [FieldError("endsOn", .beforeStart)])) {
            try SubscriptionDraft(startsOn: try day("2026-05-02"), endsOn: try day("2026-05-01")).validate(current: nil)
        }
        try SubscriptionDraft(startsOn: try day("2026-05-01"), endsOn: try day("2026-05-01")).validate(current: nil)
    }

    @Test func shippedTaxonomy_hasTheSourceReasons_inBothLanguages() throws {
        let taxonomy = try ChurnTaxonomy.decode(try Self.shippedTaxonomy())
        let leaves = taxonomy.churnLeaves.map(\.node.code)
        #expect(leaves.contains("productFit.buyerSide"))
        #expect(leaves.contains("operating.rareLogins"))
        #expect(leaves.contains("aux.salesPressure"))
        #expect(!leaves.contains("poorResults"))
        #expect(taxonomy.unknownChurnCodes(["companyStage", "poorResults", "x"]) == ["poorResults", "x"])
        #expect(taxonomy.label("productFit.region", .en, withGroups: true) == "Poor results › Product fit › Regional reach too small")
        #expect(taxonomy.renewalLeaves.map(\.code).contains("renew.repRelationship"))
    }

    @Test func taxonomy_withDuplicateCodesOrMissingLabels_isRefused() {
        let duplicate = #"{"churn": [{"code": "a", "zh": "甲", "en": "A"}, {"code": "a", "zh": "乙", "en": "B"}], "renewalDespite": [{"code": "r", "zh": "续", "en": "R"}]}"#
        #expect(throws: ChurnTaxonomy.Invalid.self) { try ChurnTaxonomy.decode(Data(duplicate.utf8)) }
        let unlabelled = #"{"churn": [{"code": "a", "zh": "", "en": "A"}], "renewalDespite": [{"code": "r", "zh": "续", "en": "R"}]}"#
        #expect(throws: ChurnTaxonomy.Invalid.self) { try ChurnTaxonomy.decode(Data(unlabelled.utf8)) }
        let noRenewal = #"{"churn": [{"code": "a", "zh": "甲", "en": "A"}], "renewalDespite": []}"#
        #expect(throws: ChurnTaxonomy.Invalid.self) { try ChurnTaxonomy.decode(Data(noRenewal.utf8)) }
    }

    @Test func mergeFields_takeChosenValues_andUniteTags() throws {
        let t = now
        let keep = Customer(id: CustomerID(UUID()), name: "金桥五金", kind: .enterprise, ownerID: user, teamID: nil,
                            tags: ["五金"], phone: "1", createdAt: t, updatedAt: t)
        var drop = keep
        drop.id = CustomerID(UUID())
        drop.name = "宁波金桥"
        drop.tags = ["出口", "五金"]
        drop.email = "a@b.cn"
        drop.profile.needs = "更多询盘"
        let combined = try MergeFields.combine(survivor: keep, merged: drop,
                                               choices: ["email": .merged, "tags": .union, "profile.needs": .merged])
        #expect(combined.name == "金桥五金")
        #expect(combined.email == "a@b.cn")
        #expect(combined.tags == ["五金", "出口"])
        #expect(combined.profile.needs == "更多询盘")
        #expect(try MergeFields.differing(keep, drop, fields: MergeFields.customer, nested: ["profile"])
                == ["name", "tags", "email", "profile.needs"])
        #expect(throws: ValidationFailed.self) {
            try MergeFields.validate(["name": .union], allowed: MergeFields.customer, nested: [], arrays: ["tags"])
        }
    }
}
