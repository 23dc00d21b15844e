import Foundation
import RapportApp
import RapportCore

/// The form on a customer's page that records one measured result: date, measure, value, note.
enum ResultForm {
    static let shownFields: Set<String> = ["on", "measure", "value", "note"]

    /// Today, in the measure the customer's expectation is counted in.
    static func blank(today: CalendarDate, measure: ResultMeasure) -> FormData {
        FormData(pairs: [("on", today.description), ("measure", measure.rawValue)])
    }

    static func record(from form: FormData) throws -> (ResultRecord, note: String) {
        var problems: [FieldError] = []
        let on = form.nonEmpty("on").flatMap(CalendarDate.init(parsing:))
        if on == nil { problems.append(FieldError("on", form.nonEmpty("on") == nil ? .required : .invalid)) }
        let measure = ResultMeasure(rawValue: form.text("measure"))
        if measure == nil { problems.append(FieldError("measure", .notAnOption)) }
        var value: Int64?
        if let measure {
            if let text = form.nonEmpty("value") {
                value = MeasureFormat.parse(text, measure)
                if value == nil { problems.append(FieldError("value", .invalid)) }
            } else {
                problems.append(FieldError("value", .required))
            }
        }
        guard problems.isEmpty, let on, let measure, let value else { throw AppError.invalid(problems) }
        return (ResultRecord(on: on, measure: measure, value: value), form.text("note"))
    }

    static func fields(form: FormData, errors: FormErrors, env: PageEnvironment, language: Language) -> [FormField] {
        func label(_ name: String) -> String { env.text("result.field." + name, language) }
        return FieldIDs.prefixed([
            FormField.input("on", label("on"), value: form.text("on"), errors: errors, type: "date", required: true),
            FormField.select("measure", label("measure"), options: Choices.of(ResultMeasure.self, prefix: "measure",
                             selected: form["measure"], env: env, language: language), errors: errors, required: true),
            FormField.input("value", label("value"), value: form.text("value"), errors: errors, required: true,
                            hint: env.text("result.hint.value", language)),
            FormField.input("note", label("note"), value: form.text("note"), errors: errors),
        ], "result")
    }
}
