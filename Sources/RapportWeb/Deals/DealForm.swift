import Foundation
import RapportApp
import RapportCore

/// The deal form: title, first stage (new deals only), amount in yuan, expected close date, next
/// step, key persons (checkboxes of the customer's contacts) and, for managers, the owner.
enum DealForm {
    static let shownFields: Set<String> = ["title", "stageID", "amount", "currency", "expectedCloseOn", "nextStep",
                                           "contactIDs", "ownerID"]

    static func values(of d: Deal) -> FormData {
        var form = FormData(pairs: [("title", d.title), ("amount", MinorUnits.plain(d.amount)), ("currency", d.currency),
                                    ("expectedCloseOn", d.expectedCloseOn?.description ?? ""), ("nextStep", d.nextStep),
                                    ("ownerID", d.ownerID.description), ("version", String(d.version))])
        for contact in d.contactIDs { form.append("contactIDs", contact.description) }
        return form
    }

    /// Reads the form. `isNew`: the first stage is chosen. `choosesOwner`: the owner select was shown.
    static func draft(from form: FormData, isNew: Bool, choosesOwner: Bool) throws -> DealDraft {
        var problems: [FieldError] = []
        var draft = DealDraft(title: form.text("title"), nextStep: form.text("nextStep"))
        if isNew {
            if let stage = form.nonEmpty("stageID").flatMap(DealStageID.init) { draft.stageID = stage } else {
                problems.append(FieldError("stageID", .required))
            }
        }
        if let raw = form.nonEmpty("amount") {
            if let amount = MinorUnits.parse(raw) { draft.amount = amount } else { problems.append(FieldError("amount", .invalid)) }
        } else {
            draft.amount = 0
        }
        if let currency = form.nonEmpty("currency") { draft.currency = currency.uppercased() }
        if let raw = form.nonEmpty("expectedCloseOn") {
            if let date = CalendarDate(parsing: raw) { draft.expectedCloseOn = .some(date) } else {
                problems.append(FieldError("expectedCloseOn", .invalid))
            }
        } else {
            draft.expectedCloseOn = .some(nil)
        }
        var contacts: [ContactID] = []
        for raw in form.all("contactIDs") where !raw.isEmpty {
            if let id = ContactID(raw) { contacts.append(id) } else { problems.append(FieldError("contactIDs", .unknown)) }
        }
        draft.contactIDs = contacts
        if choosesOwner, let raw = form.nonEmpty("ownerID") {
            if let id = UserID(raw) { draft.ownerID = id } else { problems.append(FieldError("ownerID", .unknown)) }
        }
        if !problems.isEmpty { throw AppError.invalid(problems) }
        return draft
    }

    static func fields(form: FormData, errors: FormErrors, isNew: Bool, view: DealView, contacts: [Contact],
                       owners: [User]?, env: PageEnvironment, language: Language) -> [FormField] {
        func label(_ name: String) -> String { env.text("deal.field." + name, language) }
        var fields: [FormField] = [
            FormField.input("title", label("title"), value: form.text("title"), errors: errors, required: true),
        ]
        if isNew {
            fields.append(FormField.select("stageID", label("stage"), options: view.stageOptions(selected: form["stageID"].flatMap(DealStageID.init)),
                                           errors: errors, required: true))
        }
        fields.append(FormField.input("amount", label("amount"), value: form.text("amount"), errors: errors,
                                      hint: env.text("deal.hint.amount", language)))
        fields.append(FormField.input("currency", label("currency"), value: form["currency"] ?? MinorUnits.defaultCurrency,
                                      errors: errors))
        fields.append(FormField.input("expectedCloseOn", label("expectedCloseOn"), value: form.text("expectedCloseOn"),
                                      errors: errors, type: "date"))
        fields.append(FormField.textarea("nextStep", label("nextStep"), value: form.text("nextStep"), errors: errors, rows: 2))
        if !contacts.isEmpty {
            let chosen = Set(form.all("contactIDs"))
            let options: [Choice] = contacts.map { c in
                Choice(value: c.id.description, label: c.title.isEmpty ? c.name : "\(c.name) (\(c.title))",
                       selected: chosen.contains(c.id.description))
            }
            fields.append(FormField.checkboxes("contactIDs", label("contacts"), options: options, errors: errors))
        }
        if let owners {
            let pairs = owners.sorted { $0.displayName < $1.displayName }.map { ($0.id.description, $0.displayName) }
            fields.append(FormField.select("ownerID", label("owner"), options: Choices.list(pairs, selected: form["ownerID"],
                                           blank: env.text(isNew ? "deal.ownerDefault" : "form.ownerUnchanged", language)),
                                           errors: errors))
        }
        return fields
    }
}
