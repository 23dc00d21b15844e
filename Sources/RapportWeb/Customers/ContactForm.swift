import Foundation
import RapportApp
import RapportCore

/// The key-person form: a contact as form fields, form fields as a `ContactDraft`, and the
/// groups of controls. Field names match `FieldError.field`.
enum ContactForm {
    static let personTexts = ["name", "title", "department"]
    static let reachTexts: [(name: String, type: String)] = [
        ("phone", "tel"), ("fax", "tel"), ("email", "email"), ("wechat", "text"), ("qq", "text"),
    ]
    static let insightTexts = ["interests", "supplierExpectations", "painPoints"]
    static let relationTexts = ["relationshipWithUs", "relationshipWithCompetitors"]
    static let shownFields: Set<String> = Set(personTexts + reachTexts.map(\.name) + insightTexts + relationTexts
        + ["influence", "involvement", "isCoach", "reportsToID", "relationshipOwnerID"])

    static func values(of k: Contact) -> FormData {
        var form = FormData(pairs: [
            ("name", k.name), ("title", k.title), ("department", k.department), ("phone", k.phone), ("fax", k.fax),
            ("email", k.email), ("wechat", k.wechat), ("qq", k.qq), ("interests", k.interests),
            ("supplierExpectations", k.supplierExpectations), ("painPoints", k.painPoints),
            ("influence", k.influence?.rawValue ?? ""), ("involvement", k.involvement.map(String.init) ?? ""),
            ("relationshipWithUs", k.relationshipWithUs), ("relationshipWithCompetitors", k.relationshipWithCompetitors),
            ("relationshipOwnerID", k.relationshipOwnerID?.description ?? ""),
            ("reportsToID", k.reportsToID?.description ?? ""), ("version", String(k.version)),
        ])
        if k.isCoach { form.set("isCoach", "1") }
        CustomFieldInputs.fill(k.custom, into: &form)
        return form
    }

    static func draft(from form: FormData, definitions: [CustomFieldDefinition]) throws -> ContactDraft {
        var problems: [FieldError] = []
        var d = ContactDraft()
        d.name = form.text("name"); d.title = form.text("title"); d.department = form.text("department")
        d.phone = form.text("phone"); d.fax = form.text("fax"); d.email = form.text("email")
        d.wechat = form.text("wechat"); d.qq = form.text("qq"); d.interests = form.text("interests")
        d.supplierExpectations = form.text("supplierExpectations"); d.painPoints = form.text("painPoints")
        d.relationshipWithUs = form.text("relationshipWithUs")
        d.relationshipWithCompetitors = form.text("relationshipWithCompetitors")
        d.isCoach = form.isChecked("isCoach")
        switch form.nonEmpty("influence") {
        case nil: d.influence = .some(nil)
        case let raw?:
            if let level = Influence(rawValue: raw) { d.influence = .some(level) } else { problems.append(FieldError("influence", .notAnOption)) }
        }
        switch form.nonEmpty("involvement") {
        case nil: d.involvement = .some(nil)
        case let raw?:
            if let level = Int(raw), (1...5).contains(level) { d.involvement = .some(level) } else {
                problems.append(FieldError("involvement", .outOfRange, detail: "1-5"))
            }
        }
        switch form.nonEmpty("relationshipOwnerID") {
        case nil: d.relationshipOwnerID = .some(nil)
        case let raw?:
            if let id = UserID(raw) { d.relationshipOwnerID = .some(id) } else { problems.append(FieldError("relationshipOwnerID", .unknown)) }
        }
        switch form.nonEmpty("reportsToID") {
        case nil: d.reportsToID = .some(nil)
        case let raw?:
            if let id = ContactID(raw) { d.reportsToID = .some(id) } else { problems.append(FieldError("reportsToID", .unknown)) }
        }
        d.custom = CustomFieldInputs.values(definitions, form: form)
        if !problems.isEmpty { throw AppError.invalid(problems) }
        return d
    }

    /// `colleagues`: the customer's other live contacts (possible bosses); `users`: possible relationship owners.
    static func groups(form: FormData, errors: FormErrors, colleagues: [Contact], users: [User],
                       definitions: [CustomFieldDefinition], env: PageEnvironment, language: Language) -> [FieldGroup] {
        func label(_ name: String) -> String { env.text("contact.field." + name, language) }
        func input(_ name: String, _ type: String = "text") -> FormField {
            FormField.input(name, label(name), value: form.text(name), errors: errors, type: type, required: name == "name")
        }
        func area(_ name: String) -> FormField {
            FormField.textarea(name, label(name), value: form.text(name), errors: errors, rows: 3,
                               hint: env.text("contact.hint." + name, language))
        }
        let none = env.text("form.none", language)
        let levels = (1...5).map { (String($0), env.text("involvement.\($0)", language)) }
        let bosses = colleagues.map { ($0.id.description, $0.title.isEmpty ? $0.name : "\($0.name) (\($0.title))") }
        let owners = users.filter { !$0.disabled }.sorted { $0.displayName < $1.displayName }.map { ($0.id.description, $0.displayName) }
        let relation: [FormField] = [
            FormField.select("influence", label("influence"), options: Choices.of(Influence.self, prefix: "influence",
                             selected: form["influence"], blank: "form.none", env: env, language: language), errors: errors),
            FormField.select("involvement", label("involvement"), options: Choices.list(levels, selected: form["involvement"], blank: none),
                             errors: errors),
            FormField.checkbox("isCoach", label("isCoach"), checked: form.isChecked("isCoach"), errors: errors,
                               hint: env.text("contact.hint.isCoach", language)),
            FormField.select("reportsToID", label("reportsTo"), options: Choices.list(bosses, selected: form["reportsToID"], blank: none),
                             errors: errors),
            FormField.select("relationshipOwnerID", label("relationshipOwner"),
                             options: Choices.list(owners, selected: form["relationshipOwnerID"], blank: none), errors: errors),
        ] + relationTexts.map(area)
        var groups: [FieldGroup] = [
            FieldGroup(title: env.text("contact.group.person", language), fields: personTexts.map { input($0) }),
            FieldGroup(title: env.text("contact.group.reach", language), fields: reachTexts.map { input($0.name, $0.type) }),
            FieldGroup(title: env.text("contact.group.relationship", language), fields: relation),
            FieldGroup(title: env.text("contact.group.insight", language), fields: insightTexts.map(area)),
        ]
        if !definitions.isEmpty {
            groups.append(FieldGroup(title: env.text("contact.group.custom", language),
                           fields: CustomFieldInputs.inputs(definitions, form: form, errors: errors, env: env, language: language)))
        }
        return groups
    }
}
