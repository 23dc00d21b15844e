import Foundation
import RapportCore
import Testing

/// Finds files of the repository from a test file, also when the tests run from a package
/// that reaches the repository's folders through symbolic links.
enum CareDatesRepoFile {
    static func url(_ relativePath: String, from filePath: String = #filePath) throws -> URL {
        var directory = URL(fileURLWithPath: filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" && !directory.path.isEmpty {
            let candidate = directory.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: relativePath])
    }

    static func data(_ relativePath: String, from filePath: String = #filePath) throws -> Data {
        try Data(contentsOf: url(relativePath, from: filePath))
    }
}

private func date(_ text: String) -> CalendarDate? { CalendarDate(parsing: text) }

@Suite struct ChineseCalendarTests {
    @Test(arguments: [
        (2020, "2020-01-25"), (2023, "2023-01-22"), (2024, "2024-02-10"), (2025, "2025-01-29"),
        (2026, "2026-02-17"), (2027, "2027-02-06"), (2033, "2033-01-31"),
    ])
    func springFestival_matchesPublishedDates(year: Int, expected: String) {
        #expect(ChineseCalendar.gregorian(lunarYear: year, month: 1, day: 1) == date(expected))
    }

    @Test func festivals_matchPublishedDates() {
        let cases: [(Int, Int, Int, String)] = [
            (2024, 8, 15, "2024-09-17"), (2025, 8, 15, "2025-10-06"), (2026, 8, 15, "2026-09-25"),
            (2024, 5, 5, "2024-06-10"), (2025, 5, 5, "2025-05-31"), (2026, 5, 5, "2026-06-19"),
            (2025, 1, 15, "2025-02-12"), (2026, 1, 15, "2026-03-03"),
        ]
        for (year, month, day, expected) in cases {
            #expect(ChineseCalendar.gregorian(lunarYear: year, month: month, day: day) == date(expected),
                    "lunar \(year)-\(month)-\(day)")
        }
    }

    @Test func newYearsEve2026_isTheLastDayOfLunar2025() {
        #expect(ChineseCalendar.numberOfDays(inMonth: 12, year: 2025) == 29)
        #expect(ChineseCalendar.gregorian(lunarYear: 2025, month: 12, day: 29) == date("2026-02-16"))
        #expect(ChineseCalendar.gregorian(lunarYear: 2025, month: 12, day: 30) == nil)
    }

    @Test func leapMonths_areWhereTheyBelong() {
        #expect(ChineseCalendar.leapMonth(inYear: 2025) == 6)
        #expect(ChineseCalendar.leapMonth(inYear: 2020) == 4)
        #expect(ChineseCalendar.leapMonth(inYear: 2023) == 2)
        #expect(ChineseCalendar.leapMonth(inYear: 2024) == nil)
        #expect(ChineseCalendar.gregorian(lunarYear: 2025, month: 6, day: 1, leap: true) == date("2025-07-25"))
        #expect(ChineseCalendar.gregorian(lunarYear: 2020, month: 4, day: 1, leap: true) == date("2020-05-23"))
        #expect(ChineseCalendar.numberOfDays(inMonth: 6, leap: true, year: 2025) == 29)
        #expect(ChineseCalendar.months(ofYear: 2025)?.count == 13)
        #expect(ChineseCalendar.months(ofYear: 2024)?.count == 12)
    }

    @Test func lunarOf_readsLeapMonthsAndYearEnds() throws {
        let july25 = try #require(date("2025-07-25"))
        #expect(ChineseCalendar.lunar(of: july25) == LunarDate(year: 2025, month: 6, day: 1, isLeapMonth: true))
        #expect(ChineseCalendar.lunar(of: july25)?.description == "2025-L06-01")
        let eve = try #require(date("2026-02-16"))
        #expect(ChineseCalendar.lunar(of: eve) == LunarDate(year: 2025, month: 12, day: 29))
    }

    @Test func missingDates_andUnsupportedYears_giveNil() throws {
        #expect(ChineseCalendar.gregorian(lunarYear: 2024, month: 6, day: 1, leap: true) == nil)
        #expect(ChineseCalendar.gregorian(lunarYear: 2025, month: 13, day: 1) == nil)
        #expect(ChineseCalendar.gregorian(lunarYear: 2025, month: 1, day: 0) == nil)
        #expect(ChineseCalendar.gregorian(lunarYear: 1899, month: 1, day: 1) == nil)
        #expect(ChineseCalendar.gregorian(lunarYear: 2101, month: 1, day: 1) == nil)
        let before = try #require(date("1900-01-30")), first = try #require(date("1900-01-31"))
        let last = try #require(date("2101-01-28")), after = try #require(date("2101-01-29"))
        #expect(ChineseCalendar.lunar(of: before) == nil)
        #expect(ChineseCalendar.lunar(of: first) == LunarDate(year: 1900, month: 1, day: 1))
        #expect(ChineseCalendar.lunar(of: last) == LunarDate(year: 2100, month: 12, day: 29))
        #expect(ChineseCalendar.lunar(of: after) == nil)
    }

    @Test func everyYear_hasAPlausibleLength() throws {
        for year in ChineseCalendar.supportedYears {
            let length = try #require(ChineseCalendar.numberOfDays(inYear: year))
            let expected = ChineseCalendar.leapMonth(inYear: year) == nil ? 353...355 : 383...385
            #expect(expected.contains(length), "lunar year \(year) has \(length) days")
        }
    }

    @Test func everyDay_convertsBothWays() throws {
        let first = try #require(date("1900-01-31")).dayNumber
        let last = try #require(date("2101-01-28")).dayNumber
        var previous: LunarDate?
        for dayNumber in first...last {
            let day = try #require(CalendarDate(dayNumber: dayNumber))
            let lunar = try #require(ChineseCalendar.lunar(of: day))
            if ChineseCalendar.gregorian(lunar) != day { Issue.record("\(day) -> \(lunar) does not return") }
            if let previous, lunar.day != previous.day + 1 && lunar.day != 1 {
                Issue.record("\(day): \(lunar) does not follow \(previous)")
            }
            previous = lunar
        }
    }

    private struct Fixture: Decodable {
        struct Pair: Decodable {
            var lunarYear: Int
            var month: Int
            var day: Int
            var leap: Bool
            var gregorian: String
        }
        var pairs: [Pair]
    }

    @Test func independentLibraryPairs_convertBothWays() throws {
        let data = try CareDatesRepoFile.data("Tests/RapportCoreTests/Fixtures/lunar-dates.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: data)
        #expect(fixture.pairs.count >= 200)
        #expect(fixture.pairs.contains { $0.leap } && fixture.pairs.contains { $0.day == 30 })
        for pair in fixture.pairs {
            let expected = try #require(date(pair.gregorian))
            let lunar = LunarDate(year: pair.lunarYear, month: pair.month, day: pair.day, isLeapMonth: pair.leap)
            #expect(ChineseCalendar.gregorian(lunar) == expected, "\(lunar)")
            #expect(ChineseCalendar.lunar(of: expected) == lunar, "\(expected)")
        }
    }
}
