import Hummingbird
import RapportEdge
import RapportCore

/// What an edit page adds when it is shown again after a save that did not go through:
/// field messages, or the notice that someone else saved the record first.
struct EditOutcome {
    var errors = FormErrors()
    /// Existing customers the new record may duplicate (customer and key-person forms).
    var duplicates: [DuplicateMatch] = []
    /// The version posted was stale; the form now shows the latest saved values.
    var conflict = false
    var status: HTTPResponse.Status = .ok

    static func invalid(_ problems: [FieldError], env: PageEnvironment, language: Language) -> EditOutcome {
        EditOutcome(errors: FormErrors(problems, env: env, language: language), status: .unprocessableContent)
    }

    static let stale = EditOutcome(conflict: true, status: .conflict)

    /// What every edit template reads about these; a page model answers those names by asking it.
    func summary(shown: Set<String>) -> Summary {
        Summary(conflict: conflict, hasErrors: !errors.isEmpty, otherErrors: errors.others(shown: shown))
    }

    /// What an edit template reads about the last save: `conflict`, `hasErrors`, `otherErrors`.
    struct Summary: PageModel {
        let conflict: Bool
        let hasErrors: Bool
        /// Messages for fields the form does not show.
        let otherErrors: [String]

        func child(named name: String) -> Any? {
            switch name {
            case "conflict": conflict
            case "hasErrors": hasErrors
            case "otherErrors": otherErrors
            default: nil
            }
        }
    }
}
