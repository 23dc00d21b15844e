extension Migrations {
    /// Indexes for the recycle pass, the agenda's pool warnings and a rep's kanban (issue 4's
    /// speed goals). Each is partial on live rows, so the probes the pass makes per owned customer
    /// (latest follow-up, latest or open deal, pool row) are answered from the index alone, and
    /// the pass walks owned customers in id order — the order every probe's index is keyed by —
    /// instead of jumping around the tables.
    static let poolSpeed = Migration(4, "pool-speed", both: [
        """
        CREATE INDEX customers_pool_scan ON customers (id, owner_id, created_at, status)
        WHERE deleted_at IS NULL AND owner_id IS NOT NULL
        """,
        "CREATE INDEX customers_owner_live ON customers (owner_id, id) WHERE deleted_at IS NULL",
        "CREATE INDEX activities_followup ON activities (customer_id, occurred_at) WHERE deleted_at IS NULL",
        "CREATE INDEX deals_live ON deals (customer_id, state, created_at) WHERE deleted_at IS NULL",
        "CREATE INDEX customer_pool_watch ON customer_pool (customer_id, pool_id, owned_since, locked_at)",
    ])
}
