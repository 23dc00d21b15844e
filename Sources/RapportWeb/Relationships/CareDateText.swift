import Foundation
import RapportCore

/// How a care date reads on a page: lunar dates in the lunar calendar (农历八月十五, or "lunar
/// month 8, day 15"), solar ones as month and day (5月3日, "May 3"), with the original year when known.
struct CareDateText {
    let env: PageEnvironment
    let language: Language

    /// The title shown after the kind ("Birthday: Silver wedding"), or "" when there is none or it
    /// only repeats the kind in either language ("生日" on a birthday), so no line reads "生日: 生日".
    func extraTitle(_ date: CareDate) -> String {
        let title = date.title.trimmingCharacters(in: .whitespaces)
        let labels = Language.allCases.map { env.text("careKind.\(date.kind.rawValue)", $0) }
        return labels.contains(where: { $0.caseInsensitiveCompare(title) == .orderedSame }) ? "" : title
    }

    /// The recurring day itself, e.g. 农历闰四月初一.
    func day(_ date: CareDate) -> String {
        switch date.calendar {
        case .lunar:
            let month = env.text("lunar.month.\(date.month)", language)
            let day = env.text("lunar.day.\(date.day)", language)
            return env.text(date.leapMonth ? "careDate.lunarLeapFormat" : "careDate.lunarFormat", language, [month, day])
        case .solar:
            return env.text("careDate.solarFormat", language, [env.text("monthName.\(date.month)", language), String(date.day)])
        }
    }

    /// The day with the year of the original event, e.g. 农历八月十五（1975年起）.
    func full(_ date: CareDate) -> String {
        guard let year = date.year else { return day(date) }
        let key = date.calendar == .lunar ? "careDate.sinceLunarYear" : "careDate.sinceYear"
        return day(date) + " " + env.text(key, language, [String(year)])
    }

    /// "Next: 2025-10-06 (in 12 days)", "today" when it is today.
    func next(_ next: CalendarDate, today: CalendarDate) -> String {
        let days = today.days(until: next)
        if days == 0 { return env.text("careDate.nextToday", language, [next.description]) }
        return env.text("careDate.next", language, [next.description, String(days)])
    }
}
