import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /notices` (newest first, keyset paging with `?cursor=`), `POST /notices/{id}/read` and
/// `POST /notices/read` (all). A notice's text is written from the facts it carries, in the
/// reader's language, so it reads the same after the promise or customer changed.
struct NoticePages: Sendable {
    let env: PageEnvironment
    static let pageSize = 20

    func register(on router: RouterGroup<SessionContext>) {
        router.get("notices", use: env.page(.signedIn, badges: .fresh, list))
        router.post("notices/read", use: env.page(.signedIn, markAll))
        router.post("notices/:id/read", use: env.page(.signedIn, markOne))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let cursor = page.query["cursor"].flatMap(PageCursor.init(token:))
        async let listLoad = env.app.notices.list(acting, limit: Self.pageSize, cursor: cursor)
        async let unreadLoad = env.app.notices.unreadCount(acting)
        let (result, unread) = try await (listLoad, unreadLoad)
        let clock = page.clock
        let model = NoticeListModel(
            notices: result.items.map { row($0, clock: clock, language: language) },
            unreadLine: env.text("notices.unreadCount", language, [String(unread)]),
            unread: unread,
            cursor: cursor == nil ? nil : page.query.text("cursor"),
            nextURL: result.nextCursor.map { FormData(pairs: [("cursor", $0)]).url("/notices") })
        return try await env.render("notices", page, title: "notices.title", model: model)
    }

    @Sendable func markOne(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        try await env.app.notices.markRead(acting, id: try page.id())
        return PageEnvironment.redirect(back(page))
    }

    @Sendable func markAll(_ page: PageRequest) async throws -> Response {
        try await env.app.notices.markRead(page.acting, id: nil)
        return PageEnvironment.redirect("/notices")
    }

    /// Back to the page of the list the button was on.
    private func back(_ page: PageRequest) -> String {
        guard let cursor = page.form.nonEmpty("cursor") else { return "/notices" }
        return FormData(pairs: [("cursor", cursor)]).url("/notices")
    }

    private func row(_ notice: Notice, clock: UserClock, language: Language) -> NoticeListModel.Row {
        let facts = notice.payload
        func fact(_ key: String) -> String { facts[key] ?? "" }
        let text: String
        var link = notice.customerID.map { "/customers/\($0)" } ?? ""
        switch notice.kind {
        case .commitmentOverdue:
            text = env.text("notices.text.commitmentOverdue", language,
                            [fact("title"), fact("customerName"), fact("dueOn"), fact("ownerName")])
        case .handoverReceived:
            let from = fact("fromName")
            text = from.isEmpty ? env.text("notices.text.handoverFromPool", language, [fact("customerName")])
                : env.text("notices.text.handoverReceived", language, [fact("customerName"), from])
            link = "/handovers/\(notice.subjectID)"
        case .subscriptionEnding:
            text = env.text("notices.text.subscriptionEnding", language, [fact("customerName"), fact("endsOn")])
        case .poolRecycleWarning:
            text = env.text("notices.text.poolRecycleWarning", language, [fact("customerName"), fact("daysLeft")])
            link = "/customers/\(notice.customerID?.description ?? "")"
        case .poolRecycled:
            text = env.text("notices.text.poolRecycled", language, [fact("customerName"), env.text("pool.reason.\(fact("reason"))", language)])
            link = "/pool"
        case .paymentDue, .paymentOverdue:
            text = env.text("notices.text.\(notice.kind.rawValue)", language,
                            [fact("orderNumber"), fact("customerName"), fact("amount"), fact("dueOn")])
            link = "/orders/\(fact("orderID"))"
        }
        return NoticeListModel.Row(id: notice.id.description, kind: notice.kind.rawValue,
                                   kindLabel: env.text("notices.kind.\(notice.kind.rawValue)", language),
                                   text: text, when: clock.display(notice.createdAt), unread: notice.readAt == nil, link: link)
    }
}
