import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /admin/fields/{id}/edit`: change a custom field's two labels and, for choice fields, its
/// options (one per line). The form posts to `/admin/fields/{id}` with `action=update`, which
/// `AdminFieldPages.change` hands to `update`. Key, kind and object stay fixed.
struct AdminFieldEditPage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("admin/fields/:id/edit", use: env.page(.admin, edit))
    }

    @Sendable func edit(_ page: PageRequest) async throws -> Response {
        let field = try await find(page, try page.id())
        return try await render(page, field, form: Self.values(of: field), outcome: EditOutcome())
    }

    /// Saves the labels and options read at `version`; a stale version shows the latest values with the conflict notice.
    func update(_ page: PageRequest, id: CustomFieldID, version: Int) async throws -> Response {
        let acting = page.acting
        let field = try await find(page, id)
        let form = page.form
        let options = Self.hasOptions(field) ? Self.options(form.text("options")) : nil
        do {
            _ = try await env.app.customFields.update(acting, id, labelZh: form.text("labelZh"), labelEn: form.text("labelEn"),
                                                    options: options, deleted: nil, version: version)
            return PageEnvironment.redirect("/admin/fields")
        } catch AppError.invalid(let problems) {
            return try await render(page, field, form: form, outcome: .invalid(problems, env: env, language: page.language))
        } catch AppError.conflict {
            let current = try await find(page, id)
            return try await render(page, current, form: Self.values(of: current), outcome: .stale)
        }
    }

    /// The field, deleted or not (admins see both).
    private func find(_ page: PageRequest, _ id: CustomFieldID) async throws -> CustomFieldDefinition {
        let acting = page.acting
        guard let field = try await env.app.customFields.list(acting, includeDeleted: true).first(where: { $0.id == id }) else {
            throw AppError.notFound(entity: .customField)
        }
        return field
    }

    private static func hasOptions(_ field: CustomFieldDefinition) -> Bool {
        field.kind == .singleChoice || field.kind == .multiChoice
    }

    /// One option per line, trimmed, blank lines dropped.
    static func options(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func values(of field: CustomFieldDefinition) -> FormData {
        FormData(pairs: [("labelZh", field.labelZh), ("labelEn", field.labelEn),
                         ("options", field.options.joined(separator: "\n")), ("version", String(field.version))])
    }

    private func render(_ page: PageRequest, _ field: CustomFieldDefinition, form: FormData, outcome: EditOutcome) async throws -> Response {
        let language = page.language
        let errors = outcome.errors
        var fields: [FormField] = [
            FormField.input("labelZh", env.text("customField.field.labelZh", language), value: form.text("labelZh"),
                            errors: errors, required: true),
            FormField.input("labelEn", env.text("customField.field.labelEn", language), value: form.text("labelEn"),
                            errors: errors, required: true),
        ]
        if Self.hasOptions(field) {
            fields.append(FormField.textarea("options", env.text("customField.field.options", language), value: form.text("options"),
                                             errors: errors, rows: 6, hint: env.text("customField.hint.editOptions", language)))
        }
        let model = CustomFieldEditModel(
            outcome: outcome.summary(shown: ["labelZh", "labelEn", "options"]),
            field: CustomFieldEditModel.Field(id: field.id.description, key: field.key, version: form.text("version"),
                                              object: env.label("customField.object", field.object, language),
                                              kind: env.label("customField.kind", field.kind, language)),
            fields: fields)
        return try await env.render("admin_field", page, title: "customField.editTitle", model: model, status: outcome.status)
    }
}
