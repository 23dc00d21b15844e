import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// Every live team; anyone signed in may list them. Admins may include deleted ones (to restore them).
    public func teams(_ acting: Acting, includeDeleted: Bool = false) async throws -> [Team] {
        let all = try await store.read { try await $0.teams() }
        return includeDeleted && acting.isAdmin ? all : all.filter { $0.deletedAt == nil }
    }

    /// Deletes a team (admins only; restorable). Refused while active users still belong to it.
    public func deleteTeam(_ acting: Acting, _ id: TeamID) async throws -> Team {
        try acting.requireAdmin()
        let members = try await store.read { try await $0.users(team: id) }.filter { !$0.disabled }
        if !members.isEmpty { throw AppError.invalid([FieldError("team", "hasMembers", detail: String(members.count))]) }
        return try await setTeamDeleted(acting, id, deleted: true)
    }

    public func restoreTeam(_ acting: Acting, _ id: TeamID) async throws -> Team {
        try acting.requireAdmin()
        return try await setTeamDeleted(acting, id, deleted: false)
    }

    private func setTeamDeleted(_ acting: Acting, _ id: TeamID, deleted: Bool) async throws -> Team {
        guard let before = try await store.read({ try await $0.team(id) }) else { throw AppError.notFound(entity: "team") }
        guard (before.deletedAt != nil) != deleted else { return before }
        var after = before
        after.deletedAt = deleted ? env.now() : nil
        after.updatedAt = env.now()
        after.version += 1
        let entry = try audit(acting.id, "team", id.description, deleted ? .delete : .restore, before: before, after: after)
        let saved = after
        try await mapped("team") {
            try await store.write { session in
                try await session.updateTeam(saved, expectedVersion: before.version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    public func team(_ acting: Acting, _ id: TeamID) async throws -> Team {
        guard let team = try await store.read({ try await $0.team(id) }) else { throw AppError.notFound(entity: "team") }
        return team
    }

    /// Creates a team (admins only). The manager, when given, must be a manager or admin.
    public func createTeam(_ acting: Acting?, name: String, managerID: UserID?) async throws -> Team {
        if let acting { try acting.requireAdmin() }
        try await validateTeam(name: name, managerID: managerID)
        let now = env.now()
        let team = Team(id: env.newID(), name: name.trimmingCharacters(in: .whitespaces), managerID: managerID,
                        createdAt: now, updatedAt: now, version: 1)
        let entry = try audit(acting?.id, "team", team.id.description, .create, before: nil as Team?, after: team)
        try await mapped("team") {
            try await store.write { session in
                try await session.insertTeam(team)
                try await session.appendAudit(entry)
            }
        }
        return team
    }

    /// Renames a team or changes its manager (admins only).
    public func updateTeam(_ acting: Acting, _ id: TeamID, name: String?, managerID: UserID??, version: Int) async throws -> Team {
        try acting.requireAdmin()
        guard let before = try await store.read({ try await $0.team(id) }) else { throw AppError.notFound(entity: "team") }
        var after = before
        if let name { after.name = name.trimmingCharacters(in: .whitespaces) }
        if let managerID { after.managerID = managerID }
        try await validateTeam(name: after.name, managerID: after.managerID)
        after.updatedAt = env.now()
        after.version += 1
        let entry = try audit(acting.id, "team", id.description, .update, before: before, after: after)
        let saved = after
        try await mapped("team") {
            try await store.write { session in
                try await session.updateTeam(saved, expectedVersion: version)
                try await session.appendAudit(entry)
            }
        }
        return after
    }

    private func validateTeam(name: String, managerID: UserID?) async throws {
        var v = Validator()
        v.required("name", name, max: 100)
        if !v.errors.isEmpty { throw AppError.invalid(v.errors) }
        if let managerID {
            guard let manager = try await store.read({ try await $0.user(managerID) })?.user else {
                throw AppError.invalid([FieldError("managerID", "unknown")])
            }
            if manager.role == .rep { throw AppError.invalid([FieldError("managerID", "notAManager")]) }
        }
    }
}
