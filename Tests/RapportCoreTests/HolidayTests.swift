import Foundation
import RapportCore
import Testing

private func day(_ text: String) throws -> CalendarDate {
    try #require(CalendarDate(parsing: text))
}

private func defaultHolidays() throws -> HolidayCalendar {
    try HolidayCalendar.decode(CareDatesRepoFile.data("Sources/RapportApp/Resources/Reference/holidays.json"))
}

private func decodeError(_ json: String) -> HolidayFileError? {
    do throws(HolidayFileError) {
        _ = try HolidayCalendar.decode(Data(json.utf8))
        return nil
    } catch {
        return error
    }
}

@Suite struct HolidayTests {
    @Test func defaultFile_holdsTheChineseAndCommonHolidays_namedInBothLanguages() throws {
        let calendar = try defaultHolidays()
        let ids = Set(calendar.holidays.map(\.id))
        for id in ["new-year", "chinese-new-years-eve", "spring-festival", "lantern-festival", "dragon-boat-festival",
                   "mid-autumn-festival", "national-day", "double-ninth-festival"] {
            #expect(ids.contains(id), "\(id)")
        }
        for holiday in calendar.holidays {
            #expect(holiday.names["zh-Hans"] != nil && holiday.names["en"] != nil, "\(holiday.id)")
        }
        let springFestival = try #require(calendar.holidays.first { $0.id == "spring-festival" })
        #expect(springFestival.name(for: "zh-Hans") == "春节")
        #expect(springFestival.name(for: "zh-Hans-CN") == "春节")
        #expect(springFestival.name(for: "zh") == "春节")
        #expect(springFestival.name(for: "fr") == "Spring Festival")
    }

    @Test func defaultFile_placesLunarHolidaysOnTheirDays() throws {
        let calendar = try defaultHolidays()
        func next(_ id: String, from text: String) throws -> CalendarDate? {
            try #require(calendar.holidays.first { $0.id == id }).date.nextOccurrence(onOrAfter: try day(text))
        }
        #expect(try next("spring-festival", from: "2026-01-01") == (try day("2026-02-17")))
        #expect(try next("chinese-new-years-eve", from: "2026-01-01") == (try day("2026-02-16")))
        #expect(try next("chinese-new-years-eve", from: "2026-02-17") == (try day("2027-02-05")))
        #expect(try next("lantern-festival", from: "2026-01-01") == (try day("2026-03-03")))
        #expect(try next("dragon-boat-festival", from: "2024-01-01") == (try day("2024-06-10")))
        #expect(try next("dragon-boat-festival", from: "2025-01-01") == (try day("2025-05-31")))
        #expect(try next("mid-autumn-festival", from: "2025-01-01") == (try day("2025-10-06")))
        #expect(try next("double-ninth-festival", from: "2026-01-01") == (try day("2026-10-18")))
        #expect(try next("national-day", from: "2026-10-02") == (try day("2027-10-01")))
    }

    @Test func midAutumn2026_appearsTenDaysAhead_notEleven() throws {
        let calendar = try defaultHolidays()
        let on15 = calendar.upcoming(from: try day("2026-09-15")).first { $0.holiday.id == "mid-autumn-festival" }
        #expect(on15?.date == (try day("2026-09-25")))
        #expect(on15?.daysUntil == 10)
        #expect(!calendar.upcoming(from: try day("2026-09-14")).contains { $0.holiday.id == "mid-autumn-festival" })
        #expect(calendar.upcoming(from: try day("2026-09-25")).contains { $0.holiday.id == "mid-autumn-festival" })
        #expect(!calendar.upcoming(from: try day("2026-09-26")).contains { $0.holiday.id == "mid-autumn-festival" })
    }

    @Test func lunarHoliday_appearsAWeekAhead() throws {
        let calendar = try defaultHolidays()
        #expect(calendar.upcoming(from: try day("2026-02-24")).contains { $0.holiday.id == "lantern-festival" })
        #expect(!calendar.upcoming(from: try day("2026-02-23")).contains { $0.holiday.id == "lantern-festival" })
        #expect(calendar.upcoming(from: try day("2026-06-12")).contains { $0.holiday.id == "dragon-boat-festival" })
        #expect(!calendar.upcoming(from: try day("2026-06-11")).contains { $0.holiday.id == "dragon-boat-festival" })
    }

