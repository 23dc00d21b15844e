import Foundation
import RapportApp
import RapportCore

/// The activity form (adding on a customer's page, editing on its own page): channel, contact,
/// purpose, outcome, time (typed in the user's zone) and any activity custom fields.
enum ActivityForm {
    static let shownFields: Set<String> = ["channel", "contactID", "purpose", "outcome", "occurredAt"]

    /// Fresh values: a phone call (the most common channel), happening now.
    static func blank(clock: UserClock, now: Date) -> FormData {
        FormData(pairs: [("channel", Channel.phone.rawValue), ("occurredAt", clock.inputValue(now))])
    }

    /// A stored activity's values, its time shown in the user's zone.
    static func values(of activity: Activity, clock: UserClock) -> FormData {
        var form = FormData(pairs: [("channel", activity.channel.rawValue), ("contactID", activity.contactID?.description ?? ""),
                                    ("purpose", activity.purpose), ("outcome", activity.outcome),
                                    ("occurredAt", clock.inputValue(activity.occurredAt)), ("version", String(activity.version))])
        CustomFieldInputs.fill(activity.custom, into: &form)
        return form
    }

    /// Reads the form. When `editing`, an empty contact removes the link (when adding, it just means none)
    /// and an empty time keeps the stored one (when adding, it means now).
    static func draft(from form: FormData, clock: UserClock, definitions: [CustomFieldDefinition],
                      editing: Bool = false) throws -> ActivityDraft {
        var problems: [FieldError] = []
        var draft = ActivityDraft()
        if let channel = Channel(rawValue: form.text("channel")) { draft.channel = channel } else {
            problems.append(FieldError("channel", .notAnOption))
        }
        if let contact = form.nonEmpty("contactID") {
            if let id = ContactID(contact) { draft.contactID = .some(id) } else { problems.append(FieldError("contactID", .unknown)) }
        } else if editing {
            draft.contactID = .some(nil)
        }
        draft.purpose = form.text("purpose")
        draft.outcome = form.text("outcome")
        if let typed = form.nonEmpty("occurredAt") {
            if let date = clock.parseInput(typed) { draft.occurredAt = date } else { problems.append(FieldError("occurredAt", .invalid)) }
        }
        if !definitions.isEmpty { draft.custom = CustomFieldInputs.values(definitions, form: form) }
        if !problems.isEmpty { throw AppError.invalid(problems) }
        return draft
    }

    static func fields(form: FormData, errors: FormErrors, contacts: [Contact], definitions: [CustomFieldDefinition],
                       env: PageEnvironment, language: Language) -> [FormField] {
        func label(_ name: String) -> String { env.text("activity.field." + name, language) }
        let people = contacts.map { ($0.id.description, $0.name) }
        var fields: [FormField] = [
            FormField.select("channel", label("channel"), options: Choices.of(Channel.self, prefix: "channel",
                             selected: form["channel"], env: env, language: language), errors: errors, required: true),
            FormField.select("contactID", label("contact"), options: Choices.list(people, selected: form["contactID"],
                             blank: env.text("form.none", language)), errors: errors),
            FormField.input("occurredAt", label("occurredAt"), value: form.text("occurredAt"), errors: errors,
                            type: "datetime-local"),
            FormField.input("purpose", label("purpose"), value: form.text("purpose"), errors: errors, required: true),
            FormField.textarea("outcome", label("outcome"), value: form.text("outcome"), errors: errors),
        ]
        fields += CustomFieldInputs.inputs(definitions, form: form, errors: errors, env: env, language: language)
        return fields
    }
}
