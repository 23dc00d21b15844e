import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// The personality section of a key person's page (and of a person customer's personality page):
/// the temperament questionnaire, the suggestion, a select to set or confirm the temperament, the
/// buyer and online customer types, who confirmed it and when, and the guidance card beside it.
struct PersonalitySection {
    let env: PageEnvironment

    /// A save that did not go through: the posted values with field messages, or the notice that
    /// someone else saved first (then the stored values are shown).
    struct State {
        var form: FormData?
        var errors = FormErrors()
        var conflict = false
        var status: HTTPResponse.Status = .ok
    }

    static let shownFields: Set<String> = ["temperament", "buyerType", "onlineType"]

    /// Loads what the section needs for `person` (the questionnaire in the reader's language).
    func load(_ acting: Acting, _ person: PersonRef, language: Language) async throws
        -> (PersonalityView, TemperamentQuestionnaire) {
        async let view = env.app.personalities.get(acting, person, language: language)
        async let questionnaire = env.app.personalities.questionnaire(language)
        return (try await view, try await questionnaire)
    }

    /// What `personality_section.mustache` reads.
    struct Model: PageModel {
        /// One questionnaire question with its radio options.
        struct Question: PageModel {
            let name, prompt, domID: String
            let options: [Option]
            let error: String?

            func child(named key: String) -> Any? {
                switch key {
                case "name": name
                case "prompt": prompt
                case "domID": domID
                case "options": options
                case "hasError": error != nil
                case "error": error ?? ""
                default: nil
                }
            }
        }

        /// A radio option; its input's `name` is the question's.
        struct Option: PageModel {
            let value, text, domID: String
            let checked: Bool

            func child(named key: String) -> Any? {
                switch key {
                case "value": value
                case "text": text
                case "domID": domID
                case "checked": checked
                default: nil
                }
            }
        }

        let action: String
        let version: String
        let questions: [Question]
        let typeFields: [FormField]
        /// The last save: a conflict, or field messages (`conflict`, `hasErrors`, `otherErrors`).
        let outcome: EditOutcome.Summary
        let guidance: [GuidanceCardView.Section]
        let hasGuidance: Bool
        let temperamentText: String
        let hasTemperament: Bool
        let suggestionText: String?
        /// The suggested temperament's raw value and button text, when it differs from the set one.
        let confirm: (value: String, label: String)?
        let confirmedText: String?

        func child(named key: String) -> Any? {
            switch key {
            case "action": action
            case "version": version
            case "questions": questions
            case "typeFields": typeFields
            case "guidance": guidance
            case "hasGuidance": hasGuidance
            case "temperamentText": temperamentText
            case "hasTemperament": hasTemperament
            case "suggestionText": suggestionText ?? ""
            case "hasSuggestion": suggestionText != nil
            case "canConfirm": confirm != nil
            case "confirmValue": confirm?.value ?? ""
            case "confirmLabel": confirm?.label ?? ""
            case "confirmedText": confirmedText ?? ""
            case "isConfirmed": confirmedText != nil
            default: outcome.child(named: key)
            }
        }
    }

    func model(_ view: PersonalityView, questionnaire: TemperamentQuestionnaire, action: String, people: Directory,
               clock: UserClock, language: Language, state: State) -> Model {
        let p = view.personality
        let form = state.form ?? Self.values(of: p)
        let errors = state.errors
        let questions = questionnaire.questions.map { question in
            let name = "answer.\(question.id)"
            let chosen = form.text(name)
            let dom = "q-" + Self.domSafe(question.id)
            var options = question.options.map { option in
                Model.Option(value: option.id, text: option.text, domID: dom + "-" + Self.domSafe(option.id),
                             checked: chosen == option.id)
            }
            options.append(Model.Option(value: "", text: env.text("personality.skip", language), domID: dom + "-skip",
                                        checked: chosen.isEmpty))
            return Model.Question(name: name, prompt: question.prompt, domID: dom, options: options,
                                  error: errors["answers.\(question.id)"])
        }
        func label(_ key: String) -> String { env.text("personality.field.\(key)", language) }
        let typeFields: [FormField] = [
            FormField.select("temperament", label("temperament"), options: Choices.of(Temperament.self, prefix: "temperament",
                             selected: form["temperament"], blank: "personality.notSet", env: env, language: language), errors: errors),
            FormField.select("buyerType", label("buyerType"), options: Choices.of(BuyerType.self, prefix: "buyerType",
                             selected: form["buyerType"], blank: "personality.notSet", env: env, language: language), errors: errors),
            FormField.select("onlineType", label("onlineType"), options: Choices.of(OnlineCustomerType.self, prefix: "onlineType",
                             selected: form["onlineType"], blank: "personality.notSet", env: env, language: language), errors: errors),
        ]
        let suggested = p.suggestedTemperament
        var confirmed: String?
        if let by = p.confirmedBy, let at = p.confirmedAt, let temperament = p.temperament {
            confirmed = env.text("personality.confirmedBy", language,
                                 [env.label("temperament", temperament, language), people.name(by), clock.display(at)])
        }
        return Model(
            action: action, version: String(view.version), questions: questions, typeFields: typeFields,
            outcome: EditOutcome.Summary(conflict: state.conflict, hasErrors: !errors.isEmpty,
                                         otherErrors: errors.others(shown: Self.shownFields.union(questionnaire.questions.map { "answers.\($0.id)" }))),
            guidance: GuidanceCardView.sections(view.guidance, env: env, language: language),
            hasGuidance: !view.guidance.isEmpty,
            temperamentText: GuidanceCardView.temperamentLabel(p, env: env, language: language),
            hasTemperament: p.temperament != nil || suggested != nil,
            suggestionText: suggested.map { env.text("personality.suggestion", language, [env.label("temperament", $0, language)]) },
            confirm: suggested.flatMap { s in
                s == p.temperament ? nil
                    : (s.rawValue, env.text("personality.confirm", language, [env.label("temperament", s, language)]))
            },
            confirmedText: confirmed)
    }

    /// The stored personality as form values.
    static func values(of p: Personality) -> FormData {
        var form = FormData(pairs: [("temperament", p.temperament?.rawValue ?? ""), ("buyerType", p.buyerType?.rawValue ?? ""),
                                    ("onlineType", p.onlineType?.rawValue ?? "")])
        for (question, option) in p.answers.sorted(by: { $0.key < $1.key }) { form.set("answer.\(question)", option) }
        return form
    }

    /// The draft a posted form asks for. The confirm button sends only the temperament; the main
    /// form sends the answers and types, and the temperament only when the rep changed it, so saving
    /// answers never re-stamps who confirmed the temperament.
    static func draft(from form: FormData, current: Personality, questionnaire: TemperamentQuestionnaire) -> PersonalityDraft {
        if form["confirm"] == "1" { return PersonalityDraft(temperament: form.text("temperament")) }
        var answers: [String: String] = [:]
        for question in questionnaire.questions { answers[question.id] = form.text("answer.\(question.id)") }
        var draft = PersonalityDraft(answers: answers, buyerType: form.text("buyerType"), onlineType: form.text("onlineType"))
        let temperament = form.text("temperament")
        if temperament != (current.temperament?.rawValue ?? "") { draft.temperament = temperament }
        return draft
    }

    /// Ids from the reference file as HTML id parts.
    static func domSafe(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
    }
}
