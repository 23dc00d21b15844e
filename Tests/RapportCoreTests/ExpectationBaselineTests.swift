import Foundation
import RapportCore
import Testing

private func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(parsing: text)) }

private func record(_ text: String, _ value: Int64, _ measure: ResultMeasure = .longTermCustomers) throws -> ResultRecord {
    ResultRecord(on: try day(text), measure: measure, value: value)
}

/// Shipped-like lines with a chosen window and margins.
private func policy(months: Int = 12, bottomMargin: Double = 0.10, satisfactionMargin: Double = 0.10,
                    pastWindows: Int = 3) throws -> ExpectationPolicy {
    let line = ExpectationPolicy.Defaults(measure: .longTermCustomers, windowMonths: months, bottom: 1, satisfaction: 2)
    return try ExpectationPolicy(bottomMargin: bottomMargin, satisfactionMargin: satisfactionMargin,
                                 pastWindows: pastWindows,
                                 businessTypes: Dictionary(uniqueKeysWithValues: BusinessType.allCases.map { ($0, line) }))
}

@Suite struct ExpectationBaselineTests {
    @Test func shippedPolicy_holdsThePart3Defaults() throws {
        let p = try ExpectationPolicy.decode(ShippedReference.data("expectations.json"))
        #expect(p.defaults(for: .manufacturer) == .init(measure: .longTermCustomers, windowMonths: 12, bottom: 1, satisfaction: 2))
        #expect(p.defaults(for: .retail) == .init(measure: .units, windowMonths: 6, bottom: 1, satisfaction: 3))
        #expect(p.defaults(for: .wholesale).satisfaction == 3)
        #expect(p.defaults(for: nil) == p.defaults(for: .other))
        #expect(p.bottomMargin == 0.10 && p.satisfactionMargin == 0.10 && p.pastWindows == 3)
    }

