import Foundation

/// What happened to a record.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case create, update, delete, restore, reassign, login, passwordChange, tokenCreate, tokenRevoke, importRun
}

/// One line of the audit log: who changed what, when, with the record before and after (as JSON).
public struct AuditEntry: Sendable, Codable, Equatable, Identifiable {
    public var id: UUID
    public var at: Date
    public var actorID: UserID?
    public var entity: String
    public var entityID: String
    public var action: AuditAction
    public var before: String?
    public var after: String?

    public init(id: UUID, at: Date, actorID: UserID?, entity: String, entityID: String, action: AuditAction,
                before: String?, after: String?) {
        self.id = id; self.at = at; self.actorID = actorID; self.entity = entity; self.entityID = entityID
        self.action = action; self.before = before; self.after = after
    }
}
