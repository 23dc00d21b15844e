import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// Every team; anyone signed in may list them.
    public func teams(_ acting: Acting) async throws -> [Team] {
        try await store.read { try await $0.teams() }
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
