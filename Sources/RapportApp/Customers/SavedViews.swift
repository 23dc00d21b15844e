import Foundation
import RapportCore
import RapportStore

/// A user's saved list views (`SavedView`): their own, never another's, whatever their role.
public struct SavedViews: Sendable {
    let deps: Dependencies

    /// The acting user's views of a list, by name.
    public func list(_ acting: Acting, list: String) async throws -> [SavedView] {
        guard SavedView.lists.contains(list) else { throw AppError.invalid([FieldError("list", .notAnOption)]) }
        return try await deps.read(acting) { try await $0.catalog.savedViews(of: acting.id, list: list) }
    }

    /// Saves the list's current filters under a name; the same name again replaces that view.
    /// A user keeps at most `SavedView.maxPerList` views per list.
    public func save(_ acting: Acting, list: String, name: String, query: String) async throws -> SavedView {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var v = Validator()
        if !SavedView.lists.contains(list) { v.add("list", .notAnOption) }
        v.required("name", name, max: SavedView.maxNameLength)
        v.length("query", query, max: SavedView.maxQueryLength)
        if query.hasPrefix("?") || query.contains("#") { v.add("query", .invalid) }
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        let existing = try await self.list(acting, list: list)
        if existing.count >= SavedView.maxPerList, !existing.contains(where: { $0.name == name }) {
            throw AppError.invalid([FieldError("name", .tooMany, detail: String(SavedView.maxPerList))])
        }
        let view = SavedView(id: deps.env.newUUID().uuidString.lowercased(), list: list, name: name, query: query,
                             createdAt: deps.env.now())
        return try await deps.write(acting, entity: .savedView) { try await $0.catalog.saveView(view, of: acting.id) }
    }

    /// Removes one of the acting user's views (`notFound` for anyone else's).
    public func delete(_ acting: Acting, id: String) async throws -> SavedView {
        try await deps.write(acting, entity: .savedView) { try await $0.catalog.deleteView(id: id, of: acting.id) }
    }
}
