import RapportCore
import RapportStore

/// The signed-in user on whose behalf a use case runs, with what they may see decided once.
/// Made only by `Rapport.acting(_:)` (the app layer), from the user's role and managed teams.
public struct Acting: Sendable, Equatable {
    public let user: User
    /// What the store lets this user see: the only thing it opens a user's session with.
    public let viewer: Viewer

    init(user: User, viewer: Viewer) {
        self.user = user
        self.viewer = viewer
    }

    public var id: UserID { user.id }
    public var scope: AccessScope { viewer.scope }
    public var isAdmin: Bool { user.role == .admin }
    public var isManager: Bool { user.role == .manager || user.role == .admin }

    /// Throws `forbidden` unless the user is an admin.
    public func requireAdmin() throws(AppError) {
        guard isAdmin else { throw .forbidden(reason: .adminOnly) }
    }
}