    @Test func policy_decode_namesTheProblem() throws {
        let missing = Data(#"{"bottomMargin":0.1,"satisfactionMargin":0.1,"pastWindows":3,"businessTypes":{}}"#.utf8)
        #expect(throws: ReferenceDataError(path: "businessTypes.manufacturer", problem: "missing")) {
            try ExpectationPolicy.decode(missing)
        }
        #expect(throws: ReferenceDataError(path: "bottomMargin", problem: "must be at least 0 and below 1")) {
            try policy(bottomMargin: 1.5)
        }
    }

    @Test func noData_usesTheDefaults_andIsBelowBottom() throws {
        let shipped = try ExpectationPolicy.decode(ShippedReference.data("expectations.json"))
        let s = ExpectationBaseline.evaluate(results: [], businessType: .retail, policy: shipped, today: try day("2026-11-26"))
        #expect(s.measure == .units && s.source == .defaults && s.history.isEmpty)
        #expect(s.window == ResultWindow(from: try day("2026-05-27"), to: try day("2026-11-26")))
        #expect(s.measured == 0 && s.bottom == 1 && s.satisfaction == 3 && s.level == .belowBottom)
        #expect(s.elapsedFraction == 1 && s.elapsedMonths == 6)
    }

    @Test func defaults_countOnlyTheMeasure_andNilBusinessTypeIsOther() throws {
        let shipped = try ExpectationPolicy.decode(ShippedReference.data("expectations.json"))
        let results = [try record("2026-10-01", 2, .orders), try record("2026-10-02", 5, .units),
                       try record("2026-10-03", 1, .orders)]
        let s = ExpectationBaseline.evaluate(results: results, businessType: nil, policy: shipped, today: try day("2026-11-26"))
        #expect(s.measure == .orders && s.measured == 3 && s.level == .aboveSatisfaction && s.source == .defaults)
    }

    @Test func history_setsLinesFromPastMinimumAndAverage_withMargins() throws {
        let results = [try record("2022-07-01", 30), try record("2023-07-01", 20), try record("2024-12-01", 10),
                       try record("2026-01-15", 15)]
        let s = ExpectationBaseline.evaluate(results: results, businessType: .manufacturer, policy: try policy(),
                                            today: try day("2026-06-30"))
        #expect(s.source == .history)
        #expect(s.history.map(\.total) == [10, 20, 30])
        #expect(s.history.map(\.window.from) == [try day("2024-07-01"), try day("2023-07-01"), try day("2022-07-01")])
        #expect(s.bottom == 9 && s.satisfaction == 22)
        #expect(s.measured == 15 && s.level == .between)
    }

    @Test func history_usesAtMostPastWindows() throws {
        let results = [try record("2020-01-01", 1), try record("2025-01-01", 4), try record("2024-01-01", 8)]
        let s = ExpectationBaseline.evaluate(results: results, businessType: .wholesale,
                                            policy: try policy(pastWindows: 2), today: try day("2026-06-30"))
        #expect(s.history.map(\.total) == [4, 8])
        #expect(s.bottom == 4 && s.satisfaction == 7)
    }

    @Test func history_skipsWindowsThatBeginBeforeTheFirstResult() throws {
        let today = try day("2026-06-30")
        let late = ExpectationBaseline.evaluate(results: [try record("2025-07-02", 3)], businessType: .service,
                                               policy: try policy(), today: today)
        #expect(late.source == .defaults && late.measured == 3)

        let onTheDay = ExpectationBaseline.evaluate(results: [try record("2024-07-01", 3)], businessType: .service,
                                                   policy: try policy(), today: today)
        #expect(onTheDay.source == .history && onTheDay.history.map(\.total) == [3])
    }

    @Test func margins_scaleTheLines() throws {
        let results = [try record("2022-07-01", 100), try record("2023-07-01", 200), try record("2024-07-01", 300)]
        let s = ExpectationBaseline.evaluate(results: results, businessType: .other,
                                            policy: try policy(bottomMargin: 0.25, satisfactionMargin: 0.5),
                                            today: try day("2026-06-30"))
        #expect(s.bottom == 75 && s.satisfaction == 300)
        #expect(s.measured == 0 && s.level == .belowBottom)
    }

    @Test func smallCounts_keepABottomAndAStepUpToSatisfaction() throws {
        let steady = [try record("2022-07-01", 1), try record("2023-07-01", 1), try record("2024-07-01", 1),
                      try record("2025-08-01", 1)]
        let s = ExpectationBaseline.evaluate(results: steady, businessType: .manufacturer, policy: try policy(),
                                            today: try day("2026-06-30"))
        #expect(s.bottom == 1 && s.satisfaction == 2 && s.level == .between)

        let nothing = ExpectationBaseline.evaluate(results: [try record("2023-07-01", 0)], businessType: .manufacturer,
                                                  policy: try policy(), today: try day("2026-06-30"))
        #expect(nothing.bottom == 0 && nothing.satisfaction == 1 && nothing.level == .between)
    }

    @Test func level_isAboveSatisfaction_whenMeasuredEqualsTheLine() throws {
        let results = [try record("2025-05-01", 1), try record("2026-05-01", 2)]
        let s = ExpectationBaseline.evaluate(results: results, businessType: .manufacturer, policy: try policy(),
                                            today: try day("2026-06-30"))
        #expect(s.source == .defaults && s.measured == 2 && s.level == .aboveSatisfaction)
    }

    @Test func windowBoundaries_includeBothEnds_andIgnoreTheFuture() throws {
        let results = [try record("2024-01-01", 5), try record("2025-07-01", 1), try record("2026-06-30", 1),
                       try record("2025-06-30", 7), try record("2026-07-01", 100)]
        let s = ExpectationBaseline.evaluate(results: results, businessType: .manufacturer, policy: try policy(),
                                            today: try day("2026-06-30"))
        #expect(s.window == ResultWindow(from: try day("2025-07-01"), to: try day("2026-06-30")))
        #expect(s.measured == 2)
        #expect(s.history.first == WindowTotal(window: ResultWindow(from: try day("2024-07-01"), to: try day("2025-06-30")),
                                              total: 7))
    }

    @Test func monthEnds_tileWithoutGaps() throws {
        let s = ExpectationBaseline.evaluate(results: [try record("2026-01-01", 4)], businessType: .retail,
                                            policy: try policy(months: 1), today: try day("2026-03-31"))
        #expect(s.window == ResultWindow(from: try day("2026-03-01"), to: try day("2026-03-31")))
        #expect(s.history.map(\.window) == [ResultWindow(from: try day("2026-02-01"), to: try day("2026-02-28")),
                                            ResultWindow(from: try day("2026-01-01"), to: try day("2026-01-31"))])
        #expect(s.history.map(\.total) == [0, 4])
    }

    @Test func elapsed_countsFromTheCustomersStart() throws {
        let today = try day("2026-11-26")
        let young = ExpectationBaseline.evaluate(results: [try record("2026-08-27", 1)], businessType: .manufacturer,
                                                policy: try policy(), today: today)
        #expect(young.elapsedMonths == 3)
        #expect(abs(young.elapsedFraction - 92.0 / 365.0) < 1e-9)

        let signed = ExpectationBaseline.evaluate(results: [], businessType: .manufacturer, policy: try policy(),
                                                 today: today, since: try day("2026-05-27"))
        #expect(signed.elapsedMonths == 6 && signed.source == .defaults)

        let established = ExpectationBaseline.evaluate(results: [try record("2020-01-01", 1)], businessType: .manufacturer,
                                                      policy: try policy(), today: today)
        #expect(established.elapsedFraction == 1 && established.elapsedMonths == 12)
    }

    /// The level waits until a quarter of the window has passed, unless the satisfaction line is
    /// already reached (the manufacturer's window is 12 months; the defaults are bottom 1, satisfaction 2 or more).
    @Test func level_waitsUntilAQuarterOfTheWindow_exceptForGoodNews() throws {
        let today = try day("2026-11-26")
        func level(since: String, results: [ResultRecord] = []) throws -> ExpectationLevel {
            ExpectationBaseline.evaluate(results: results, businessType: .manufacturer, policy: try policy(),
                                         today: today, since: try day(since)).level
        }
        #expect(try level(since: "2026-10-26") == .tooEarly)       // one month in: 31 of 365 days
        #expect(try level(since: "2026-09-01") == .tooEarly)       // 87 days: just under a quarter
        #expect(try level(since: "2026-08-20") == .belowBottom)    // 99 days: judged
        let met = try level(since: "2026-11-01", results: [try record("2026-11-20", 50)])
        #expect(met == .aboveSatisfaction)                         // good news is told at once
    }
}

