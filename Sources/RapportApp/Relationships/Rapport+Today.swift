import Foundation
import RapportCore

extension Rapport {
    /// The user's calendar day now, in their own time zone (UTC when the zone is unknown).
    public func today(for user: User) -> CalendarDate {
        CalendarDate.today(in: TimeZone(identifier: user.timeZone) ?? .gmt, at: env.now())
    }
}
