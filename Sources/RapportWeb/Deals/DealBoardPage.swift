import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /deals`: the kanban (a column per stage with its count, amount and weighted amount, at
/// most `perColumn` cards each with a link to the list for the rest, and Won / Lost drop zones);
/// `?view=list` is the list with filters and keyset paging. `owner=me` narrows both to the
/// user's own deals; the board opens that way for reps (the deals they work) and on every deal
/// in sight for managers and admins, and `owner=all` widens a rep's board to every deal on
/// their customers. Dragging uses `Static/deals-kanban.js`; every card also has a move form.
struct DealBoardPage: Sendable {
    let env: PageEnvironment
    /// Cards per column; the column's count and sums cover all of its deals, and a link lists the rest.
    static let perColumn = 10
    static let pageSize = 50
    /// The optional drag and drop (`Static/deals-kanban.js`); the page works without it.
    let script = StaticAsset(name: "deals-kanban.js", contentType: "text/javascript; charset=utf-8")

    func register(on router: RouterGroup<SessionContext>) {
        let script = self.script
        router.get("static/deals-kanban.js") { request, context in script.response(request, context: context) }
        router.head("static/deals-kanban.js") { request, context in script.response(request, context: context) }
        router.get("deals", use: env.page(.signedIn, show))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        page.query["view"] == "list" ? try await list(page) : try await board(page)
    }

    private func board(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let mine = Self.boardIsMine(page.query, acting: acting)
        let board = try await env.app.pipeline.board(acting, ownerID: mine ? acting.id : nil, perStage: Self.perColumn)
        let view = DealView(env: env, language: language, stages: board.columns.map(\.stage))
        let names = board.customerNames
        let back = mine ? "/deals?owner=me" : "/deals?owner=all"
        let labels = (stage: env.text("deal.field.stage", language), move: env.text("deal.action.move", language),
                      win: env.text("deal.action.win", language), lose: env.text("deal.action.lose", language))
        let columns: [DealBoardModel.Column] = try board.columns.map { column in
            // Every card of a column sits in the same stage: its move select is rendered once.
            let moveOptions = try env.renderer.fragment(
                "stage_options", DealBoardModel.MoveOptions(stageOptions: view.stageOptions(selected: column.stage.id)))
            var more = FormData(pairs: [("view", "list"), ("stage", column.stage.id.description), ("state", "open")])
            if mine { more.set("owner", "me") }
            return DealBoardModel.Column(
                stageID: column.stage.id.description, name: column.stage.name(language),
                probability: String(column.stage.probability), count: String(column.count),
                amount: view.totalsText(column.totals), weighted: view.weightedText(column.totals),
                cards: column.deals.map { card($0, customerName: names[$0.customerID.description] ?? "", language: language) },
                stageLabel: labels.stage, moveLabel: labels.move, winLabel: labels.win, loseLabel: labels.lose,
                back: back,
                hasMore: column.hasMore, moreURL: more.url("/deals"),
                moreText: env.text("deal.board.more", language, [String(column.count - column.deals.count)]),
                moveOptions: moveOptions)
        }
        let model = DealBoardModel(
            columns: columns, mine: mine,
            totalAmount: view.totalsText(board.totals), totalWeighted: view.weightedText(board.totals),
            boardScript: script.url, listURL: mine ? "/deals?view=list&owner=me" : "/deals?view=list")
        return try await env.render("deals_board", page, title: "deal.board.title", model: model)
    }

    /// One kanban card: only what `deals_board` reads, with its texts composed here.
    private func card(_ deal: Deal, customerName: String, language: Language) -> DealBoardModel.Card {
        var closeText = ""
        if let close = deal.expectedCloseOn {
            closeText = " · " + env.text("deal.field.expectedCloseOn", language) + " " + close.description
        }
        let nextText = deal.nextStep.isEmpty ? "" : env.text("deal.field.nextStep", language) + ": " + deal.nextStep
        return DealBoardModel.Card(
            id: deal.id.description, version: String(deal.version), title: deal.title,
            customerName: customerName, customerURL: "/customers/\(deal.customerID)",
            amount: DealView.money(deal.amount, deal.currency), closeText: closeText, nextText: nextText)
    }

    private func list(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let (filter, kept) = Self.filter(from: page.query, acting: acting)
        let cursor = page.query["cursor"].flatMap(PageCursor.init(token:))
        async let found = env.app.deals.search(acting, filter, limit: Self.pageSize, cursor: cursor)
        async let peopleLoad = Directory.load(env.app, acting)
        async let stagesLoad = env.app.dealStages.list(acting)
        let (result, people, stages) = try await (found, peopleLoad, stagesLoad)
        let view = DealView(env: env, language: language, stages: stages)
        let names = try await env.app.customers.names(acting, result.items.map(\.customerID))
        var customer: RecordLink?
        if let customerID = filter.customerID {
            customer = RecordLink(id: customerID.description, name: try await env.app.customers.get(acting, customerID).name)
        }
        let model = DealListModel(
            deals: result.items.map { view.card($0, customerName: names[$0.customerID] ?? "", people: people, back: kept.url("/deals")) },
            ownerOptions: Choices.list([("", env.text("deal.filter.allVisible", language)), ("me", env.text("deal.filter.mine", language))],
                                       selected: kept["owner"] ?? ""),
            stageOptions: view.stageOptions(selected: filter.stageID, blank: env.text("filter.any", language)),
            stateOptions: Choices.of(DealState.self, prefix: "deal.state", selected: kept["state"] ?? "",
                                     blank: "filter.any", env: env, language: language),
            closeFrom: kept["closeFrom"] ?? "", closeTo: kept["closeTo"] ?? "", customer: customer,
            pager: Pager(path: "/deals", kept: kept, cursor: cursor, next: result.nextCursor),
            boardURL: kept["owner"] == "me" ? "/deals?owner=me" : "/deals?owner=all")
        return try await env.render("deals_list", page, title: "deal.list.title", model: model)
    }

    /// The list filter and the parameters to keep in links; values that are not ours are dropped.
    /// Whether the board shows only the user's own deals: `owner=me` or `owner=all` when given,
    /// else for reps only.
    static func boardIsMine(_ query: FormData, acting: Acting) -> Bool {
        switch query["owner"] {
        case "me": true
        case "all": false
        default: acting.user.role == .rep
        }
    }

    static func filter(from input: FormData, acting: Acting) -> (DealFilter, FormData) {
        var filter = DealFilter()
        var kept = FormData(pairs: [("view", "list")])
        if input["owner"] == "me" { filter.ownerID = acting.id; kept.set("owner", "me") }
        if let stage = input["stage"].flatMap(DealStageID.init) { filter.stageID = stage; kept.set("stage", stage.description) }
        if let state = input["state"].flatMap(DealState.init(rawValue:)) { filter.state = state; kept.set("state", state.rawValue) }
        if let customer = input["customer"].flatMap(CustomerID.init) { filter.customerID = customer; kept.set("customer", customer.description) }
        if let from = input["closeFrom"].flatMap(CalendarDate.init(parsing:)) { filter.closeFrom = from; kept.set("closeFrom", from.description) }
        if let to = input["closeTo"].flatMap(CalendarDate.init(parsing:)) { filter.closeTo = to; kept.set("closeTo", to.description) }
        return (filter, kept)
    }
}
