import SQLKit

extension Migrations {
    /// Saved list views per user (issue 11): a name and the list's query string. Saving a view
    /// under a name the user already has replaces it (the unique index).
    static let savedViews = Migration(9, "saved-views", both: [
        """
        CREATE TABLE saved_views (
            id TEXT PRIMARY KEY,
            user_id TEXT NOT NULL REFERENCES users (id),
            list TEXT NOT NULL,
            name TEXT NOT NULL,
            query TEXT NOT NULL,
            created_at BIGINT NOT NULL
        )
        """,
        "CREATE UNIQUE INDEX saved_views_name ON saved_views (user_id, list, name)",
    ])
}
