import Foundation
import RapportCore
import RapportStore

extension BackgroundWork {
    public static let statisticsJob = "database-statistics"

    /// Once per UTC hour across every process: refreshes the query planner's statistics where the
    /// data grew or shrank a lot (an import, a purge) since they were gathered. Answers whether the
    /// engine needed it (SQLite) — nil when the hour was already done or another process holds it.
    public func refreshStatisticsIfDue(process: String) async throws -> Bool? {
        let store = deps.store
        return try await runIfDue(Self.statisticsJob, period: Self.hourPeriod(deps.env.now()), process: process) { _ in
            try await store.refreshStatistics()
        }
    }
}
