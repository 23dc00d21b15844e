extension Migrations {
    /// The default public pool every unowned customer starts in (seeded here, renamable by admins).
    static let defaultPoolID = "00000000-0000-4000-8000-00000000b001"

    /// Lifecycle and acquisition (issue 4): products, orders and payment collection,
    /// subscriptions and win-back, deals pipeline, lifecycle stages and their history,
    /// referrals, qualification, public pools and their events, merges, and job periods.
    static let lifecycle = Migration(3, "lifecycle", both: commerceTables + pipelineTables + acquisitionTables + seeds)

    /// Products, orders, order lines, payment plans and receipts, subscriptions and win-back attempts.
    /// Money is BIGINT minor units with a currency code; calendar days are 'YYYY-MM-DD' text.
    private static let commerceTables: [String] = [
        """
        CREATE TABLE product_categories (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            position BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE products (
            id TEXT PRIMARY KEY,
            category_id TEXT REFERENCES product_categories (id),
            code TEXT NOT NULL,
            name TEXT NOT NULL,
            unit TEXT NOT NULL,
            price BIGINT NOT NULL,
            cost BIGINT NOT NULL,
            currency TEXT NOT NULL,
            term_months BIGINT,
            active BIGINT NOT NULL,
            description TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX products_code ON products (code)",
        "CREATE INDEX products_category ON products (category_id, name, id)",
        """
        CREATE TABLE orders (
            id TEXT PRIMARY KEY,
            number TEXT NOT NULL,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            rep_id TEXT REFERENCES users (id),
            deal_id TEXT,
            ordered_on TEXT NOT NULL,
            status TEXT NOT NULL,
            currency TEXT NOT NULL,
            revenue BIGINT NOT NULL,
            cost BIGINT NOT NULL,
            note TEXT NOT NULL,
            created_by TEXT REFERENCES users (id),
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX orders_number ON orders (number)",
        "CREATE INDEX orders_customer ON orders (customer_id, ordered_on, id)",
        "CREATE INDEX orders_rep ON orders (rep_id, ordered_on, id)",
        "CREATE INDEX orders_deal ON orders (deal_id)",
        """
        CREATE TABLE order_lines (
            order_id TEXT NOT NULL REFERENCES orders (id),
            line_no BIGINT NOT NULL,
            product_id TEXT REFERENCES products (id),
            description TEXT NOT NULL,
            quantity DOUBLE PRECISION NOT NULL,
            unit_price BIGINT NOT NULL,
            unit_cost BIGINT NOT NULL,
            amount BIGINT NOT NULL,
            cost_amount BIGINT NOT NULL,
            PRIMARY KEY (order_id, line_no)
        )
        """,
        "CREATE INDEX order_lines_product ON order_lines (product_id)",
        """
        CREATE TABLE payment_instalments (
            id TEXT PRIMARY KEY,
            order_id TEXT NOT NULL REFERENCES orders (id),
            customer_id TEXT NOT NULL REFERENCES customers (id),
            seq BIGINT NOT NULL,
            amount BIGINT NOT NULL,
            received BIGINT NOT NULL,
            due_on TEXT NOT NULL,
            method TEXT NOT NULL,
            remind_days BIGINT NOT NULL,
            remind_on TEXT NOT NULL,
            state TEXT NOT NULL,
            note TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX payment_instalments_order ON payment_instalments (order_id, seq)",
        "CREATE INDEX payment_instalments_due ON payment_instalments (state, due_on)",
        "CREATE INDEX payment_instalments_remind ON payment_instalments (state, remind_on)",
        """
        CREATE TABLE payment_receipts (
            id TEXT PRIMARY KEY,
            order_id TEXT NOT NULL REFERENCES orders (id),
            instalment_id TEXT REFERENCES payment_instalments (id),
            amount BIGINT NOT NULL,
            received_on TEXT NOT NULL,
            method TEXT NOT NULL,
            reference TEXT NOT NULL,
            recorded_by TEXT REFERENCES users (id),
            created_at BIGINT NOT NULL,
            voided_at BIGINT,
            voided_by TEXT REFERENCES users (id)
        )
        """,
        "CREATE INDEX payment_receipts_order ON payment_receipts (order_id, received_on)",
        """
        CREATE TABLE subscriptions (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            product_id TEXT REFERENCES products (id),
            order_id TEXT REFERENCES orders (id),
            starts_on TEXT NOT NULL,
            ends_on TEXT NOT NULL,
            price BIGINT NOT NULL,
            currency TEXT NOT NULL,
            state TEXT NOT NULL,
            previous_id TEXT REFERENCES subscriptions (id),
            churned_on TEXT,
            churn_reasons TEXT NOT NULL,
            churn_note TEXT NOT NULL,
            renewal_reasons TEXT NOT NULL,
            renewal_note TEXT NOT NULL,
            created_by TEXT REFERENCES users (id),
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX subscriptions_customer ON subscriptions (customer_id, starts_on)",
        "CREATE INDEX subscriptions_state_end ON subscriptions (state, ends_on)",
        "CREATE INDEX subscriptions_previous ON subscriptions (previous_id)",
        """
        CREATE TABLE winback_attempts (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            subscription_id TEXT REFERENCES subscriptions (id),
            approach TEXT NOT NULL,
            outcome TEXT NOT NULL,
            note TEXT NOT NULL,
            user_id TEXT NOT NULL REFERENCES users (id),
            attempted_on TEXT NOT NULL,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX winback_attempts_customer ON winback_attempts (customer_id, attempted_on)",
    ]

    /// Deal stages (admin-defined, with win probabilities), deals, their key persons and stage moves.
    private static let pipelineTables: [String] = [
        """
        CREATE TABLE deal_stages (
            id TEXT PRIMARY KEY,
            name_zh TEXT NOT NULL,
            name_en TEXT NOT NULL,
            position BIGINT NOT NULL,
            probability BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE deals (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            title TEXT NOT NULL,
            owner_id TEXT NOT NULL REFERENCES users (id),
            team_id TEXT REFERENCES teams (id),
            stage_id TEXT NOT NULL REFERENCES deal_stages (id),
            state TEXT NOT NULL,
            amount BIGINT NOT NULL,
            currency TEXT NOT NULL,
            expected_close_on TEXT,
            next_step TEXT NOT NULL,
            close_reason TEXT NOT NULL,
            closed_on TEXT,
            order_id TEXT REFERENCES orders (id),
            stage_changed_at BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX deals_owner ON deals (owner_id, state, stage_id, updated_at)",
        "CREATE INDEX deals_team ON deals (team_id, state, stage_id, updated_at)",
        "CREATE INDEX deals_customer ON deals (customer_id, state, created_at)",
        "CREATE INDEX deals_state ON deals (state, stage_id, updated_at)",
        """
        CREATE TABLE deal_contacts (
            deal_id TEXT NOT NULL REFERENCES deals (id),
            contact_id TEXT NOT NULL REFERENCES contacts (id),
            PRIMARY KEY (deal_id, contact_id)
        )
        """,
        """
        CREATE TABLE deal_stage_changes (
            id TEXT PRIMARY KEY,
            deal_id TEXT NOT NULL REFERENCES deals (id),
            from_stage_id TEXT,
            to_stage_id TEXT NOT NULL,
            user_id TEXT REFERENCES users (id),
            at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX deal_stage_changes_deal ON deal_stage_changes (deal_id, at)",
    ]

    /// Lifecycle stage per customer and its history, recorded facts (exclusivity, partnership),
    /// referrals, qualification, public pools, pool membership and events, merges, job periods.
    private static let acquisitionTables: [String] = [
        """
        CREATE TABLE customer_lifecycle (
            customer_id TEXT PRIMARY KEY REFERENCES customers (id),
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            since BIGINT NOT NULL,
            computed_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX customer_lifecycle_stage ON customer_lifecycle (stage, customer_id)",
        // The lifecycle recompute reads every customer's live order days from this index alone.
        "CREATE INDEX orders_lifecycle ON orders (customer_id, ordered_on) WHERE status <> 'cancelled' AND deleted_at IS NULL",
        """
        CREATE TABLE lifecycle_changes (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            from_stage TEXT,
            to_stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            month TEXT NOT NULL,
            at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX lifecycle_changes_customer ON lifecycle_changes (customer_id, at)",
        "CREATE INDEX lifecycle_changes_month ON lifecycle_changes (month, from_stage, to_stage)",
        """
        CREATE TABLE lifecycle_facts (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            kind TEXT NOT NULL,
            evidence TEXT NOT NULL,
            recorded_by TEXT REFERENCES users (id),
            recorded_at BIGINT NOT NULL,
            revoked_at BIGINT,
            revoked_by TEXT REFERENCES users (id)
        )
        """,
        "CREATE INDEX lifecycle_facts_customer ON lifecycle_facts (customer_id, kind)",
        """
        CREATE TABLE referrals (
            id TEXT PRIMARY KEY,
            subject_kind TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            referrer_customer_id TEXT NOT NULL REFERENCES customers (id),
            referrer_contact_id TEXT REFERENCES contacts (id),
            note TEXT NOT NULL,
            recorded_by TEXT REFERENCES users (id),
            recorded_at BIGINT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX referrals_subject ON referrals (subject_kind, subject_id)",
        "CREATE INDEX referrals_referrer ON referrals (referrer_customer_id, subject_kind)",
        """
        CREATE TABLE qualifications (
            customer_id TEXT PRIMARY KEY REFERENCES customers (id),
            ability_to_pay TEXT NOT NULL,
            ability_evidence TEXT NOT NULL,
            authority TEXT NOT NULL,
            authority_evidence TEXT NOT NULL,
            need TEXT NOT NULL,
            need_evidence TEXT NOT NULL,
            warnings TEXT NOT NULL,
            updated_by TEXT REFERENCES users (id),
            updated_at BIGINT NOT NULL,
            version BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE pools (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            team_id TEXT REFERENCES teams (id),
            is_default BIGINT NOT NULL,
            daily_claim_cap BIGINT NOT NULL,
            holding_cap BIGINT NOT NULL,
            count_closed BIGINT NOT NULL,
            no_follow_up_days BIGINT,
            no_deal_days BIGINT,
            not_closed_days BIGINT,
            recycle_closed BIGINT NOT NULL,
            recycle_with_open_deals BIGINT NOT NULL,
            warn_days BIGINT NOT NULL,
            cooloff_days BIGINT NOT NULL,
            lock_cap BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE customer_pool (
            customer_id TEXT PRIMARY KEY REFERENCES customers (id),
            pool_id TEXT NOT NULL REFERENCES pools (id),
            entered_at BIGINT,
            owned_since BIGINT,
            locked_at BIGINT,
            locked_by TEXT REFERENCES users (id),
            previous_owner_id TEXT REFERENCES users (id),
            left_owner_at BIGINT,
            reason TEXT NOT NULL
        )
        """,
        "CREATE INDEX customer_pool_members ON customer_pool (pool_id, entered_at, customer_id)",
        "CREATE INDEX customer_pool_locked ON customer_pool (locked_by)",
        """
        CREATE TABLE pool_events (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            pool_id TEXT REFERENCES pools (id),
            kind TEXT NOT NULL,
            actor_id TEXT REFERENCES users (id),
            owner_id TEXT REFERENCES users (id),
            previous_owner_id TEXT REFERENCES users (id),
            reason TEXT NOT NULL,
            at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX pool_events_customer ON pool_events (customer_id, at)",
        "CREATE INDEX pool_events_actor ON pool_events (actor_id, kind, at)",
        "CREATE INDEX pool_events_previous ON pool_events (previous_owner_id, customer_id, at)",
        """
        CREATE TABLE merges (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            survivor_id TEXT NOT NULL,
            merged_id TEXT NOT NULL,
            survivor_before TEXT NOT NULL,
            merged_before TEXT NOT NULL,
            moved TEXT NOT NULL,
            merged_by TEXT REFERENCES users (id),
            merged_at BIGINT NOT NULL,
            undone_at BIGINT,
            undone_by TEXT REFERENCES users (id)
        )
        """,
        "CREATE INDEX merges_survivor ON merges (survivor_id, merged_at)",
        "CREATE INDEX merges_merged ON merges (merged_id, merged_at)",
        """
        CREATE TABLE job_periods (
            job TEXT NOT NULL,
            period TEXT NOT NULL,
            claimed_by TEXT NOT NULL,
            claimed_at BIGINT NOT NULL,
            finished_at BIGINT,
            PRIMARY KEY (job, period)
        )
        """,
    ]

    /// The default pool (no automatic recycling until an admin sets the rules), the default deal
    /// stages, and pool membership for the customers that have no owner today.
    private static let seeds: [String] = [
        """
        INSERT INTO pools (id, name, team_id, is_default, daily_claim_cap, holding_cap, count_closed,
        no_follow_up_days, no_deal_days, not_closed_days, recycle_closed, recycle_with_open_deals, warn_days,
        cooloff_days, lock_cap, created_at, updated_at, deleted_at, version)
        VALUES ('\(defaultPoolID)', '公海 Public pool', NULL, 1, 20, 200, 0, NULL, NULL, NULL, 0, 0, 3, 30, 10, 0, 0, NULL, 1)
        """,
        """
        INSERT INTO deal_stages (id, name_zh, name_en, position, probability, created_at, updated_at, deleted_at, version)
        VALUES ('00000000-0000-4000-8000-00000000d001', '初步接洽', 'First contact', 1, 10, 0, 0, NULL, 1),
        ('00000000-0000-4000-8000-00000000d002', '需求确认', 'Needs confirmed', 2, 25, 0, 0, NULL, 1),
        ('00000000-0000-4000-8000-00000000d003', '方案报价', 'Proposal and quote', 3, 50, 0, 0, NULL, 1),
        ('00000000-0000-4000-8000-00000000d004', '商务谈判', 'Negotiation', 4, 75, 0, 0, NULL, 1),
        ('00000000-0000-4000-8000-00000000d005', '合同审批', 'Contract approval', 5, 90, 0, 0, NULL, 1)
        """,
        """
        INSERT INTO customer_pool (customer_id, pool_id, entered_at, owned_since, locked_at, locked_by,
        previous_owner_id, left_owner_at, reason)
        SELECT id, '\(defaultPoolID)', created_at, NULL, NULL, NULL, NULL, NULL, 'created'
        FROM customers WHERE owner_id IS NULL AND deleted_at IS NULL
        """,
    ]
}
