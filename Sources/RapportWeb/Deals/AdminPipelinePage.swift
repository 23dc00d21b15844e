import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /admin/pipeline` (admins): the pipeline's stages with their names, place and win
/// probability, each editable in place; `POST /admin/pipeline` adds one, `POST /admin/pipeline/{id}`
/// saves one, `POST /admin/pipeline/{id}/delete` removes one that no open deal uses.
struct AdminPipelinePage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("admin/pipeline", use: env.page(.signedIn, show))
        router.post("admin/pipeline", use: env.page(.signedIn, create))
        router.post("admin/pipeline/:id", use: env.page(.signedIn, update))
        router.post("admin/pipeline/:id/delete", use: env.page(.signedIn, delete))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        try page.acting.requireAdmin()
        return try await render(page, problem: nil, errors: FormErrors(), newForm: FormData(), status: .ok)
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        do {
            _ = try await env.app.dealStages.create(acting, try Self.draft(page.form))
            return PageEnvironment.redirect("/admin/pipeline")
        } catch AppError.invalid(let problems) {
            return try await render(page, problem: nil, errors: FormErrors(problems, env: env, language: page.language),
                                    newForm: page.form, status: .unprocessableContent)
        }
    }

    @Sendable func update(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        do {
            _ = try await env.app.dealStages.update(acting, try page.id(), try Self.draft(page.form), version: try page.formVersion())
            return PageEnvironment.redirect("/admin/pipeline")
        } catch AppError.invalid(let problems) {
            let text = problems.map { env.localizer.message(for: $0, page.language) }.joined(separator: " ")
            return try await render(page, problem: text, errors: FormErrors(), newForm: FormData(), status: .unprocessableContent)
        } catch AppError.conflict {
            return try await render(page, problem: env.text("problem.conflict", page.language), errors: FormErrors(),
                                    newForm: FormData(), status: .conflict)
        }
    }

    @Sendable func delete(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        do {
            _ = try await env.app.dealStages.delete(acting, try page.id())
            return PageEnvironment.redirect("/admin/pipeline")
        } catch AppError.invalid(let problems) {
            let text = problems.map { env.localizer.message(for: $0, page.language) }.joined(separator: " ")
            return try await render(page, problem: text, errors: FormErrors(), newForm: FormData(), status: .conflict)
        }
    }

    static func draft(_ form: FormData) throws -> DealStageDraft {
        var problems: [FieldError] = []
        var draft = DealStageDraft(nameZh: form.text("nameZh"), nameEn: form.text("nameEn"))
        if let raw = form.nonEmpty("probability") {
            if let value = Int(raw) { draft.probability = value } else { problems.append(FieldError("probability", .invalid)) }
        }
        if let raw = form.nonEmpty("position") {
            if let value = Int(raw) { draft.position = value } else { problems.append(FieldError("position", .invalid)) }
        }
        if !problems.isEmpty { throw AppError.invalid(problems) }
        return draft
    }

    private func render(_ page: PageRequest, problem: String?, errors: FormErrors, newForm: FormData,
                        status: HTTPResponse.Status) async throws -> Response {
        let acting = page.acting
        try acting.requireAdmin()
        let stages = try await env.app.dealStages.list(acting)
        func label(_ name: String) -> String { env.text("deal.stage.field." + name, page.language) }
        let model = AdminPipelineModel(
            stages: stages.map { s in
                AdminPipelineModel.Stage(id: s.id.description, nameZh: s.nameZh, nameEn: s.nameEn, position: String(s.position),
                                         probability: String(s.probability), version: String(s.version))
            },
            problem: problem, errors: errors,
            newFields: [
                FormField.input("nameZh", label("nameZh"), value: newForm.text("nameZh"), errors: errors, required: true),
                FormField.input("nameEn", label("nameEn"), value: newForm.text("nameEn"), errors: errors, required: true),
                FormField.input("probability", label("probability"), value: newForm.text("probability"), errors: errors,
                                type: "number", required: true),
                FormField.input("position", label("position"), value: newForm.text("position"), errors: errors, type: "number",
                                hint: env.text("deal.stage.hint.position", page.language)),
            ])
        return try await env.render("admin_pipeline", page, title: "deal.stage.title", model: model, status: status)
    }
}
