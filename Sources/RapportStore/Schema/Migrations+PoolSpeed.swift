extension Migrations {
    /// Speed for the recycle pass, the pool's holding caps, the agenda's pool warnings and
    /// promises, the notice badge and a rep's kanban (issue 4's speed goals).
    ///
    /// `customers.has_orders` is 1 while the customer has an order that is neither cancelled nor
    /// deleted. It is kept in step by the lifecycle refresh that runs in the same transaction as
    /// every order change (and by merges), so "closed" (won, or has such an order) is read from
    /// the customers indexes instead of probing ten million orders.
    ///
    /// The indexes are partial on live rows, so each probe the pass makes per owned customer
    /// (latest follow-up, latest or open deal, pool row) is answered from an index alone, and the
    /// pass walks owned customers in id order — the order every probed index is keyed by.
    static let poolSpeed = Migration(4, "pool-speed", both: [
        "ALTER TABLE customers ADD COLUMN has_orders BIGINT NOT NULL DEFAULT 0",
        """
        UPDATE customers SET has_orders = 1 WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id
        AND o.status <> 'cancelled' AND o.deleted_at IS NULL)
        """,
        """
        CREATE INDEX customers_pool_scan ON customers (id, owner_id, created_at, status, has_orders)
        WHERE deleted_at IS NULL AND owner_id IS NOT NULL
        """,
        "CREATE INDEX customers_owner_live ON customers (owner_id, id) WHERE deleted_at IS NULL",
        "CREATE INDEX customers_owner_holding ON customers (owner_id, status, has_orders) WHERE deleted_at IS NULL",
        "CREATE INDEX activities_followup ON activities (customer_id, occurred_at) WHERE deleted_at IS NULL",
        "CREATE INDEX deals_live ON deals (customer_id, state, created_at) WHERE deleted_at IS NULL",
        // A rep's kanban sums their open deals per stage and currency from this index alone.
        "CREATE INDEX deals_owner_open ON deals (owner_id, state, stage_id, currency, amount, customer_id) WHERE deleted_at IS NULL",
        "CREATE INDEX customer_pool_watch ON customer_pool (customer_id, pool_id, owned_since, locked_at)",
        "CREATE INDEX notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL",
        // The agenda (and the badge on every page) reads a user's oldest open promises in order.
        "CREATE INDEX commitments_owner_due ON commitments (owner_id, state, due_on, id) WHERE deleted_at IS NULL",
    ])
}
