import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore
import RapportStore

/// `/account`: the user's own name, language and time zone, and personal API tokens.
struct AccountPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("account", use: env.page(.signedIn, show))
        router.post("account", use: env.page(.signedIn, update))
        router.post("account/tokens", use: env.page(.signedIn, createToken))
        router.post("account/tokens/:id/revoke", use: env.page(.signedIn, revokeToken))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let notice = page.query["saved"] == "1" ? env.text("account.saved", page.language) : nil
        return try await render(page, form: Self.values(of: acting.user), errors: FormErrors(), notice: notice)
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let form = page.form
        do {
            var language: Language?
            if let raw = form.nonEmpty("language") {
                guard let chosen = Language(rawValue: raw) else { throw AppError.invalid([FieldError("language", .notAnOption)]) }
                language = chosen
            }
            let changes = UserChanges(displayName: form.text("displayName"), language: .some(language),
                                      timeZone: form.text("timeZone").trimmingCharacters(in: .whitespaces))
            let user = try await env.app.accounts.update(acting, acting.id, changes, version: try page.formVersion())
            var response = PageEnvironment.redirect("/account?saved=1")
            if let chosen = user.language {
                response.setCookie(env.cookie(AuthMiddleware.languageCookie, chosen.rawValue, maxAge: 365 * 24 * 3600))
            }
            return response
        } catch AppError.invalid(let problems) {
            return try await render(page, form: form, errors: FormErrors(problems, env: env, language: page.language),
                                    notice: nil, status: .unprocessableContent)
        } catch AppError.conflict {
            return try await render(page, form: Self.values(of: acting.user), errors: FormErrors(),
                                    notice: env.text("problem.conflict", page.language), status: .conflict)
        }
    }

    @Sendable func createToken(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        do {
            let token = try await env.app.auth.createToken(acting, name: page.form.text("tokenName").trimmingCharacters(in: .whitespaces))
            // The secret is shown once, in this response; only its hash is kept.
            return try await render(page, form: Self.values(of: acting.user), errors: FormErrors(), notice: nil,
                                    newToken: AccountModel.NewToken(name: token.name, secret: token.token), status: .created)
        } catch AppError.invalid(let problems) {
            let renamed = problems.map { $0.field == "name" ? FieldError("tokenName", $0.code, detail: $0.detail) : $0 }
            return try await render(page, form: Self.values(of: acting.user),
                                    errors: FormErrors(renamed, env: env, language: page.language), notice: nil,
                                    status: .unprocessableContent)
        }
    }

    @Sendable func revokeToken(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        guard let id = page.context.parameters.get("id"), UUID(uuidString: id) != nil else { throw AppError.notFound(entity: .token) }
        try await env.app.auth.revokeToken(acting, id: id)
        return PageEnvironment.redirect("/account")
    }

    private static func values(of user: User) -> FormData {
        FormData(pairs: [("displayName", user.displayName), ("language", user.language?.rawValue ?? ""),
                         ("timeZone", user.timeZone), ("version", String(user.version))])
    }

    private func render(_ page: PageRequest, form: FormData, errors: FormErrors, notice: String?,
                        newToken: AccountModel.NewToken? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let clock = page.clock
        let tokens = try await env.app.auth.tokens(acting)
        let languages = Language.allCases.map { ($0.rawValue, env.text("language.\($0 == .zhHans ? "zhHans" : "en")", language)) }
        let fields: [FormField] = [
            FormField.input("displayName", env.text("user.field.displayName", language), value: form.text("displayName"),
                            errors: errors, required: true),
            FormField.select("language", env.text("user.field.language", language),
                             options: Choices.list(languages, selected: form["language"],
                                                   blank: env.text("account.languageAuto", language)), errors: errors),
            FormField.input("timeZone", env.text("user.field.timeZone", language), value: form.text("timeZone"),
                            errors: errors, hint: env.text("user.hint.timeZone", language), list: "time-zones"),
        ]
        let model = AccountModel(
            account: AccountModel.Account(username: acting.user.username, role: env.label("role", acting.user.role, language)),
            version: form.text("version"),
            fields: fields,
            zones: TimeZone.knownTimeZoneIdentifiers.sorted(),
            tokens: tokens.sorted { $0.createdAt > $1.createdAt }.map { token in
                AccountModel.Token(id: token.id.description, name: token.name, created: clock.display(token.createdAt),
                                   lastUsed: token.lastUsedAt.map(clock.display) ?? "", revoked: token.revokedAt != nil)
            },
            tokenField: FormField.input("tokenName", env.text("token.field.name", language), value: "", errors: errors),
            errors: errors, notice: notice, newToken: newToken)
        return try await env.render("account", page, title: "account.title", model: model, status: status)
    }
}
