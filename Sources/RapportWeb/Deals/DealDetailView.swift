import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// Renders the deal page (form, actions, history) and the close form.
struct DealDetailView {
    let env: PageEnvironment

    func renderForm(_ page: PageRequest, customer: Customer, deal: Deal?, form: FormData, outcome: EditOutcome) async throws -> Response {
        let acting = page.acting
        let language = page.language
        async let contactsLoad = env.app.contacts.list(acting, of: customer.id)
        async let peopleLoad = Directory.load(env.app, acting)
        async let stagesLoad = env.app.dealStages.list(acting)
        let (contacts, people, stages) = try await (contactsLoad, peopleLoad, stagesLoad)
        let view = DealView(env: env, language: language, stages: stages)
        let owners = acting.isManager
            ? people.assignableOwners(acting).filter { $0.role != .rep || $0.id == customer.ownerID } : nil
        var detail: DealPageModel.Detail?
        var history: [DealPageModel.Change] = []
        if let deal {
            detail = DealPageModel.Detail(
                row: view.card(deal, customerName: customer.name, people: people, back: "/deals/\(deal.id)"),
                closeReason: deal.closeReason, closedOn: deal.closedOn?.description ?? "", isClosed: deal.state != .open,
                isDeleted: deal.deletedAt != nil, canOrder: deal.canCreateOrder, orderID: deal.orderID?.description ?? "",
                undo: page.query["undoDeal"] == deal.id.description)
            let changes = try await env.app.deals.stageChanges(acting, deal.id)
            history = changes.reversed().map { change in
                DealPageModel.Change(at: page.clock.display(change.at), user: people.name(change.userID),
                                     from: change.fromStageID.map(view.stageName) ?? env.text("deal.history.created", language),
                                     to: view.stageName(change.toStageID))
            }
        }
        let model = DealPageModel(
            outcome: outcome.summary(shown: DealForm.shownFields),
            isNew: deal == nil, customer: RecordLink(id: customer.id.description, name: customer.name),
            action: deal.map { "/deals/\($0.id)" } ?? "/deals", version: form.text("version"),
            editable: deal?.deletedAt == nil,
            fields: DealForm.fields(form: form, errors: outcome.errors, isNew: deal == nil, view: view, contacts: contacts,
                                    owners: owners, env: env, language: language),
            deal: detail, history: history,
            stageOptions: view.stageOptions(selected: deal?.stageID))
        let title = deal == nil ? "deal.newTitle" : "deal.title"
        return try await env.render("deal", page, title: title, model: model, status: outcome.status)
    }

    func renderClose(_ page: PageRequest, deal: Deal, won: Bool, reason: String, errors: FormErrors,
                     status: HTTPResponse.Status) async throws -> Response {
        let model = DealCloseModel(
            deal: DealCloseModel.Deal(id: deal.id.description, title: deal.title, version: String(deal.version)),
            won: won, reason: reason, errors: errors)
        return try await env.render("deal_close", page, title: won ? "deal.close.wonTitle" : "deal.close.lostTitle", model: model, status: status)
    }
}
