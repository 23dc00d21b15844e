import Foundation
import RapportCore
import Testing

private func day(_ text: String) throws -> CalendarDate {
    try #require(CalendarDate(parsing: text))
}

private func fieldErrors(_ careDate: CareDate) -> [FieldError] {
    do throws(ValidationFailed) {
        try careDate.validate()
        return []
    } catch {
        return error.errors
    }
}

@Suite struct CalendarDateDaysTests {
    @Test func dayNumber_countsFrom1970_andRoundTrips() throws {
        #expect(try day("1970-01-01").dayNumber == 0)
        #expect(try day("2000-03-01").dayNumber == 11_017)
        #expect(try day("1969-12-31").dayNumber == -1)
        #expect(CalendarDate(dayNumber: 20_501) == (try day("2026-02-17")))
        #expect(CalendarDate(dayNumber: CalendarDate.dayNumberRange.upperBound + 1) == nil)
        #expect(try day("0001-01-01").dayNumber == CalendarDate.dayNumberRange.lowerBound)
        #expect(try day("9999-12-31").dayNumber == CalendarDate.dayNumberRange.upperBound)
    }

    @Test func adding_crossesMonthsAndLeapDays_andStopsAtTheEnds() throws {
        #expect(try day("2024-02-28").adding(days: 1) == (try day("2024-02-29")))
        #expect(try day("2025-02-28").adding(days: 1) == (try day("2025-03-01")))
        #expect(try day("2026-01-05").adding(days: -10) == (try day("2025-12-26")))
        #expect(try day("9999-12-30").adding(days: 5) == (try day("9999-12-31")))
        #expect(try day("0001-01-02").adding(days: Int.min) == (try day("0001-01-01")))
        #expect(try day("2026-02-17").days(until: try day("2026-09-25")) == 220)
        #expect(try day("2026-09-25").days(until: try day("2026-02-17")) == -220)
    }

    @Test func isoWeekday_startsOnMonday() throws {
        #expect(try day("2026-02-17").isoWeekday == 2)
        #expect(try day("1970-01-01").isoWeekday == 4)
        #expect(try day("2025-12-28").isoWeekday == 7)
    }

    @Test func today_usesTheGivenZoneAndInstant() throws {
        // 2026-02-16 16:30 UTC is already 00:30 on the 17th in Shanghai.
        let instant = Date(timeIntervalSince1970: 1_771_259_400)
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(CalendarDate.today(in: shanghai, at: instant) == (try day("2026-02-17")))
        #expect(CalendarDate.today(in: utc, at: instant) == (try day("2026-02-16")))
        #expect(CalendarDate.today(in: utc, at: Date(timeIntervalSince1970: -1)) == (try day("1969-12-31")))
    }
}

@Suite struct CareDateTests {
    @Test func leadDays_defaultPerKind() {
        #expect(CareDate(kind: .birthday, month: 1, day: 1).leadDays == 7)
        #expect(CareDate(kind: .anniversary, month: 1, day: 1).leadDays == 7)
        #expect(CareDate(kind: .founding, month: 1, day: 1).leadDays == 14)
        #expect(CareDate(kind: .honour, month: 1, day: 1).leadDays == 3)
        #expect(CareDate(kind: .other, month: 1, day: 1).leadDays == 7)
        #expect(CareDate(kind: .founding, month: 1, day: 1, leadDays: 30).leadDays == 30)
    }

    @Test func solarDate_comesThisYearOnTheDay_orNextYearOnceItPassed() throws {
        let birthday = CareDate(kind: .birthday, month: 5, day: 20)
        #expect(birthday.nextOccurrence(onOrAfter: try day("2026-05-01")) == (try day("2026-05-20")))
        #expect(birthday.nextOccurrence(onOrAfter: try day("2026-05-20")) == (try day("2026-05-20")))
        #expect(birthday.nextOccurrence(onOrAfter: try day("2026-05-21")) == (try day("2027-05-20")))
    }

    @Test func february29_isKeptOnFebruary28_inCommonYears() throws {
        let leapling = CareDate(kind: .birthday, month: 2, day: 29)
        #expect(leapling.nextOccurrence(onOrAfter: try day("2025-01-01")) == (try day("2025-02-28")))
        #expect(leapling.nextOccurrence(onOrAfter: try day("2025-03-01")) == (try day("2026-02-28")))
        #expect(leapling.nextOccurrence(onOrAfter: try day("2027-03-01")) == (try day("2028-02-29")))
    }

    @Test func lunar30th_isKeptOnTheLastDay_ofA29DayMonth() throws {
        // Lunar month 8 has 29 days in both 2025 and 2026; month 12 of 2025 too.
        let birthday = CareDate(kind: .birthday, calendar: .lunar, month: 8, day: 30)
        #expect(birthday.nextOccurrence(onOrAfter: try day("2025-09-01")) == (try day("2025-10-20")))
        #expect(birthday.nextOccurrence(onOrAfter: try day("2025-10-21")) == (try day("2026-10-09")))
        let yearEnd = CareDate(kind: .anniversary, calendar: .lunar, month: 12, day: 30)
        #expect(yearEnd.nextOccurrence(onOrAfter: try day("2026-01-01")) == (try day("2026-02-16")))
    }