@Suite struct CustomerSituationTests {
    @Test func draft_reportsUnknownAndRepeatedReasons() {
        let draft = CustomerSituationDraft(joinReasons: ["lowerCosts", "fame", "lowerCosts", ""], motivation: "greedy",
                                           businessType: "")
        #expect(throws: ValidationFailed(errors: [FieldError("joinReasons", .invalid, detail: "fame"),
                                                 FieldError("joinReasons", .duplicate, detail: "lowerCosts"),
                                                 FieldError("motivation", .invalid)])) {
            try draft.validate()
        }
    }

    @Test func draft_apply_ranksReasons_andClearsWithEmptyText() throws {
        var situation = CustomerSituation(joinReasons: [.credibility], motivation: .follower, businessType: .retail)
        let draft = CustomerSituationDraft(joinReasons: ["efficiency", "", "businessOpportunities"], businessType: "")
        try draft.validate()
        draft.apply(to: &situation)
        #expect(situation == CustomerSituation(joinReasons: [.efficiency, .businessOpportunities], motivation: .follower))
    }

    @Test func situation_keepsTheFirstPlaceOfARepeatedReason() throws {
        let s = CustomerSituation(joinReasons: [.corporateImage, .efficiency, .corporateImage])
        #expect(s.joinReasons == [.corporateImage, .efficiency])
        let decoded = try JSONDecoder().decode(CustomerSituation.self,
                                              from: Data(#"{"joinReasons":["efficiency","efficiency"]}"#.utf8))
        #expect(decoded.joinReasons == [.efficiency])
    }
}
