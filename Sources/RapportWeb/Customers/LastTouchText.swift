import Foundation
import RapportCore

/// When a customer was last touched, in the reader's calendar: "today", "yesterday", "12 days ago",
/// or "never" (the customer list and the customer page's overview).
enum LastTouchText {
    /// "today", "yesterday", "12 days ago" from the reader's calendar day ("never" without one).
    static func text(_ at: Date?, env: PageEnvironment, clock: UserClock, today: CalendarDate, language: Language) -> String {
        guard let at else { return env.text("customers.never", language) }
        let days = CalendarDate.today(in: clock.zone, at: at).days(until: today)
        switch days {
        case ...0: return env.text("customers.touchedToday", language)
        case 1: return env.text("customers.touchedYesterday", language)
        default: return env.text("customers.touchedDaysAgo", language, [String(days)])
        }
    }
}
