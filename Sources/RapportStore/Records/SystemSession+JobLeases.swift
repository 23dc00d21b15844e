import Foundation
import RapportCore
import SQLKit

extension SystemSession {
    /// Takes (or renews) the lease of `job` for `holder` until `until`. `true` when `holder` now
    /// holds it: the job had no lease, its lease had expired (a crashed holder), or `holder`
    /// already held it. One upsert, so two processes asking at once cannot both win.
    public func takeJobLease(job: String, holder: String, at: Date, until: Date) async throws -> Bool {
        let now = StoredTime.encode(at)
        let rows = try await db.raw("""
            INSERT INTO job_leases (job, holder, taken_at, expires_at)
            VALUES (\(bind: job), \(bind: holder), \(bind: now), \(bind: StoredTime.encode(until)))
            ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, taken_at = excluded.taken_at,
            expires_at = excluded.expires_at
            WHERE job_leases.expires_at < \(bind: now) OR job_leases.holder = excluded.holder
            RETURNING holder
            """).all()
        return !rows.isEmpty
    }

    /// Gives up `holder`'s lease of `job` (nothing when another holder took it over meanwhile).
    public func releaseJobLease(job: String, holder: String) async throws {
        try await db.raw("DELETE FROM job_leases WHERE job = \(bind: job) AND holder = \(bind: holder)").run()
    }
}
