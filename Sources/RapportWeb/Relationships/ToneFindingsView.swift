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

    func data(env: PageEnvironment, language: Language) -> [String: Any] {
        let characters = Array(text)
        let items: [[String: Any]] = findings.map { finding in
            let start = min(max(finding.offset, 0), characters.count)
            let end = min(start + max(finding.length, 0), characters.count)
            let from = max(0, start - Self.contextLength), to = min(characters.count, end + Self.contextLength)
            let before = (from > 0 ? "…" : "") + String(characters[from..<start])
            let after = String(characters[end..<to]) + (to < characters.count ? "…" : "")
            let principle = finding.principle.map { env.text("tone.principle.\($0.rawValue)", language) } ?? ""
            return [
                "category": env.text("tone.category.\(finding.category.rawValue)", language),
                "categoryKey": finding.category.rawValue,
                "principle": principle,
                "hasPrinciple": !principle.isEmpty,
                "phrase": String(characters[start..<end]),
                "hasPhrase": end > start,
                "before": before.replacingOccurrences(of: "\n", with: " "),
                "after": after.replacingOccurrences(of: "\n", with: " "),
                "why": finding.why,
                "better": finding.better,
                "example": finding.example ?? "",
                "hasExample": !(finding.example ?? "").isEmpty,
                "rule": finding.ruleID,
            ]
        }
        return [
            "checked": checked,
            "findings": items,
            "hasFindings": !items.isEmpty,
            "countLine": env.text("tone.found", language, [String(items.count)]),
        ]
    }
}
