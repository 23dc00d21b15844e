import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `/admin/fields`: custom fields for customers, contacts and activities; create, edit (its own page),
/// delete (with undo), restore.
struct AdminFieldPages: Sendable {
    let env: PageEnvironment
    var editor: AdminFieldEditPage { AdminFieldEditPage(env: env) }

    func register(on router: RouterGroup<SessionContext>) {
        router.get("admin/fields", use: env.page(.admin, list))
        router.post("admin/fields", use: env.page(.admin, create))
        router.post("admin/fields/:id", use: env.page(.admin, change))
        editor.register(on: router)
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        let start = FormData(pairs: [("object", CustomObject.customer.rawValue), ("kind", CustomFieldKind.text.rawValue)])
        return try await render(page, form: start, errors: FormErrors())
    }

    @Sendable func create(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let form = page.form
        do {
            var problems: [FieldError] = []
            let object = CustomObject(rawValue: form.text("object"))
            let kind = CustomFieldKind(rawValue: form.text("kind"))
            if object == nil { problems.append(FieldError("object", .notAnOption)) }
            if kind == nil { problems.append(FieldError("kind", .notAnOption)) }
            guard let object, let kind, problems.isEmpty else { throw AppError.invalid(problems) }
            let options = form.text("options").split(whereSeparator: \.isNewline).map(String.init)
            _ = try await env.app.customFields.create(acting, NewCustomField(
                object: object, key: form.text("key").trimmingCharacters(in: .whitespaces),
                labelZh: form.text("labelZh"), labelEn: form.text("labelEn"), kind: kind, options: options))
            return PageEnvironment.redirect("/admin/fields")
        } catch AppError.invalid(let problems) {
            return try await render(page, form: form, errors: FormErrors(problems, env: env, language: page.language),
                                    status: .unprocessableContent)
        }
    }

    /// `action=update` (from the edit page), `action=delete` or `action=restore`, with the version read.
    @Sendable func change(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let id: CustomFieldID = try page.id()
        let version = try page.formVersion()
        switch page.form["action"] {
        case "update":
            return try await editor.update(page, id: id, version: version)
        case "delete":
            let field = try await env.app.customFields.update(acting, id, labelZh: nil, labelEn: nil, options: nil,
                                                            deleted: true, version: version)
            let query = FormData(pairs: [("undo", id.description), ("v", String(field.version)), ("key", field.key)])
            return PageEnvironment.redirect(query.url("/admin/fields"))
        case "restore":
            _ = try await env.app.customFields.update(acting, id, labelZh: nil, labelEn: nil, options: nil,
                                                    deleted: false, version: version)
            return PageEnvironment.redirect("/admin/fields")
        default:
            throw PageError.badRequest
        }
    }

    private func render(_ page: PageRequest, form: FormData, errors: FormErrors,
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let definitions = try await env.app.customFields.list(acting, includeDeleted: true)
        let groups = CustomObject.allCases.map { object in
            CustomFieldListModel.Group(
                title: env.label("customField.object", object, language),
                rows: definitions.filter { $0.object == object }.map { field in
                    CustomFieldListModel.Row(
                        id: field.id.description, key: field.key, labelZh: field.labelZh, labelEn: field.labelEn,
                        kind: env.label("customField.kind", field.kind, language),
                        options: field.options.joined(separator: ", "), version: String(field.version),
                        deleted: field.deletedAt != nil)
                })
        }
        let fields: [FormField] = [
            FormField.select("object", env.text("customField.field.object", language),
                             options: Choices.of(CustomObject.self, prefix: "customField.object", selected: form["object"],
                                                 env: env, language: language), errors: errors),
            FormField.input("key", env.text("customField.field.key", language), value: form.text("key"), errors: errors,
                            required: true, hint: env.text("customField.hint.key", language)),
            FormField.input("labelZh", env.text("customField.field.labelZh", language), value: form.text("labelZh"),
                            errors: errors, required: true),
            FormField.input("labelEn", env.text("customField.field.labelEn", language), value: form.text("labelEn"),
                            errors: errors, required: true),
            FormField.select("kind", env.text("customField.field.kind", language),
                             options: Choices.of(CustomFieldKind.self, prefix: "customField.kind", selected: form["kind"],
                                                 env: env, language: language), errors: errors),
            FormField.textarea("options", env.text("customField.field.options", language), value: form.text("options"),
                               errors: errors, rows: 4, hint: env.text("customField.hint.options", language)),
        ]
        var undo: CustomFieldListModel.Undo?
        if let id = page.query["undo"].flatMap(CustomFieldID.init), let version = page.query["v"].flatMap(Int.init) {
            undo = CustomFieldListModel.Undo(id: id.description, version: String(version),
                                             text: env.text("customField.deleted", language, [page.query.text("key")]))
        }
        let model = CustomFieldListModel(
            groups: groups, fields: fields, errors: errors,
            otherErrors: errors.others(shown: ["object", "key", "labelZh", "labelEn", "kind", "options"]), undo: undo)
        return try await env.render("admin_fields", page, title: "admin.fields.title", model: model, status: status)
    }
}
