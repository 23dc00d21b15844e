import Foundation
import RapportApp
import RapportCore

/// How deals look on pages: cards on the kanban, rows in lists, stage names and money text.
struct DealView {
    let env: PageEnvironment
    let language: Language
    let stages: [DealStage]

    func stageName(_ id: DealStageID) -> String {
        stages.first { $0.id == id }?.name(language) ?? env.text("deal.stageRemoved", language)
    }

    /// Options for a stage select (live stages in order).
    func stageOptions(selected: DealStageID?, blank: String? = nil) -> [Choice] {
        Choices.list(stages.map { ($0.id.description, $0.name(language)) }, selected: selected?.description, blank: blank)
    }

    static func money(_ amount: Int64, _ currency: String) -> String { MinorUnits.display(amount, currency: currency) }

    /// "¥1,000.00 · weighted ¥500.00" for each currency, joined.
    func totalsText(_ totals: [MoneyTotal]) -> String {
        guard !totals.isEmpty else { return Self.money(0, MinorUnits.defaultCurrency) }
        return totals.map { Self.money($0.amount, $0.currency) }.joined(separator: " + ")
    }

    func weightedText(_ totals: [MoneyTotal]) -> String {
        guard !totals.isEmpty else { return Self.money(0, MinorUnits.defaultCurrency) }
        return totals.map { Self.money($0.weighted, $0.currency) }.joined(separator: " + ")
    }

    func stateLabel(_ state: DealState) -> String { env.label("deal.state", state, language) }

    /// A deal as a list row (the deal list, a customer's deal section).
    /// `people` names the owner (the list shows it; the customer's section does not need it).
    func card(_ deal: Deal, customerName: String, people: Directory?, back: String) -> DealRow {
        DealRow(
            id: deal.id.description, title: deal.title, url: "/deals/\(deal.id)",
            customerName: customerName, customerURL: "/customers/\(deal.customerID)",
            amount: Self.money(deal.amount, deal.currency), expectedClose: deal.expectedCloseOn?.description ?? "",
            nextStep: deal.nextStep, owner: people?.name(deal.ownerID) ?? "", stage: stageName(deal.stageID),
            stateKey: deal.state.rawValue, state: stateLabel(deal.state), isOpen: deal.state == .open,
            version: String(deal.version), back: back)
    }
}
