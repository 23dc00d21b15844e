import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `/admin/teams`: list, create, rename and choose each team's manager.
struct AdminTeamPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("admin/teams", use: env.page(.admin, list))
        router.post("admin/teams", use: env.page(.admin, create))
        router.post("admin/teams/:id", use: env.page(.admin, update))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        try await render(page, form: FormData(), errors: FormErrors(), notice: nil)
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        do {
            _ = try await env.app.teams.create(acting, name: page.form.text("name"), managerID: try Self.manager(page.form))
            return PageEnvironment.redirect("/admin/teams")
        } catch AppError.invalid(let problems) {
            return try await render(page, form: page.form, errors: FormErrors(problems, env: env, language: page.language),
                                    notice: nil, status: .unprocessableContent)
        }
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: TeamID = try page.id()
        do {
            _ = try await env.app.teams.update(acting, id, name: page.form.text("name"),
                                             managerID: .some(try Self.manager(page.form)), version: try page.formVersion())
            return PageEnvironment.redirect("/admin/teams")
        } catch AppError.invalid(let problems) {
            // Messages for a row go to the summary, naming the team.
            let team = try await env.app.teams.get(acting, id)
            let messages = problems.map { "\(team.name): \(env.localizer.message(for: $0, page.language))" }
            return try await render(page, form: FormData(), errors: FormErrors(), notice: messages.joined(separator: " "),
                                    status: .unprocessableContent)
        } catch AppError.conflict {
            return try await render(page, form: FormData(), errors: FormErrors(),
                                    notice: env.text("problem.conflict", page.language), status: .conflict)
        }
    }

    private static func manager(_ form: FormData) throws -> UserID? {
        guard let raw = form.nonEmpty("managerID") else { return nil }
        guard let id = UserID(raw) else { throw AppError.invalid([FieldError("managerID", .unknown)]) }
        return id
    }

    private func render(_ page: PageRequest, form: FormData, errors: FormErrors, notice: String?,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let people = try await Directory.load(env.app, acting)
        let managers = people.users.filter { $0.role != .rep && !$0.disabled }
        let none = env.text("form.none", language)
        let rows = people.teams.sorted { $0.name < $1.name }.map { team in
            AdminTeamsModel.Team(
                id: team.id.description, name: team.name, version: String(team.version),
                managerOptions: people.userChoices(managers, selected: team.managerID, blank: none),
                members: env.text("team.membersCount", language, [String(people.users.filter { $0.teamID == team.id }.count)]))
        }
        let fields: [FormField] = [
            FormField.input("name", env.text("team.field.name", language), value: form.text("name"), errors: errors, required: true),
            FormField.select("managerID", env.text("team.field.manager", language),
                             options: people.userChoices(managers, selected: form["managerID"].flatMap(UserID.init), blank: none),
                             errors: errors),
        ]
        let model = AdminTeamsModel(teams: rows, fields: fields, errors: errors, notice: notice)
        return try await env.render("admin_teams", page, title: "admin.teams.title", model: model, status: status)
    }
}