    @Test func upcoming_isSortedByDate() throws {
        let upcoming = try defaultHolidays().upcoming(from: try day("2026-02-10"))
        #expect(upcoming.map(\.holiday.id) == ["chinese-new-years-eve", "spring-festival"])
        #expect(upcoming.map(\.daysUntil) == [6, 7])
    }

    @Test func horizon_listsEveryOccurrenceWithinIt() throws {
        let calendar = try defaultHolidays()
        let year = calendar.upcoming(from: try day("2026-01-01"), horizonDays: 364)
        #expect(year.count == calendar.holidays.count)
        #expect(year.first?.holiday.id == "new-year")
        #expect(year == year.sorted { $0.date < $1.date })
        let twoYears = calendar.upcoming(from: try day("2026-01-01"), horizonDays: 365 + 364)
        #expect(twoYears.count == 2 * calendar.holidays.count)
        #expect(calendar.upcoming(from: try day("2026-01-02"), horizonDays: -1).isEmpty)
    }

    @Test func encoding_roundTripsThroughDecode() throws {
        let calendar = try defaultHolidays()
        #expect(try HolidayCalendar.decode(JSONEncoder().encode(calendar)) == calendar)
    }

    @Test func brokenFiles_sayWhereAndWhat() {
        let good = #"{"id": "a", "calendar": "solar", "month": 1, "day": 1, "leadDays": 3, "names": {"en": "A"}}"#
        #expect(decodeError(#"{"holidays": [\#(good)]}"#) == nil)
        #expect(decodeError("{\"holidays\": [") == HolidayFileError(path: "", message: "is not valid JSON"))
        #expect(decodeError("{}") == HolidayFileError(path: "holidays", message: "is missing"))
        #expect(decodeError(#"{"holidays": [\#(good), {"id": "b", "calendar": "lunar", "month": 8, "day": 15, "names": {"en": "B"}}]}"#)
                == HolidayFileError(path: "holidays[1].leadDays", message: "is missing"))
        #expect(decodeError(#"{"holidays": [{"id": "b", "calendar": "lunar", "month": "eight", "day": 15, "leadDays": 3, "names": {"en": "B"}}]}"#)
                == HolidayFileError(path: "holidays[0].month", message: "should be a whole number"))
        #expect(decodeError(#"{"holidays": [{"id": "b", "calendar": "lunar", "month": 13, "day": 15, "leadDays": 3, "names": {"en": "B"}}]}"#)
                == HolidayFileError(path: "holidays[0].month", message: "must be within 1...12"))
        #expect(decodeError(#"{"holidays": [{"id": "b", "calendar": "solar", "month": 2, "day": 30, "leadDays": 3, "names": {"en": "B"}}]}"#)?.path
                == "holidays[0].day")
        #expect(decodeError(#"{"holidays": [{"id": "b", "calendar": "moon", "month": 1, "day": 1, "leadDays": 3, "names": {"en": "B"}}]}"#)?.path
                == "holidays[0].calendar")
        #expect(decodeError(#"{"holidays": [{"id": "b", "rule": "easter", "leadDays": 3, "names": {"en": "B"}}]}"#)?.path
                == "holidays[0].rule")
        #expect(decodeError(#"{"holidays": [{"id": "b", "rule": "lunarNewYearsEve", "month": 12, "leadDays": 3, "names": {"en": "B"}}]}"#)?.path
                == "holidays[0].month")
        #expect(decodeError(#"{"holidays": [{"id": "b", "calendar": "solar", "month": 1, "day": 1, "leadDays": 99, "names": {"en": "B"}}]}"#)?.path
                == "holidays[0].leadDays")
        #expect(decodeError(#"{"holidays": [{"id": "b", "calendar": "solar", "month": 1, "day": 1, "leadDays": 3, "names": {}}]}"#)?.path
                == "holidays[0].names")
        #expect(decodeError(#"{"holidays": [\#(good), \#(good)]}"#) == HolidayFileError(path: "holidays[1].id", message: "\"a\" is used twice"))
        #expect(HolidayFileError(path: "holidays[0].month", message: "must be within 1...12").description
                == "holidays[0].month: must be within 1...12")
    }
}
