import Foundation
import RapportApp
import RapportCore

/// The care-date form (adding on a customer's page, editing on its own page): what it marks, the
/// calendar (solar or lunar), month, day, leap month, the original year, the reminder lead time,
/// a title and the key person it belongs to.
enum CareDateForm {
    static let shownFields: Set<String> = ["kind", "calendar", "month", "day", "leapMonth", "year", "leadDays", "title",
                                           "contactID"]

    static func blank() -> FormData {
        FormData(pairs: [("kind", CareDateKind.birthday.rawValue), ("calendar", CareCalendar.solar.rawValue)])
    }

    static func values(of d: CustomerCareDate) -> FormData {
        var form = FormData(pairs: [
            ("kind", d.date.kind.rawValue), ("calendar", d.date.calendar.rawValue), ("month", String(d.date.month)),
            ("day", String(d.date.day)), ("year", d.date.year.map(String.init) ?? ""), ("leadDays", String(d.date.leadDays)),
            ("title", d.date.title), ("contactID", d.contactID?.description ?? ""), ("version", String(d.version)),
        ])
        if d.date.leapMonth { form.set("leapMonth", "1") }
        return form
    }

    /// The date and key person a posted form asks for; values it cannot read are field errors.
    static func draft(from form: FormData) throws -> (CareDate, ContactID?) {
        var problems: [FieldError] = []
        func number(_ name: String, required: Bool) -> Int? {
            guard let text = form.nonEmpty(name) else {
                if required { problems.append(FieldError(name, .required)) }
                return nil
            }
            guard let value = Int(text) else { problems.append(FieldError(name, .invalid)); return nil }
            return value
        }
        let kind = CareDateKind(rawValue: form.text("kind"))
        if kind == nil { problems.append(FieldError("kind", .notAnOption)) }
        let calendar = CareCalendar(rawValue: form.text("calendar"))
        if calendar == nil { problems.append(FieldError("calendar", .notAnOption)) }
        let month = number("month", required: true)
        let day = number("day", required: true)
        let year = number("year", required: false)
        let lead = number("leadDays", required: false)
        var contact: ContactID?
        if let raw = form.nonEmpty("contactID") {
            if let id = ContactID(raw) { contact = id } else { problems.append(FieldError("contactID", .unknown)) }
        }
        guard problems.isEmpty, let kind, let calendar, let month, let day else { throw AppError.invalid(problems) }
        let date = CareDate(kind: kind, calendar: calendar, month: month, day: day, leapMonth: form.isChecked("leapMonth"),
                            year: year, leadDays: lead, title: form.text("title").trimmingCharacters(in: .whitespacesAndNewlines))
        return (date, contact)
    }

    static func fields(form: FormData, errors: FormErrors, contacts: [Contact], env: PageEnvironment,
                       language: Language) -> [FormField] {
        func label(_ name: String) -> String { env.text("careDate.field." + name, language) }
        let months = (1...12).map { (String($0), String($0)) }
        let people = contacts.map { ($0.id.description, $0.name) }
        return FieldIDs.prefixed([
            FormField.select("kind", label("kind"), options: Choices.of(CareDateKind.self, prefix: "careKind",
                             selected: form["kind"], env: env, language: language), errors: errors, required: true),
            FormField.select("contactID", label("contact"), options: Choices.list(people, selected: form["contactID"],
                             blank: env.text("careDate.forCustomer", language)), errors: errors),
            FormField.input("title", label("title"), value: form.text("title"), errors: errors),
            FormField.select("calendar", label("calendar"), options: Choices.of(CareCalendar.self, prefix: "careCalendar",
                             selected: form["calendar"], env: env, language: language), errors: errors, required: true),
            FormField.select("month", label("month"), options: Choices.list(months, selected: form["month"], blank: ""),
                             errors: errors, required: true),
            FormField.input("day", label("day"), value: form.text("day"), errors: errors, type: "number", required: true),
            FormField.checkbox("leapMonth", label("leapMonth"), checked: form.isChecked("leapMonth"), errors: errors,
                               hint: env.text("careDate.hint.leapMonth", language)),
            FormField.input("year", label("year"), value: form.text("year"), errors: errors, type: "number",
                            hint: env.text("careDate.hint.year", language)),
            FormField.input("leadDays", label("leadDays"), value: form.text("leadDays"), errors: errors, type: "number",
                            hint: env.text("careDate.hint.leadDays", language)),
        ], "care")
    }
}
