import Foundation
import RapportApp
import RapportCore

/// The promise form: what, details, to which key person, owner (managers choose; reps keep the
/// default), due date, and when editing its state and evidence (done needs evidence).
enum CommitmentForm {
    static let shownFields: Set<String> = ["title", "details", "contactID", "ownerID", "dueOn", "state", "evidence"]

    /// A new promise, due in a week.
    static func blank(today: CalendarDate) -> FormData {
        FormData(pairs: [("dueOn", today.adding(days: 7).description)])
    }

    static func values(of c: Commitment) -> FormData {
        FormData(pairs: [("title", c.title), ("details", c.details), ("contactID", c.contactID?.description ?? ""),
                         ("ownerID", c.ownerID.description), ("dueOn", c.dueOn.description), ("state", c.state.rawValue),
                         ("evidence", c.evidence), ("version", String(c.version))])
    }

    /// Reads the form. `isNew`: no state or evidence yet. `choosesOwner`: the owner select was shown.
    static func draft(from form: FormData, isNew: Bool, choosesOwner: Bool) throws -> CommitmentDraft {
        var problems: [FieldError] = []
        var draft = CommitmentDraft(title: form.text("title"), details: form.text("details"))
        if let raw = form.nonEmpty("contactID") {
            if let id = ContactID(raw) { draft.contactID = .some(id) } else { problems.append(FieldError("contactID", .unknown)) }
        } else {
            draft.contactID = .some(nil)
        }
        if choosesOwner, let raw = form.nonEmpty("ownerID") {
            if let id = UserID(raw) { draft.ownerID = id } else { problems.append(FieldError("ownerID", .unknown)) }
        }
        if let raw = form.nonEmpty("dueOn") {
            if let date = CalendarDate(parsing: raw) { draft.dueOn = date } else { problems.append(FieldError("dueOn", .invalid)) }
        } else {
            problems.append(FieldError("dueOn", .required))
        }
        if !isNew {
            if let state = CommitmentState(rawValue: form.text("state")) { draft.state = state } else {
                problems.append(FieldError("state", .notAnOption))
            }
            draft.evidence = form.text("evidence")
        }
        if !problems.isEmpty { throw AppError.invalid(problems) }
        return draft
    }

    /// `owners`: the users a manager may choose from (nil for reps: no select). `current`: the stored
    /// state when editing (the select offers it and the states it may move to).
    static func fields(form: FormData, errors: FormErrors, contacts: [Contact], owners: [User]?, current: CommitmentState?,
                       env: PageEnvironment, language: Language) -> [FormField] {
        func label(_ name: String) -> String { env.text("commitment.field." + name, language) }
        let people = contacts.map { ($0.id.description, $0.title.isEmpty ? $0.name : "\($0.name) (\($0.title))") }
        var fields: [FormField] = [
            FormField.input("title", label("title"), value: form.text("title"), errors: errors, required: true),
            FormField.textarea("details", label("details"), value: form.text("details"), errors: errors),
            FormField.select("contactID", label("contact"), options: Choices.list(people, selected: form["contactID"],
                             blank: env.text("form.none", language)), errors: errors),
        ]
        if let owners {
            let pairs = owners.sorted { $0.displayName < $1.displayName }.map { ($0.id.description, $0.displayName) }
            fields.append(FormField.select("ownerID", label("owner"), options: Choices.list(pairs, selected: form["ownerID"],
                                           blank: env.text(current == nil ? "commitment.ownerDefault" : "form.ownerUnchanged", language)),
                                           errors: errors))
        }
        fields.append(FormField.input("dueOn", label("dueOn"), value: form.text("dueOn"), errors: errors, type: "date",
                                      required: true))
        if let current {
            let states = CommitmentState.allCases.filter { $0 == current || current.allowedNext.contains($0) }
                .map { ($0.rawValue, env.label("commitmentState", $0, language)) }
            fields.append(FormField.select("state", label("state"), options: Choices.list(states, selected: form["state"]),
                                           errors: errors, required: true))
            fields.append(FormField.textarea("evidence", label("evidence"), value: form.text("evidence"), errors: errors,
                                             rows: 3, hint: env.text("commitment.hint.evidence", language)))
        }
        return fields
    }
}
