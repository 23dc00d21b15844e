import RapportApp
import RapportCore

/// Users and teams, loaded once per page to show names instead of ids and to fill selects.
struct Directory: Sendable {
    let users: [User]
    let teams: [Team]

    static func load(_ app: Rapport, _ acting: Acting) async throws -> Directory {
        let (users, teams) = try await app.accounts.directory(acting)
        return Directory(users: users, teams: teams)
    }

    func user(_ id: UserID?) -> User? {
        guard let id else { return nil }
        return users.first { $0.id == id }
    }

    /// A user's display name; empty when unknown (e.g. disabled and hidden from non-admins).
    func name(_ id: UserID?) -> String { user(id)?.displayName ?? "" }

    func teamName(_ id: TeamID?) -> String {
        guard let id else { return "" }
        return teams.first { $0.id == id }?.name ?? ""
    }

    /// Users the acting user may make owner of a customer: admins anyone active, managers
    /// themselves and members of their teams, reps only themselves.
    func assignableOwners(_ acting: Acting) -> [User] {
        let active = users.filter { !$0.disabled }
        switch acting.scope {
        case .all: return active
        case .owner: return [acting.user]
        case .teams(let me, let teams):
            return active.filter { $0.id == me || ($0.teamID.map(teams.contains) ?? false) }
        }
    }

    /// Options for a user select, by display name.
    func userChoices(_ users: [User], selected: UserID?, blank: String?) -> [Choice] {
        let pairs = users.sorted { $0.displayName < $1.displayName }.map { ($0.id.description, $0.displayName) }
        return Choices.list(pairs, selected: selected?.description, blank: blank)
    }
}
