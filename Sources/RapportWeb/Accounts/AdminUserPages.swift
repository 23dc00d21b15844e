import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `/admin/users`: list and create users; `/admin/users/{id}`: change role, team, state, set a password
/// or reset it to a generated one-time password.
struct AdminUserPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("admin/users", use: env.page(.admin, list))
        router.post("admin/users", use: env.page(.admin, create))
        router.get("admin/users/:id", use: env.page(.admin, edit))
        router.post("admin/users/:id", use: env.page(.admin, update))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        try await renderList(page, form: FormData(pairs: [("role", Role.rep.rawValue)]), errors: FormErrors(), created: nil)
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let form = page.form
        do {
            guard let role = Role(rawValue: form.text("role")) else { throw AppError.invalid([FieldError("role", .notAnOption)]) }
            var teamID: TeamID?
            if let raw = form.nonEmpty("teamID") {
                guard let id = TeamID(raw) else { throw AppError.invalid([FieldError("teamID", .unknown)]) }
                teamID = id
            }
            let input = NewUser(username: form.text("username").trimmingCharacters(in: .whitespaces),
                                displayName: form.nonEmpty("displayName"), role: role, teamID: teamID,
                                password: form["password"].flatMap { $0.isEmpty ? nil : $0 })
            let (user, oneTime) = try await env.app.accounts.create(acting, input)
            guard let oneTime else { return PageEnvironment.redirect("/admin/users") }
            // The generated password is shown this once and never stored in clear.
            let created = AdminUsersModel.Created(username: user.username, password: oneTime)
            return try await renderList(page, form: FormData(pairs: [("role", Role.rep.rawValue)]), errors: FormErrors(),
                                        created: created, status: .created)
        } catch AppError.invalid(let problems) {
            return try await renderList(page, form: form, errors: FormErrors(problems, env: env, language: page.language),
                                        created: nil, status: .unprocessableContent)
        }
    }

    private func renderList(_ page: PageRequest, form: FormData, errors: FormErrors, created: AdminUsersModel.Created?,
                            status: HTTPResponse.Status = .ok) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let people = try await Directory.load(env.app, acting)
        let rows = people.users.sorted { $0.username < $1.username }.map { user in
            AdminUsersModel.User(
                id: user.id.description, username: user.username, displayName: user.displayName,
                role: env.label("role", user.role, language), team: people.teamName(user.teamID),
                disabled: user.disabled, mustChangePassword: user.mustChangePassword)
        }
        let teams = people.teams.map { ($0.id.description, $0.name) }
        let fields: [FormField] = [
            FormField.input("username", env.text("user.field.username", language), value: form.text("username"),
                            errors: errors, required: true),
            FormField.input("displayName", env.text("user.field.displayName", language), value: form.text("displayName"),
                            errors: errors),
            FormField.select("role", env.text("user.field.role", language), options: Choices.of(Role.self, prefix: "role",
                             selected: form["role"], env: env, language: language), errors: errors),
            FormField.select("teamID", env.text("user.field.team", language),
                             options: Choices.list(teams, selected: form["teamID"], blank: env.text("form.none", language)),
                             errors: errors),
            FormField.input("password", env.text("user.field.password", language), value: "", errors: errors,
                            type: "password", hint: env.text("user.hint.password", language)),
        ]
        let model = AdminUsersModel(users: rows, fields: fields, errors: errors, created: created)
        return try await env.render("admin_users", page, title: "admin.users.title", model: model, status: status)
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let user = try await env.app.accounts.get(acting, try page.id())
        return try await renderEdit(page, user: user, form: Self.values(of: user), errors: FormErrors(), notice: page.query["saved"])
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: UserID = try page.id()
        let form = page.form
        let user = try await env.app.accounts.get(acting, id)
        do {
            if form["action"] == "oneTime" {
                // Shown on this response only (never redirected to, never stored in clear).
                let reset = try await env.app.accounts.resetPassword(acting, id, revokeTokens: form.isChecked("revokeTokens"))
                return try await renderEdit(page, user: user, form: Self.values(of: user), errors: FormErrors(), notice: nil,
                                            oneTime: reset.password, revokedTokens: form.isChecked("revokeTokens") ? reset.revokedTokens : nil)
            }
            if form["action"] == "password" {
                let revoked = try await env.app.accounts.setPassword(acting, id, current: nil, new: form.text("newPassword"),
                                                                     revokeTokens: form.isChecked("revokeTokens"))
                let tokens = form.isChecked("revokeTokens") ? String(revoked) : "kept"
                return PageEnvironment.redirect(FormData(pairs: [("saved", "password"), ("tokens", tokens)]).url("/admin/users/\(id)"))
            }
            guard let role = Role(rawValue: form.text("role")) else { throw AppError.invalid([FieldError("role", .notAnOption)]) }
            var teamID: TeamID?
            if let raw = form.nonEmpty("teamID") {
                guard let team = TeamID(raw) else { throw AppError.invalid([FieldError("teamID", .unknown)]) }
                teamID = team
            }
            let changes = UserChanges(displayName: form.text("displayName"), role: role == user.role ? nil : role,
                                      teamID: teamID == user.teamID ? nil : .some(teamID),
                                      disabled: form.isChecked("disabled") == user.disabled ? nil : form.isChecked("disabled"))
            _ = try await env.app.accounts.update(acting, id, changes, version: try page.formVersion())
            return PageEnvironment.redirect("/admin/users/\(id)?saved=user")
        } catch AppError.invalid(let problems) {
            var shown = form
            shown.set("newPassword", nil)
            // The use case names the password `password`; this form calls it `newPassword`.
            let renamed = problems.map { $0.field == "password" ? FieldError("newPassword", $0.code, detail: $0.detail) : $0 }
            return try await renderEdit(page, user: user, form: shown, errors: FormErrors(renamed, env: env, language: page.language),
                                        notice: nil, status: .unprocessableContent)
        } catch AppError.conflict {
            let current = try await env.app.accounts.get(acting, id)
            return try await renderEdit(page, user: current, form: Self.values(of: current), errors: FormErrors(),
                                        notice: "conflict", status: .conflict)
        }
    }

    private static func values(of user: User) -> FormData {
        var form = FormData(pairs: [("displayName", user.displayName), ("role", user.role.rawValue),
                                    ("teamID", user.teamID?.description ?? ""), ("version", String(user.version))])
        if user.disabled { form.set("disabled", "1") }
        return form
    }

    private func renderEdit(_ page: PageRequest, user: User, form: FormData, errors: FormErrors, notice: String?,
                            oneTime: String? = nil, revokedTokens: Int? = nil,
                            status: HTTPResponse.Status = .ok) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let teams = try await env.app.teams.list(acting).map { ($0.id.description, $0.name) }
        let fields: [FormField] = [
            FormField.input("displayName", env.text("user.field.displayName", language), value: form.text("displayName"),
                            errors: errors),
            FormField.select("role", env.text("user.field.role", language), options: Choices.of(Role.self, prefix: "role",
                             selected: form["role"], env: env, language: language), errors: errors),
            FormField.select("teamID", env.text("user.field.team", language),
                             options: Choices.list(teams, selected: form["teamID"], blank: env.text("form.none", language)),
                             errors: errors),
            FormField.checkbox("disabled", env.text("user.field.disabled", language), checked: form.isChecked("disabled"),
                               errors: errors, hint: env.text("user.hint.disabled", language)),
        ]
        var noticeText: String?
        if let notice, ["user", "password", "conflict"].contains(notice) {
            var text = env.text("admin.users.notice." + notice, language)
            if notice == "password", let tokens = page.query["tokens"] { text += " " + Self.tokensLine(tokens, env: env, language: language) }
            noticeText = text
        }
        let model = AdminUserModel(
            subject: AdminUserModel.Subject(id: user.id.description, username: user.username, displayName: user.displayName),
            version: form.text("version"),
            fields: fields,
            isSelf: user.id == acting.id,
            passwordField: FormField.input("newPassword", env.text("user.field.newPassword", language), value: "",
                                           errors: errors, type: "password", hint: env.text("user.hint.reset", language)),
            errors: errors,
            revokeTokensLabel: env.text("admin.users.revokeTokens", language),
            revokeTokensHint: env.text("admin.users.revokeTokensHint", language),
            oneTime: oneTime.map {
                AdminUserModel.OneTime(intro: env.text("admin.users.oneTimeResetIntro", language, [user.username]), password: $0,
                                       tokens: Self.tokensLine(revokedTokens.map(String.init) ?? "kept", env: env, language: language))
            },
            notice: noticeText, noticeIsWarning: notice == "conflict")
        return try await env.render("admin_user", page, title: "admin.users.editTitle", model: model, status: status)
    }

    /// What became of the user's API tokens after a password reset: how many were revoked, or that they still work.
    private static func tokensLine(_ tokens: String, env: PageEnvironment, language: Language) -> String {
        guard let count = Int(tokens) else { return env.text("admin.users.tokensKept", language) }
        return env.text("admin.users.tokensRevoked", language, [String(count)])
    }
}
