import Foundation
import RapportCore
import SQLKit

extension SystemSession {
    /// Claims one period of a background job (for example "pool-recycle" / "2026-11-26T13") for the
    /// process `by`. `true` when this call inserted the claim, so it runs the period; `false` when
    /// another process (or an earlier pass of this one) already claimed it. Several servers sharing
    /// one database therefore run each period once.
    public func claimJobPeriod(job: String, period: String, by: String, at: Date) async throws -> Bool {
        let rows = try await db.raw("""
            INSERT INTO job_periods (job, period, claimed_by, claimed_at, finished_at)
            VALUES (\(bind: job), \(bind: period), \(bind: by), \(bind: StoredTime.encode(at)), NULL)
            ON CONFLICT (job, period) DO NOTHING RETURNING job
            """).all()
        return !rows.isEmpty
    }

    /// Marks a claimed job period finished (kept for the record; claiming does not look at it).
    public func finishJobPeriod(job: String, period: String, at: Date) async throws {
        try await db.raw("""
            UPDATE job_periods SET finished_at = \(bind: StoredTime.encode(at))
            WHERE job = \(bind: job) AND period = \(bind: period)
            """).run()
    }
}
