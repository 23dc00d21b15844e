import Foundation
import RapportCore
import RapportStore

extension BackgroundWork {
    /// Moves stored next occurrences that have passed to their next one (a daily job; idempotent).
    @discardableResult
    public func rollCareDates(batch: Int = 1000) async throws -> Int {
        let today = CalendarDate.today(in: .gmt, at: deps.env.now()).adding(days: -1)
        let stale = try await deps.systemRead(.job("care-dates")) { try await $0.staleCareDates(before: today, limit: batch) }
        let updates = stale.compactMap { d in d.date.nextOccurrence(onOrAfter: today).map { (d, $0) } }
        try await deps.systemWrite(.job("care-dates")) { session in
            for (d, next) in updates { try await session.setCareDateNext(d, nextOn: next) }
        }
        return updates.count
    }
}
