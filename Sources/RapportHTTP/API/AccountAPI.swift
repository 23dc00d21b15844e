import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge

/// Users, teams, custom fields, tokens and `/me`.
struct AccountAPI {
    let app: Rapport

    struct UserBody: Decodable {
        let displayName: String?
        let role: Role?
        let teamID: TeamID??
        let language: Language??
        let timeZone: String?
        let disabled: Bool?
        let version: Int?
    }

    struct PasswordBody: Decodable {
        let currentPassword: String?
        let password: String
    }

    struct TeamBody: Decodable {
        let name: String?
        let managerID: UserID??
        let version: Int?
    }

    struct FieldBody: Decodable {
        let labelZh: String?
        let labelEn: String?
        let options: [String]?
        let version: Int?
    }

    struct TokenBody: Decodable {
        let name: String
    }

    struct CreatedUser: Encodable {
        let user: User
        let oneTimePassword: String?
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("me") { _, context in try JSONBody.response(context.acting.user) }
        group.get("users") { _, context in try JSONBody.response(Page(items: try await app.accounts.list(context.acting), nextCursor: nil)) }
        group.post("users", use: createUser)
        group.get("users/:id") { request, context in
            let user = try await app.accounts.get(context.acting, try RequestParameters(request: request, context: context).id())
            return try JSONBody.response(user, version: user.version)
        }
        group.patch("users/:id", use: updateUser)
        group.delete("users/:id") { request, context in try await setDisabled(request, context, true) }
        group.post("users/:id/restore") { request, context in try await setDisabled(request, context, false) }
        group.post("users/:id/password", use: setPassword)
        group.get("teams") { request, context in
            let deleted = try RequestParameters(request: request, context: context).bool("includeDeleted")
            return try JSONBody.response(Page(items: try await app.teams.list(context.acting, includeDeleted: deleted), nextCursor: nil))
        }
        group.post("teams", use: createTeam)
        group.get("teams/:id") { request, context in
            let team = try await app.teams.get(context.acting, try RequestParameters(request: request, context: context).id())
            return try JSONBody.response(team, version: team.version)
        }
        group.patch("teams/:id", use: updateTeam)
        group.delete("teams/:id") { request, context in
            let team = try await app.teams.delete(context.acting, try RequestParameters(request: request, context: context).id())
            return try JSONBody.response(team, version: team.version)
        }
        group.post("teams/:id/restore") { request, context in
            let team = try await app.teams.restore(context.acting, try RequestParameters(request: request, context: context).id())
            return try JSONBody.response(team, version: team.version)
        }
        group.get("custom-fields") { request, context in
            let object: CustomObject? = try RequestParameters(request: request, context: context).enumValue("object")
            return try JSONBody.response(Page(items: try await app.customFields.list(context.acting, object: object), nextCursor: nil))
        }
        group.post("custom-fields", use: createField)
        group.patch("custom-fields/:id") { request, context in try await updateField(request, context, deleted: nil) }
        group.delete("custom-fields/:id") { request, context in try await updateField(request, context, deleted: true) }
        group.post("custom-fields/:id/restore") { request, context in try await updateField(request, context, deleted: false) }
        group.get("tokens") { _, context in try JSONBody.response(Page(items: try await app.auth.tokens(context.acting), nextCursor: nil)) }
        group.post("tokens") { request, context in
            let acting = context.acting
            let body = try await JSONBody.decode(TokenBody.self, from: request, context: context)
            return try JSONBody.response(try await app.auth.createToken(acting, name: body.name), status: .created)
        }
        group.delete("tokens/:id") { request, context in
            let acting = context.acting
            guard let id = context.parameters.get("id") else { throw APIError.malformed(field: "id", reason: .required) }
            try await app.auth.revokeToken(acting, id: id)
            return Response(status: .noContent)
        }
    }

    @Sendable func createUser(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(NewUser.self, from: request, context: context)
        let created = try await app.accounts.create(acting, body)
        return try JSONBody.response(CreatedUser(user: created.user, oneTimePassword: created.oneTimePassword), status: .created)
    }

    @Sendable func updateUser(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: UserID = try p.id()
        let body = try await JSONBody.decode(UserBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let changes = UserChanges(displayName: body.displayName, role: body.role, teamID: body.teamID,
                                  language: body.language, timeZone: body.timeZone, disabled: body.disabled)
        let user = try await app.accounts.update(acting, id, changes, version: version)
        return try JSONBody.response(user, version: user.version)
    }

    func setDisabled(_ request: Request, _ context: AuthenticatedContext, _ disabled: Bool) async throws -> Response {
        let acting = context.acting
        let id: UserID = try RequestParameters(request: request, context: context).id()
        let current = try await app.accounts.get(acting, id)
        let user = try await app.accounts.update(acting, id, UserChanges(disabled: disabled), version: current.version)
        return try JSONBody.response(user, version: user.version)
    }

    @Sendable func setPassword(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: UserID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(PasswordBody.self, from: request, context: context)
        try await app.accounts.setPassword(acting, id, current: body.currentPassword, new: body.password)
        return Response(status: .noContent)
    }

    @Sendable func createTeam(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(TeamBody.self, from: request, context: context)
        let team = try await app.teams.create(acting, name: body.name ?? "", managerID: body.managerID ?? nil)
        return try JSONBody.response(team, status: .created, version: team.version)
    }

    @Sendable func updateTeam(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: TeamID = try p.id()
        let body = try await JSONBody.decode(TeamBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let team = try await app.teams.update(acting, id, name: body.name, managerID: body.managerID, version: version)
        return try JSONBody.response(team, version: team.version)
    }

    @Sendable func createField(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(NewCustomField.self, from: request, context: context)
        let field = try await app.customFields.create(acting, body)
        return try JSONBody.response(field, status: .created, version: field.version)
    }

    func updateField(_ request: Request, _ context: AuthenticatedContext, deleted: Bool?) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: CustomFieldID = try p.id()
        var body = FieldBody(labelZh: nil, labelEn: nil, options: nil, version: nil)
        if deleted == nil { body = try await JSONBody.decode(FieldBody.self, from: request, context: context) }
        let current = try await app.customFields.list(acting).first { $0.id == id }
        if deleted != nil, current == nil { throw AppError.notFound(entity: .customField) }
        guard let version = body.version ?? p.ifMatch() ?? (deleted != nil ? current?.version : nil) else {
            throw AppError.invalid([FieldError("version", .required)])
        }
        let field = try await app.customFields.update(acting, id, labelZh: body.labelZh, labelEn: body.labelEn,
                                                    options: body.options, deleted: deleted, version: version)
        return try JSONBody.response(field, version: field.version)
    }
}
