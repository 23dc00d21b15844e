import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /contacts`: key persons across every customer the user may see, searchable, keyset-paged.
struct ContactListPage: Sendable {
    let env: PageEnvironment
    static let pageSize = 25

    func register(on router: RouterGroup<SessionContext>) {
        router.get("contacts", use: env.page(.signedIn, list))
    }

    @Sendable func list(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        var kept = FormData()
        let search = page.query.nonEmpty("q").flatMap { $0.count <= 200 ? $0 : nil }
        if let search { kept.set("q", search) }
        let cursor = page.query["cursor"].flatMap(PageCursor.init(token:))
        let found = try await env.app.contacts.search(acting, search: search, limit: Self.pageSize, cursor: cursor)
        let customerNames = try await env.app.customers.names(acting, found.items.map(\.customerID))
        let model = ContactListModel(
            q: search ?? "",
            contacts: found.items.map { contact in
                ContactListModel.Row(id: contact.id.description, name: contact.name, title: contact.title,
                                     phone: contact.phone, email: contact.email, isCoach: contact.isCoach,
                                     customerID: contact.customerID.description,
                                     customerName: customerNames[contact.customerID] ?? "")
            },
            pager: Pager(path: "/contacts", kept: kept, cursor: cursor, next: found.nextCursor))
        return try await env.render("contacts", page, title: "contacts.title", model: model)
    }
}
