import Foundation
import RapportCore
import SQLKit

/// A user's saved list views; every statement names the user, so one user never reads or
/// removes another's.
extension CatalogSession {
    /// The user's views of a list, by name.
    public func savedViews(of user: UserID, list: String) async throws -> [SavedView] {
        try await db.raw("""
            SELECT id, list, name, query, created_at FROM saved_views
            WHERE user_id = \(bind: user.description) AND list = \(bind: list) ORDER BY name, id
            """).all().map { row in
            SavedView(id: try row.text("id"), list: try row.text("list"), name: try row.text("name"),
                      query: try row.text("query"), createdAt: try row.date("created_at"))
        }
    }

    /// Saves a view; one with the same name on the same list is replaced (keeping its id).
    /// Returns the stored view.
    public func saveView(_ view: SavedView, of user: UserID) async throws -> SavedView {
        let rows = try await db.raw("""
            INSERT INTO saved_views (id, user_id, list, name, query, created_at) VALUES (\(bind: view.id),
            \(bind: user.description), \(bind: view.list), \(bind: view.name), \(bind: view.query),
            \(bind: StoredTime.encode(view.createdAt)))
            ON CONFLICT (user_id, list, name) DO UPDATE SET query = excluded.query, created_at = excluded.created_at
            RETURNING id
            """).all()
        var saved = view
        if let id = try rows.first?.text("id") { saved.id = id }
        return saved
    }

    /// Removes one of the user's views; `notFound` when it is not theirs.
    public func deleteView(id: String, of user: UserID) async throws -> SavedView {
        guard let row = try await db.raw("""
            DELETE FROM saved_views WHERE id = \(bind: id) AND user_id = \(bind: user.description)
            RETURNING id, list, name, query, created_at
            """).first() else { throw StoreError.notFound }
        return SavedView(id: try row.text("id"), list: try row.text("list"), name: try row.text("name"),
                         query: try row.text("query"), createdAt: try row.date("created_at"))
    }
}