    @Test func leapMonthDate_fallsInTheRegularMonth_whenTheYearHasNoSuchLeapMonth() throws {
        let born = CareDate(kind: .birthday, calendar: .lunar, month: 6, day: 10, leapMonth: true, year: 2025)
        #expect(born.nextOccurrence(onOrAfter: try day("2026-01-01")) == (try day("2026-07-23")))
        // 2036 has a leap sixth month again: the birthday is in it, not in the regular one.
        #expect(born.nextOccurrence(onOrAfter: try day("2036-07-01")) == (try day("2036-08-01")))
        let regular = CareDate(kind: .birthday, calendar: .lunar, month: 6, day: 10)
        #expect(regular.nextOccurrence(onOrAfter: try day("2025-07-01")) == (try day("2025-07-04")))
        let inLeap = CareDate(kind: .birthday, calendar: .lunar, month: 6, day: 10, leapMonth: true)
        #expect(inLeap.nextOccurrence(onOrAfter: try day("2025-07-01")) == (try day("2025-08-03")))
    }

    @Test func knownYear_startsOccurrencesAYearLater_andCountsYears() throws {
        let founded = CareDate(kind: .founding, month: 3, day: 1, year: 2026)
        #expect(founded.nextOccurrence(onOrAfter: try day("2026-01-01")) == (try day("2027-03-01")))
        let birthday = CareDate(kind: .birthday, month: 5, day: 20, year: 1976)
        let upcoming = try #require(birthday.upcoming(from: try day("2026-05-15")))
        #expect(upcoming.date == (try day("2026-05-20")))
        #expect(upcoming.daysUntil == 5)
        #expect(upcoming.years == 50)
        let lunarBirthday = CareDate(kind: .birthday, calendar: .lunar, month: 8, day: 15, year: 1990)
        #expect(lunarBirthday.upcoming(from: try day("2026-09-20"))?.years == 36)
        #expect(CareDate(kind: .birthday, month: 5, day: 20).upcoming(from: try day("2026-05-20"))?.years == nil)
    }

    @Test func upcoming_showsWithinTheLeadDays_only() throws {
        let birthday = CareDate(kind: .birthday, month: 5, day: 20)
        #expect(birthday.upcoming(from: try day("2026-05-12")) == nil)
        #expect(birthday.upcoming(from: try day("2026-05-13"))?.daysUntil == 7)
        #expect(birthday.upcoming(from: try day("2026-05-20"))?.daysUntil == 0)
        #expect(birthday.upcoming(from: try day("2026-05-21")) == nil)
        #expect(birthday.upcoming(from: try day("2026-04-20"), horizonDays: 30)?.daysUntil == 30)
    }

    @Test func validate_acceptsAGoodDate() {
        #expect(fieldErrors(CareDate(kind: .birthday, month: 2, day: 29, year: 2000, title: "生日")).isEmpty)
        #expect(fieldErrors(CareDate(kind: .birthday, calendar: .lunar, month: 6, day: 1, leapMonth: true, year: 2025)).isEmpty)
        #expect(fieldErrors(CareDate(kind: .honour, month: 12, day: 31, leadDays: 0)).isEmpty)
    }

    @Test func validate_namesEachBadField() {
        #expect(fieldErrors(CareDate(kind: .birthday, month: 13, day: 1)) == [FieldError("month", .outOfRange, detail: "12")])
        #expect(fieldErrors(CareDate(kind: .birthday, month: 4, day: 31)) == [FieldError("day", .outOfRange, detail: "30")])
        #expect(fieldErrors(CareDate(kind: .birthday, calendar: .lunar, month: 4, day: 31)).map(\.field) == ["day"])
        #expect(fieldErrors(CareDate(kind: .birthday, month: 4, day: 1, leapMonth: true)) == [FieldError("leapMonth", .invalid)])
        #expect(fieldErrors(CareDate(kind: .birthday, month: 4, day: 1, leadDays: 61)) == [FieldError("leadDays", .outOfRange, detail: "60")])
        #expect(fieldErrors(CareDate(kind: .birthday, month: 4, day: 1, leadDays: -1)).map(\.field) == ["leadDays"])
        let longTitle = String(repeating: "寿", count: 101)
        #expect(fieldErrors(CareDate(kind: .birthday, month: 4, day: 1, title: longTitle)) == [FieldError("title", .tooLong, detail: "100")])
        #expect(fieldErrors(CareDate(kind: .birthday, month: 4, day: 1, year: 0)).map(\.field) == ["year"])
    }

    @Test func validate_withAYear_rejectsDatesThatDidNotExistThen() {
        #expect(fieldErrors(CareDate(kind: .birthday, month: 2, day: 29, year: 2023)) == [FieldError("day", .invalid)])
        #expect(fieldErrors(CareDate(kind: .birthday, calendar: .lunar, month: 6, day: 1, leapMonth: true, year: 2024))
                == [FieldError("leapMonth", .invalid)])
        #expect(fieldErrors(CareDate(kind: .birthday, calendar: .lunar, month: 8, day: 30, year: 2025)) == [FieldError("day", .invalid)])
    }

    @Test func codable_roundTrips() throws {
        let original = CareDate(kind: .founding, calendar: .lunar, month: 6, day: 30, leapMonth: true, year: 1998, title: "司庆")
        let decoded = try JSONDecoder().decode(CareDate.self, from: try JSONEncoder().encode(original))
        #expect(decoded == original)
    }
}
