import Foundation
import RapportApp
import RapportCore

/// The customer form: a record's values as form fields, form fields as a `CustomerDraft`, and
/// the groups of controls the template shows. Field names match `FieldError.field`.
enum CustomerForm {
    static let basicTexts = ["industry", "region", "source"]
    static let contactTexts: [(name: String, type: String)] = [
        ("phone", "tel"), ("email", "email"), ("website", "url"), ("registrationNumber", "text"),
    ]
    /// Characters that separate tags typed in one field.
    static let tagSeparators: Set<Character> = [",", "，", "、", ";", "；"]

    /// A new customer's starting values.
    static func blank() -> FormData {
        FormData(pairs: [("kind", CustomerKind.enterprise.rawValue), ("status", CustomerStatus.potential.rawValue)])
    }

    /// A stored customer as form fields.
    static func values(of c: Customer) -> FormData {
        var form = FormData(pairs: [
            ("name", c.name), ("kind", c.kind.rawValue), ("size", c.size?.rawValue ?? ""), ("status", c.status.rawValue),
            ("ownerID", c.ownerID?.description ?? ""), ("industry", c.industry), ("region", c.region),
            ("source", c.source), ("tags", c.tags.joined(separator: ", ")), ("phone", c.phone), ("email", c.email),
            ("website", c.website), ("registrationNumber", c.registrationNumber), ("address", c.address),
            ("version", String(c.version)),
        ])
        for key in CustomerProfile.sectionKeys { form.set("profile." + key, c.profile[section: key]) }
        CustomFieldInputs.fill(c.custom, into: &form)
        return form
    }

    /// The draft a form asks for; every shown field is sent, so an emptied field is cleared.
    /// Throws `invalid` for select values that are not ours.
    static func draft(from form: FormData, definitions: [CustomFieldDefinition], canAssign: Bool) throws -> CustomerDraft {
        var problems: [FieldError] = []
        var draft = CustomerDraft()
        draft.name = form.text("name")
        if let kind = CustomerKind(rawValue: form.text("kind")) { draft.kind = kind } else { problems.append(FieldError("kind", .notAnOption)) }
        if let status = CustomerStatus(rawValue: form.text("status")) {
            draft.status = status
        } else {
            problems.append(FieldError("status", .notAnOption))
        }
        let size = form.text("size")
        if size.isEmpty {
            draft.size = .some(nil)
        } else if let parsed = EnterpriseSize(rawValue: size) {
            draft.size = .some(parsed)
        } else {
            problems.append(FieldError("size", .notAnOption))
        }
        if canAssign, let owner = form.nonEmpty("ownerID") {
            if let id = UserID(owner) { draft.ownerID = id } else { problems.append(FieldError("ownerID", .unknown)) }
        }
        draft.industry = form.text("industry")
        draft.region = form.text("region")
        draft.source = form.text("source")
        draft.tags = form.text("tags").split(whereSeparator: { tagSeparators.contains($0) }).map(String.init)
        draft.phone = form.text("phone")
        draft.email = form.text("email")
        draft.website = form.text("website")
        draft.registrationNumber = form.text("registrationNumber")
        draft.address = form.text("address")
        var profile: [String: String] = [:]
        for key in CustomerProfile.sectionKeys { profile[key] = form.text("profile." + key) }
        draft.profile = profile
        draft.custom = CustomFieldInputs.values(definitions, form: form)
        if !problems.isEmpty { throw AppError.invalid(problems) }
        return draft
    }

    /// The fields shown by the form (the rest of a failure's messages go to the summary).
    static let shownFields: Set<String> = ["name", "kind", "size", "status", "ownerID", "industry", "region", "source",
                                           "tags", "phone", "email", "website", "registrationNumber", "address"]

    /// The control groups: basics, contact data, the file's seven sections, custom fields.
    static func groups(form: FormData, errors: FormErrors, definitions: [CustomFieldDefinition], owners: [User]?,
                       isNew: Bool, env: PageEnvironment, language: Language) -> [FieldGroup] {
        func label(_ name: String) -> String { env.text("customer.field." + name, language) }
        var basics: [FormField] = [
            FormField.input("name", label("name"), value: form.text("name"), errors: errors, required: true),
            FormField.select("kind", label("kind"), options: Choices.of(CustomerKind.self, prefix: "kind",
                             selected: form["kind"], env: env, language: language), errors: errors, required: true),
            FormField.select("size", label("size"), options: Choices.of(EnterpriseSize.self, prefix: "size",
                             selected: form["size"], blank: "form.none", env: env, language: language), errors: errors),
            FormField.select("status", label("status"), options: Choices.of(CustomerStatus.self, prefix: "status",
                             selected: form["status"], env: env, language: language), errors: errors,
                             hint: env.text("customer.statusRule", language)),
        ]
        if let owners {
            let pairs = owners.sorted { $0.displayName < $1.displayName }.map { ($0.id.description, $0.displayName) }
            basics.append(FormField.select("ownerID", label("owner"),
                                           options: Choices.list(pairs, selected: form["ownerID"],
                                                                 blank: env.text(isNew ? "form.ownerMe" : "form.ownerUnchanged", language)),
                                           errors: errors))
        }
        for name in basicTexts { basics.append(FormField.input(name, label(name), value: form.text(name), errors: errors)) }
        basics.append(FormField.input("tags", label("tags"), value: form.text("tags"), errors: errors,
                                      hint: env.text("customer.tagsHint", language)))
        var contact = contactTexts.map { FormField.input($0.name, label($0.name), value: form.text($0.name), errors: errors, type: $0.type) }
        contact.append(FormField.textarea("address", label("address"), value: form.text("address"), errors: errors, rows: 2))
        let sections = CustomerProfile.sectionKeys.map {
            FormField.textarea("profile." + $0, env.text("profile." + $0, language), value: form.text("profile." + $0),
                               errors: errors, rows: 4, hint: env.text("profileHint." + $0, language))
        }
        var groups: [FieldGroup] = [
            FieldGroup(title: env.text("customer.group.basics", language), fields: basics),
            FieldGroup(title: env.text("customer.group.contact", language), fields: contact),
            FieldGroup(title: env.text("customer.group.file", language), fields: sections),
        ]
        if !definitions.isEmpty {
            groups.append(FieldGroup(title: env.text("customer.group.custom", language),
                           fields: CustomFieldInputs.inputs(definitions, form: form, errors: errors, env: env, language: language)))
        }
        return groups
    }
}
