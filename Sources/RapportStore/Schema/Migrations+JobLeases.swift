extension Migrations {
    /// Step 6: leases of background jobs, so a manual run (`POST /pool/recycle`, `rapport pool
    /// recycle`) and the periodic run never overlap across processes. A row in a table rather
    /// than an advisory lock, so Postgres-wire distributed engines can run it too.
    static let jobLeases = Migration(6, "job-leases", both: [
        """
        CREATE TABLE job_leases (
            job TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            taken_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        )
        """,
    ])
}
