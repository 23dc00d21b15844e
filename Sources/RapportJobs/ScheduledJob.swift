import RapportApp

/// One piece of background work the scheduler runs: its name (also the name of its database
/// lease and of its metrics), how often it runs across every process sharing the database, and
/// the work itself, which answers what it did as named counts (nil when it was not due).
public struct ScheduledJob: Sendable {
    /// How often a job runs, counted across all processes sharing the database.
    public enum Period: String, Sendable {
        /// Every scheduler pass, under the job's lease (another process running it meanwhile skips).
        case everyPass
        /// Once per UTC hour: the first process to claim the hour in `job_periods` runs it.
        case hourly
        /// Once per UTC day, claimed the same way.
        case daily
    }

    public let name: String
    public let period: Period
    /// Runs the job once as `process`; the counts name what it did (`["escalated": 3]`).
    public let work: @Sendable (_ app: Rapport, _ process: String) async throws -> [String: Int]?

    public init(_ name: String, _ period: Period,
                work: @escaping @Sendable (_ app: Rapport, _ process: String) async throws -> [String: Int]?) {
        self.name = name
        self.period = period
        self.work = work
    }
}
