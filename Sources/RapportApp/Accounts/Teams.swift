import Foundation
import RapportCore
import RapportStore

/// Teams: listed by anyone, kept by admins.
public struct Teams: Sendable {
    let deps: Dependencies

    /// Every live team; anyone signed in may list them. Admins may include deleted ones (to restore them).
    public func list(_ acting: Acting, includeDeleted: Bool = false) async throws -> [Team] {
        let all = try await deps.directory(acting).teams
        return includeDeleted && acting.isAdmin ? all : all.filter { $0.deletedAt == nil }
    }

    public func get(_ acting: Acting, _ id: TeamID) async throws -> Team {
        guard let team = try await deps.read(acting, { try await $0.catalog.team(id) }) else { throw AppError.notFound(entity: .team) }
        return team
    }

    /// Deletes a team (admins only; restorable). Refused while active users still belong to it.
    public func delete(_ acting: Acting, _ id: TeamID) async throws -> Team {
        try acting.requireAdmin()
        let now = deps.env.now()
        return try await deps.changeCatalog(acting, id, version: nil, action: .delete, onlyIfChanged: true) { team, catalog in
            let members = try await catalog.users(team: id).filter { !$0.disabled }
            if !members.isEmpty { throw AppError.invalid([FieldError("team", .hasMembers, detail: String(members.count))]) }
            if team.deletedAt == nil { team.deletedAt = now }
        }
    }

    public func restore(_ acting: Acting, _ id: TeamID) async throws -> Team {
        try acting.requireAdmin()
        return try await deps.changeCatalog(acting, id, version: nil, action: .restore, onlyIfChanged: true) { team, _ in
            team.deletedAt = nil
        }
    }

    /// Creates a team (admins only; `nil` acting for the CLI). The manager, when given, must be a manager or admin.
    public func create(_ acting: Acting?, name: String, managerID: UserID?) async throws -> Team {
        if let acting { try acting.requireAdmin() }
        let now = deps.env.now()
        let team = Team(id: deps.env.newID(), name: name.trimmingCharacters(in: .whitespaces), managerID: managerID,
                        createdAt: now, updatedAt: now, version: 1)
        let entry = try deps.audit(acting?.id, Team.recordKind, team.id.description, .create, before: nil as Team?, after: team)
        let body: @Sendable (CatalogSession) async throws -> Void = { catalog in
            try await Self.validate(name: name, managerID: managerID, in: catalog)
            try await catalog.insertTeam(team)
            try await catalog.appendAudit(entry)
        }
        if let acting {
            try await deps.write(acting, entity: Team.recordKind) { try await body($0.catalog) }
        } else {
            try await deps.systemWrite(.command("team add")) { try await body($0.catalog) }
        }
        return team
    }

    /// Renames a team or changes its manager (admins only; `nil` acting for the CLI).
    public func update(_ acting: Acting?, _ id: TeamID, name: String?, managerID: UserID??, version: Int?) async throws -> Team {
        if let acting { try acting.requireAdmin() }
        return try await deps.changeCatalog(acting, id, version: version, action: .update) { team, catalog in
            if let name { team.name = name.trimmingCharacters(in: .whitespaces) }
            if let managerID { team.managerID = managerID }
            try await Self.validate(name: team.name, managerID: team.managerID, in: catalog)
        }
    }

    private static func validate(name: String, managerID: UserID?, in catalog: CatalogSession) async throws {
        var v = Validator()
        v.required("name", name, max: 100)
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        if let managerID {
            guard let manager = try await catalog.user(managerID)?.user else {
                throw AppError.invalid([FieldError("managerID", .unknown)])
            }
            if manager.role == .rep { throw AppError.invalid([FieldError("managerID", .notAManager)]) }
        }
    }
}
