import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `/account/password`: change one's own password. Users with a one-time password land here
/// before anything else and leave once it is changed.
struct PasswordPage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("account/password", use: env.page(.duringPasswordChange, show))
        router.post("account/password", use: env.page(.duringPasswordChange, change))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        try await render(page, errors: FormErrors(), status: .ok)
    }

    @Sendable func change(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let form = page.form
        if form.text("password") != form.text("confirm") {
            var errors = FormErrors()
            errors.add("confirm", env.text("error.mismatch", page.language))
            return try await render(page, errors: errors, status: .unprocessableContent)
        }
        do {
            try await env.app.accounts.setPassword(acting, acting.id, current: form.text("currentPassword"), new: form.text("password"))
            return PageEnvironment.redirect("/customers")
        } catch AppError.invalid(let problems) {
            return try await render(page, errors: FormErrors(problems, env: env, language: page.language), status: .unprocessableContent)
        }
    }

    private func render(_ page: PageRequest, errors: FormErrors, status: HTTPResponse.Status) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let fields: [FormField] = [
            FormField.input("currentPassword", env.text("password.field.current", language), value: "", errors: errors,
                            type: "password", required: true),
            FormField.input("password", env.text("password.field.new", language), value: "", errors: errors,
                            type: "password", required: true,
                            hint: env.text("password.hint", language, [String(AccountRules.minimumPasswordLength)])),
            FormField.input("confirm", env.text("password.field.confirm", language), value: "", errors: errors,
                            type: "password", required: true),
        ]
        let model = PasswordModel(fields: fields, mustChange: acting.user.mustChangePassword, errors: errors)
        return try await env.render("password", page, title: "password.title", model: model, status: status)
    }
}
