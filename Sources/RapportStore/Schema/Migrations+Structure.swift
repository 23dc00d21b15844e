extension Migrations {
    /// Step 5: sign-in throttling per account and source with growing delays (replaces the
    /// per-username failure log, which let anyone lock an account out).
    static let structure = Migration(5, "structure", both: [
        """
        CREATE TABLE sign_in_throttle (
            throttle_key TEXT PRIMARY KEY,
            failures BIGINT NOT NULL,
            last_failure_at BIGINT NOT NULL,
            next_allowed_at BIGINT NOT NULL
        )
        """,
        "DROP TABLE login_failures",
    ])
}
