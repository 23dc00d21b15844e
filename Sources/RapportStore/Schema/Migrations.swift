/// The schema timeline, shared by both engines. Append new steps at the end.
///
/// Portable column types only: TEXT, BIGINT (integers, booleans as 0/1, times as epoch
/// milliseconds UTC), DOUBLE PRECISION. Ids are lowercase UUID text.
enum Migrations {
    static let all: [Migration] = [foundation, relationships, lifecycle, poolSpeed, structure, jobLeases, pinyin, lastTouch, savedViews, stageTallies]

    static let foundation = Migration(1, "foundation", both: [
        """
        CREATE TABLE teams (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            manager_id TEXT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX teams_name ON teams (name)",
        """
        CREATE TABLE users (
            id TEXT PRIMARY KEY,
            username TEXT NOT NULL,
            display_name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            team_id TEXT REFERENCES teams (id),
            language TEXT,
            time_zone TEXT NOT NULL,
            disabled BIGINT NOT NULL DEFAULT 0,
            must_change_password BIGINT NOT NULL DEFAULT 0,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            version BIGINT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX users_username ON users (username)",
        "CREATE INDEX teams_manager ON teams (manager_id)",
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users (id),
            csrf_token TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX sessions_user ON sessions (user_id)",
        """
        CREATE TABLE api_tokens (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users (id),
            name TEXT NOT NULL,
            token_hash TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            last_used_at BIGINT,
            revoked_at BIGINT
        )
        """,
        "CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash)",
        "CREATE INDEX api_tokens_user ON api_tokens (user_id)",
        """
        CREATE TABLE login_failures (
            username TEXT NOT NULL,
            at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX login_failures_username ON login_failures (username, at)",
        """
        CREATE TABLE customers (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            kind TEXT NOT NULL,
            size TEXT,
            industry TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            owner_id TEXT REFERENCES users (id),
            team_id TEXT REFERENCES teams (id),
            tags TEXT NOT NULL,
            status TEXT NOT NULL,
            phone TEXT NOT NULL,
            phone_key TEXT NOT NULL,
            email TEXT NOT NULL,
            email_key TEXT NOT NULL,
            registration_number TEXT NOT NULL,
            registration_key TEXT NOT NULL,
            website TEXT NOT NULL,
            address TEXT NOT NULL,
            profile TEXT NOT NULL,
            custom TEXT NOT NULL,
            search_text TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX customers_name ON customers (name, id)",
        "CREATE INDEX customers_owner_name ON customers (owner_id, name, id)",
        "CREATE INDEX customers_team_name ON customers (team_id, name, id)",
        "CREATE INDEX customers_updated ON customers (updated_at, id)",
        "CREATE INDEX customers_owner_updated ON customers (owner_id, updated_at, id)",
        "CREATE INDEX customers_owner_status ON customers (owner_id, status, name, id)",
        "CREATE INDEX customers_team_status ON customers (team_id, status, name, id)",
        "CREATE INDEX customers_name_key ON customers (name_key)",
        "CREATE INDEX customers_phone_key ON customers (phone_key)",
        "CREATE INDEX customers_email_key ON customers (email_key)",
        "CREATE INDEX customers_registration_key ON customers (registration_key)",
        """
        CREATE TABLE contacts (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            department TEXT NOT NULL,
            title TEXT NOT NULL,
            phone TEXT NOT NULL,
            phone_key TEXT NOT NULL,
            fax TEXT NOT NULL,
            email TEXT NOT NULL,
            email_key TEXT NOT NULL,
            wechat TEXT NOT NULL,
            qq TEXT NOT NULL,
            interests TEXT NOT NULL,
            supplier_expectations TEXT NOT NULL,
            pain_points TEXT NOT NULL,
            influence TEXT,
            involvement BIGINT,
            relationship_with_us TEXT NOT NULL,
            relationship_with_competitors TEXT NOT NULL,
            relationship_owner_id TEXT REFERENCES users (id),
            is_coach BIGINT NOT NULL,
            reports_to_id TEXT REFERENCES contacts (id),
            custom TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX contacts_customer ON contacts (customer_id, name, id)",
        "CREATE INDEX contacts_phone_key ON contacts (phone_key)",
        "CREATE INDEX contacts_email_key ON contacts (email_key)",
        """
        CREATE TABLE activities (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            contact_id TEXT REFERENCES contacts (id),
            user_id TEXT NOT NULL REFERENCES users (id),
            channel TEXT NOT NULL,
            purpose TEXT NOT NULL,
            outcome TEXT NOT NULL,
            occurred_at BIGINT NOT NULL,
            custom TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX activities_customer ON activities (customer_id, occurred_at, id)",
        """
        CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            author_id TEXT NOT NULL REFERENCES users (id),
            body TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX notes_customer ON notes (customer_id, created_at, id)",
        """
        CREATE TABLE custom_fields (
            id TEXT PRIMARY KEY,
            object TEXT NOT NULL,
            field_key TEXT NOT NULL,
            label_zh TEXT NOT NULL,
            label_en TEXT NOT NULL,
            kind TEXT NOT NULL,
            options TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX custom_fields_key ON custom_fields (object, field_key)",
        """
        CREATE TABLE audit_log (
            id TEXT PRIMARY KEY,
            at BIGINT NOT NULL,
            actor_id TEXT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            action TEXT NOT NULL,
            before_json TEXT,
            after_json TEXT
        )
        """,
        "CREATE INDEX audit_entity ON audit_log (entity, entity_id, at)",
        "CREATE INDEX audit_at ON audit_log (at)",
    ], sqlite: [
        // Gram documents (see SearchText) indexed by FTS5 without positions; rowid = customers.rowid.
        "CREATE VIRTUAL TABLE customer_search USING fts5(grams, tokenize = 'unicode61 remove_diacritics 0', detail = none)",
        // A 16 MB pending-terms buffer: a bulk import writes one index segment per transaction, not one per MB.
        "INSERT INTO customer_search (customer_search, rank) VALUES ('hashsize', 16777216)",
    ], postgres: [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE INDEX customers_search_trgm ON customers USING gin (search_text gin_trgm_ops)",
    ])

    /// Relationship intelligence (issue 3): personalities, situations, results, promises, care
    /// dates, handovers, notifications and admin-edited reference files.
    static let relationships = Migration(2, "relationships", both: [
        """
        CREATE TABLE personalities (
            subject_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            contact_id TEXT REFERENCES contacts (id),
            temperament TEXT,
            suggested TEXT,
            answers TEXT NOT NULL,
            confirmed_by TEXT REFERENCES users (id),
            confirmed_at BIGINT,
            buyer_type TEXT,
            online_type TEXT,
            updated_at BIGINT NOT NULL,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX personalities_customer ON personalities (customer_id)",
        """
        CREATE TABLE customer_situations (
            customer_id TEXT PRIMARY KEY REFERENCES customers (id),
            join_reasons TEXT NOT NULL,
            motivation TEXT,
            business_type TEXT,
            updated_at BIGINT NOT NULL,
            version BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE customer_results (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            measure TEXT NOT NULL,
            value BIGINT NOT NULL,
            on_date TEXT NOT NULL,
            note TEXT NOT NULL,
            recorded_by TEXT REFERENCES users (id),
            created_at BIGINT NOT NULL,
            deleted_at BIGINT
        )
        """,
        "CREATE INDEX customer_results_customer ON customer_results (customer_id, on_date, id)",
        """
        CREATE TABLE commitments (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            contact_id TEXT REFERENCES contacts (id),
            owner_id TEXT NOT NULL REFERENCES users (id),
            title TEXT NOT NULL,
            details TEXT NOT NULL,
            due_on TEXT NOT NULL,
            state TEXT NOT NULL,
            evidence TEXT NOT NULL,
            created_by TEXT NOT NULL REFERENCES users (id),
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            closed_at BIGINT,
            escalated_at BIGINT,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX commitments_owner ON commitments (owner_id, state, due_on)",
        "CREATE INDEX commitments_customer ON commitments (customer_id, state, due_on)",
        "CREATE INDEX commitments_due ON commitments (state, due_on)",
        """
        CREATE TABLE care_dates (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            contact_id TEXT REFERENCES contacts (id),
            owner_id TEXT REFERENCES users (id),
            kind TEXT NOT NULL,
            calendar TEXT NOT NULL,
            month BIGINT NOT NULL,
            day BIGINT NOT NULL,
            leap_month BIGINT NOT NULL,
            year BIGINT,
            lead_days BIGINT NOT NULL,
            title TEXT NOT NULL,
            next_on TEXT NOT NULL,
            remind_on TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            deleted_at BIGINT,
            version BIGINT NOT NULL
        )
        """,
        "CREATE INDEX care_dates_customer ON care_dates (customer_id, next_on)",
        "CREATE INDEX care_dates_next ON care_dates (next_on)",
        "CREATE INDEX care_dates_owner_remind ON care_dates (owner_id, remind_on)",
        """
        CREATE TABLE handovers (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers (id),
            from_user_id TEXT REFERENCES users (id),
            to_user_id TEXT NOT NULL REFERENCES users (id),
            summary TEXT NOT NULL,
            created_by TEXT REFERENCES users (id),
            created_at BIGINT NOT NULL,
            read_at BIGINT
        )
        """,
        "CREATE INDEX handovers_to ON handovers (to_user_id, read_at, created_at)",
        "CREATE INDEX handovers_customer ON handovers (customer_id, created_at)",
        """
        CREATE TABLE notifications (
            id TEXT PRIMARY KEY,
            recipient_id TEXT NOT NULL REFERENCES users (id),
            kind TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            customer_id TEXT REFERENCES customers (id),
            payload TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            read_at BIGINT
        )
        """,
        "CREATE INDEX notifications_recipient ON notifications (recipient_id, created_at, id)",
        "CREATE UNIQUE INDEX notifications_once ON notifications (recipient_id, kind, subject_id)",
        """
        CREATE INDEX activities_user_time ON activities (user_id, occurred_at)
        """,
        """
        CREATE TABLE reference_files (
            name TEXT PRIMARY KEY,
            content TEXT NOT NULL,
            updated_by TEXT REFERENCES users (id),
            updated_at BIGINT NOT NULL,
            version BIGINT NOT NULL
        )
        """,
    ], sqlite: [
        // Bulk imports insert grams faster when the gram index merges its segments less eagerly
        // (FTS5 merges every 4 segments of a level by default).
        "INSERT INTO customer_search (customer_search, rank) VALUES ('automerge', 8)",
    ])
}
