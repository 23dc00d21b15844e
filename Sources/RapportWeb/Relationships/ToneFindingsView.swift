import RapportApp
import RapportCore
import Foundation

/// Tone findings as the `tone_findings` partial reads them: the phrase highlighted inside a few
/// words of its sentence, why it hurts and a better way to say it. The explanations come from
/// the tone rule files (reference data); only category and principle names from the locale files.
struct ToneFindingsView {
    /// Characters of context shown on each side of a phrase.
    static let contextLength = 24

    /// `checked` is false before the user asked for a check: the partial then shows nothing.
    var checked: Bool
    var findings: [ToneFinding]
    var text: String

    static let none = ToneFindingsView(checked: false, findings: [], text: "")

    /// Checks `text` with the tone rules. A text too long to check throws `invalid` naming `field`
    /// (the form's own name for the text) rather than the use case's `text`.
    static func check(_ app: Rapport, _ text: String, field: String = "outcome") async throws -> ToneFindingsView {
        do {
            return ToneFindingsView(checked: true, findings: try await app.tone.check(text), text: text)
        } catch AppError.invalid(let problems) {
            throw AppError.invalid(problems.map { FieldError($0.field == "text" ? field : $0.field, $0.code, detail: $0.detail) })
        }
    }

    /// What the partial reads under `tone`.
    struct Model: PageModel {
        let checked: Bool
        let findings: [Finding]
        /// "2 things to look at" in the reader's language.
        let countLine: String

        func child(named name: String) -> Any? {
            switch name {
            case "checked": checked
            case "findings": findings
            case "hasFindings": !findings.isEmpty
            case "countLine": countLine
            default: nil
            }
        }
    }

    /// One finding: the phrase between the words around it, its category and principle, why and how better.
    struct Finding: PageModel {
        let category: String
        let categoryKey: String
        let principle: String
        let phrase: String
        /// The context before and after the phrase, on one line, "…" where cut.
        let before: String
        let after: String
        let why: String
        let better: String
        let example: String
        let rule: String

        func child(named name: String) -> Any? {
            switch name {
            case "category": category
            case "categoryKey": categoryKey
            case "principle": principle
            case "hasPrinciple": !principle.isEmpty
            case "phrase": phrase
            case "hasPhrase": !phrase.isEmpty
            case "before": before
            case "after": after
            case "why": why
            case "better": better
            case "example": example
            case "hasExample": !example.isEmpty
            case "rule": rule
            default: nil
            }
        }
    }

    func data(env: PageEnvironment, language: Language) -> Model {
        let characters = Array(text)
        let items: [Finding] = findings.map { finding in
            let start = min(max(finding.offset, 0), characters.count)
            let end = min(start + max(finding.length, 0), characters.count)
            let from = max(0, start - Self.contextLength), to = min(characters.count, end + Self.contextLength)
            let before = (from > 0 ? "…" : "") + String(characters[from..<start])
            let after = String(characters[end..<to]) + (to < characters.count ? "…" : "")
            return Finding(
                category: env.text("tone.category.\(finding.category.rawValue)", language),
                categoryKey: finding.category.rawValue,
                principle: finding.principle.map { env.text("tone.principle.\($0.rawValue)", language) } ?? "",
                phrase: String(characters[start..<end]),
                before: before.replacingOccurrences(of: "\n", with: " "),
                after: after.replacingOccurrences(of: "\n", with: " "),
                why: finding.why,
                better: finding.better,
                example: finding.example ?? "",
                rule: finding.ruleID)
        }
        return Model(checked: checked, findings: items, countLine: env.text("tone.found", language, [String(items.count)]))
    }
}
