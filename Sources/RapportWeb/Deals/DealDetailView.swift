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
        var data = outcome.data(shown: DealForm.shownFields)
        data["isNew"] = deal == nil
        data["customer"] = ["id": customer.id.description, "name": customer.name] as [String: Any]
        data["action"] = deal.map { "/deals/\($0.id)" } ?? "/deals"
        data["version"] = form.text("version")
        data["editable"] = deal?.deletedAt == nil
        data["fields"] = DealForm.fields(form: form, errors: outcome.errors, isNew: deal == nil, view: view, contacts: contacts,
                                         owners: owners, env: env, language: language)
        if let deal {
            var info = view.card(deal, customerName: customer.name, people: people, back: "/deals/\(deal.id)")
            info["closeReason"] = deal.closeReason
            info["closedOn"] = deal.closedOn?.description ?? ""
            info["isClosed"] = deal.state != .open
            info["isDeleted"] = deal.deletedAt != nil
            info["canOrder"] = deal.canCreateOrder
            info["orderID"] = deal.orderID?.description ?? ""
            info["hasOrder"] = deal.orderID != nil
            info["contacts"] = contacts.filter { deal.contactIDs.contains($0.id) }.map { ["name": $0.name, "id": $0.id.description] }
            info["undo"] = page.query["undoDeal"] == deal.id.description
            data["deal"] = info
            let changes = try await env.app.deals.stageChanges(acting, deal.id)
            data["history"] = changes.reversed().map { change -> [String: Any] in
                ["at": page.clock.display(change.at), "user": people.name(change.userID),
                 "from": change.fromStageID.map(view.stageName) ?? env.text("deal.history.created", language),
                 "to": view.stageName(change.toStageID)]
            }
        }
        let title = deal == nil ? "deal.newTitle" : "deal.title"
        return try await env.render("deal", page, title: title, data, status: outcome.status)
    }

    func renderClose(_ page: PageRequest, deal: Deal, won: Bool, reason: String, errors: FormErrors,
                     status: HTTPResponse.Status) async throws -> Response {
        let data: [String: Any] = [
            "deal": ["id": deal.id.description, "title": deal.title, "version": String(deal.version)] as [String: Any],
            "outcome": won ? "won" : "lost", "won": won, "reason": reason,
            "hasErrors": !errors.isEmpty, "otherErrors": errors.others(shown: ["reason"]),
            "reasonError": errors["reason"] ?? "", "hasReasonError": errors["reason"] != nil,
        ]
        return try await env.render("deal_close", page, title: won ? "deal.close.wonTitle" : "deal.close.lostTitle", data, status: status)
    }
}
