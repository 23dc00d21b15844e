import RapportCore

/// The signed-in user on whose behalf a use case runs, with the access scope decided once.
public struct Acting: Sendable, Equatable {
    public let user: User
    public let scope: AccessScope

    public init(user: User, scope: AccessScope) {
        self.user = user
        self.scope = scope
    }

    public var id: UserID { user.id }
    public var isAdmin: Bool { user.role == .admin }
    public var isManager: Bool { user.role == .manager || user.role == .admin }

    /// Throws `forbidden` unless the user is an admin.
    public func requireAdmin() throws(AppError) {
        guard isAdmin else { throw .forbidden(reason: "adminOnly") }
    }
}
