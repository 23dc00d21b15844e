import Foundation
import RapportApp
import RapportCore

/// Writes the after-deal summary message from its facts, in the chosen language. The result is a
/// draft: the rep edits it (and runs the tone check) before sending.
public struct AfterDealWriter: Sendable {
    let localizer: Localizer

    public init(localizer: Localizer) {
        self.localizer = localizer
    }

    public func draft(_ facts: AfterDealFacts, language: Language) -> String {
        func t(_ key: String, _ args: String...) -> String {
            localizer.text("summary.\(key)", language, args)
        }
        var lines: [String] = [t("greeting", facts.recipientName ?? facts.customerName), "", t("intro", facts.customerName)]
        if !facts.kept.isEmpty {
            lines.append("")
            lines.append(t("keptHeading"))
            for promise in facts.kept {
                lines.append(promise.evidence.isEmpty ? "• \(promise.title)" : "• \(promise.title) — \(promise.evidence)")
            }
        }
        if !facts.contacts.isEmpty {
            lines.append("")
            lines.append(t("contactsHeading"))
            for contact in facts.contacts { lines.append("• \(contact)") }
        }
        lines.append("")
        let status = facts.expectation
        let measure = localizer.text("measure.\(status.measure.rawValue)", language)
        switch status.level {
        case .aboveSatisfaction: lines.append(t("benefitAbove", measure, String(status.measured)))
        case .between: lines.append(t("benefitBetween", measure, String(status.measured), String(status.satisfaction)))
        case .belowBottom: lines.append(t("benefitBelow", measure))
        case .tooEarly: lines.append(t("benefitEarly", measure))
        }
        lines.append("")
        lines.append(t("closing"))
        lines.append(facts.senderName)
        return lines.joined(separator: "\n")
    }
}
