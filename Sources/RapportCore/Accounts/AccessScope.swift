/// Which customers a user may see and change, by the role rule. The store turns it into the same
/// `WHERE` for every query of customer data. It is only ever used inside a `Viewer`, which can
/// only be made from a user (`Viewer.of`), so no code can hand a query a wider scope than the
/// user's own; background jobs do not use a scope at all but the store's explicit system session.
public enum AccessScope: Sendable, Equatable {
    /// Admins: every customer (a right of the role).
    case all
    /// Managers: customers owned by them or belonging to one of the teams they manage.
    case teams(owner: UserID, teams: [TeamID])
    /// Reps: only their own customers.
    case owner(UserID)

    /// The scope for a user, given the teams the user manages.
    static func of(_ user: User, managedTeams: [TeamID]) -> AccessScope {
        switch user.role {
        case .admin: return .all
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
        case .all: return true
        case .owner(let id): return owner == id
        case .teams(let me, let teams):
            if owner == me { return true }
            guard let team else { return false }
            return teams.contains(team)
        }
    }
}

/// Who is reading or writing, with what they may see: the only thing the store accepts to open a
/// user's session. Made from a user by the role rule and nothing else.
public struct Viewer: Sendable, Equatable {
    public let userID: UserID
    public let scope: AccessScope

    init(userID: UserID, scope: AccessScope) {
        self.userID = userID
        self.scope = scope
    }

    /// The viewer for a user, given the teams the user manages (managers only; others ignore it).
    public static func of(_ user: User, managedTeams: [TeamID]) -> Viewer {
        Viewer(userID: user.id, scope: AccessScope.of(user, managedTeams: managedTeams))
    }
}
