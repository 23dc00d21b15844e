/// Which customers a user may see and change. Computed once per request by the app layer
/// and handed to the store, which turns it into a `WHERE` clause for every query and count.
public enum AccessScope: Sendable, Equatable {
    /// Admins: every customer.
    case everything
    /// Managers: customers owned by them or belonging to one of the teams they manage.
    case teams(owner: UserID, teams: [TeamID])
    /// Reps: only their own customers.
    case owner(UserID)

    /// The scope for a user, given the teams the user manages.
    public static func of(_ user: User, managedTeams: [TeamID]) -> AccessScope {
        switch user.role {
        case .admin: return .everything
        case .manager:
            var teams = managedTeams
            if let own = user.teamID, !teams.contains(own) { teams.append(own) }
            return .teams(owner: user.id, teams: teams)
        case .rep: return .owner(user.id)
        }
    }

    /// Whether a record with this owner and team is inside the scope.
    public func contains(owner: UserID?, team: TeamID?) -> Bool {
        switch self {
        case .everything: return true
        case .owner(let id): return owner == id
        case .teams(let me, let teams):
            if owner == me { return true }
            guard let team else { return false }
            return teams.contains(team)
        }
    }
}
