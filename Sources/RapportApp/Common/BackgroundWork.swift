import Foundation
import RapportCore
import RapportStore

/// The work nobody asks for in a request: escalating overdue promises, moving care dates forward,
/// lapsing subscriptions, payment reminders, the pool's recycle pass, the lifecycle recompute. It
/// runs on the store's system session (named per job), never as a user; `RapportJobs` schedules it.
public struct BackgroundWork: Sendable {
    let deps: Dependencies
}

extension BackgroundWork {
    /// How long a job's lease lasts before another process may take it over; the holder renews
    /// it as it goes (`renewLease`), so only a crashed holder's lease runs out.
    static let leaseLength: TimeInterval = 15 * 60

    /// Runs `body` holding the database lease of `job`, so no two processes run it at once;
    /// `nil` when another process holds the lease. The lease is given up afterwards, also when
    /// `body` fails.
    func withLease<T: Sendable>(_ job: String, _ body: (_ renew: @escaping @Sendable () async throws -> Void) async throws -> T) async throws -> T? {
        let holder = deps.env.newUUID().uuidString
        let deps = self.deps
        @Sendable func take() async throws -> Bool {
            let now = deps.env.now()
            return try await deps.systemWrite(.job(job)) {
                try await $0.takeJobLease(job: job, holder: holder, at: now, until: now.addingTimeInterval(Self.leaseLength))
            }
        }
        guard try await take() else { return nil }
        let result: T
        do {
            result = try await body { guard try await take() else { throw AppError.busy(job: job) } }
        } catch {
            try await deps.systemWrite(.job(job)) { try await $0.releaseJobLease(job: job, holder: holder) }
            throw error
        }
        try await deps.systemWrite(.job(job)) { try await $0.releaseJobLease(job: job, holder: holder) }
        return result
    }

    /// Runs `body` under the job's lease; nil (and nothing run) while another process holds it.
    /// For the jobs every scheduler pass runs: several servers then do not repeat each other's work.
    public func leased<T: Sendable>(_ job: String, _ body: () async throws -> T) async throws -> T? {
        try await withLease(job) { _ in try await body() }
    }

    /// Runs `body` once per `period` (for example the UTC hour "2026-11-26T13") across every process
    /// sharing the database: under the job's lease, the first process to claim the period runs it
    /// and marks it finished; nil when the period was already claimed or the lease is held. While
    /// the lease is held the period is not claimed, so a later pass of the same period runs it.
    func runIfDue<T: Sendable>(_ job: String, period: String, process: String,
                               _ body: (_ renew: @escaping @Sendable () async throws -> Void) async throws -> T) async throws -> T? {
        let deps = self.deps
        let outcome: T?? = try await withLease(job) { renew in
            let mine = try await deps.systemWrite(.job(job)) {
                try await $0.claimJobPeriod(job: job, period: period, by: process, at: deps.env.now())
            }
            guard mine else { return nil }
            let result = try await body(renew)
            let finished = deps.env.now()
            try await deps.systemWrite(.job(job)) { try await $0.finishJobPeriod(job: job, period: period, at: finished) }
            return result
        }
        return outcome ?? nil
    }

    /// "2026-11-26T13": the UTC hour a periodic pass belongs to.
    static func hourPeriod(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let c = calendar.dateComponents([.year, .month, .day, .hour], from: date)
        return String(format: "%04d-%02d-%02dT%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0)
    }
}
