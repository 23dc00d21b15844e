import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportEdge
import NIOFoundationEssentialsCompat

/// Orders and their payments: `/api/v1/orders[/:id]`, `/api/v1/customers/:id/orders`,
/// `/api/v1/orders/:id/payment-plan`, `/api/v1/orders/:id/receipts`, `/api/v1/receipts/:id/void`,
/// `/api/v1/payments/due`, `/api/v1/orders/import`.
struct OrderAPI {
    let app: Rapport
    let localizer: Localizer

    struct OrderBody: Decodable {
        var draft: OrderDraft
        let customerID: CustomerID?
        let version: Int?
        private enum Keys: String, CodingKey { case customerID, version }
        init(from decoder: any Decoder) throws {
            draft = try OrderDraft(from: decoder)
            let c = try decoder.container(keyedBy: Keys.self)
            customerID = try c.decodeIfPresent(CustomerID.self, forKey: .customerID)
            version = try c.decodeIfPresent(Int.self, forKey: .version)
        }
    }

    struct PlanBody: Decodable {
        let instalments: [InstalmentDraft]
    }

    /// A page of orders with the totals of everything the filter selects (not only this page).
    struct OrderPage: Encodable {
        let items: [Order]
        let nextCursor: String?
        let totals: [OrderTotals]
    }

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("orders", use: list)
        group.post("orders", use: create)
        group.post("orders/import", use: importFile)
        group.get("customers/:id/orders", use: listOfCustomer)
        group.post("customers/:id/orders", use: createForCustomer)
        group.get("orders/:id", use: get)
        group.patch("orders/:id", use: update)
        group.delete("orders/:id", use: delete)
        group.post("orders/:id/restore", use: restore)
        group.post("orders/:id/cancel", use: cancel)
        group.get("orders/:id/payment-plan", use: plan)
        group.put("orders/:id/payment-plan", use: setPlan)
        group.post("orders/:id/receipts", use: receipt)
        group.post("receipts/:id/void", use: voidReceipt)
        group.get("payments/due", use: due)
    }

    static func filter(_ p: RequestParameters, acting: Acting) throws -> OrderFilter {
        var filter = OrderFilter(customerID: try p.queryID("customer"), status: try p.enumValue("status"),
                                 from: try p.date("from"), through: try p.date("through"), deleted: try p.bool("deleted"))
        if let rep = try p.meOrUser("rep", acting) { filter.repID = rep }
        return filter
    }

    /// `?customer=&rep=me|<id>&status=&from=&through=&deleted=&limit=&cursor=`
    @Sendable func list(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let filter = try Self.filter(p, acting: acting)
        let page = try await app.orders.search(acting, filter, limit: try p.int("limit", default: 50, range: 1...200), cursor: try p.cursor())
        let totals = try await app.orders.totals(acting, filter)
        return try JSONBody.response(OrderPage(items: page.items, nextCursor: page.nextCursor, totals: totals))
    }

    @Sendable func listOfCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let customerID: CustomerID = try p.id()
        _ = try await app.customers.get(acting, customerID)
        let filter = OrderFilter(customerID: customerID)
        let page = try await app.orders.search(acting, filter, limit: try p.int("limit", default: 50, range: 1...200), cursor: try p.cursor())
        let totals = try await app.orders.totals(acting, filter)
        return try JSONBody.response(OrderPage(items: page.items, nextCursor: page.nextCursor, totals: totals))
    }

    @Sendable func create(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let body = try await JSONBody.decode(OrderBody.self, from: request, context: context)
        guard let customerID = body.customerID else { throw AppError.invalid([FieldError("customerID", .required)]) }
        return try await created(try await app.orders.create(acting, customerID: customerID, body.draft))
    }

    @Sendable func createForCustomer(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let customerID: CustomerID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(OrderBody.self, from: request, context: context)
        return try await created(try await app.orders.create(acting, customerID: customerID, body.draft))
    }

    private func created(_ order: Order) async throws -> Response {
        var response = try JSONBody.response(order, status: .created, version: order.version)
        response.headers[.location] = "/api/v1/orders/\(order.id)"
        return response
    }

    @Sendable func get(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let order = try await app.orders.get(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(order, version: order.version)
    }

    @Sendable func update(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let id: OrderID = try p.id()
        let body = try await JSONBody.decode(OrderBody.self, from: request, context: context)
        guard let version = body.version ?? p.ifMatch() else { throw AppError.invalid([FieldError("version", .required)]) }
        let order = try await app.orders.update(acting, id, body.draft, version: version)
        return try JSONBody.response(order, version: order.version)
    }

    @Sendable func delete(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let order = try await app.orders.delete(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(order, version: order.version)
    }

    @Sendable func restore(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let order = try await app.orders.restore(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(order, version: order.version)
    }

    @Sendable func cancel(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let order = try await app.orders.cancel(acting, try RequestParameters(request: request, context: context).id())
        return try JSONBody.response(order, version: order.version)
    }

    @Sendable func plan(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        return try JSONBody.response(try await app.payments.plan(acting, try RequestParameters(request: request, context: context).id()))
    }

    @Sendable func setPlan(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: OrderID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(PlanBody.self, from: request, context: context)
        return try JSONBody.response(try await app.payments.setPlan(acting, id, body.instalments))
    }

    @Sendable func receipt(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let id: OrderID = try RequestParameters(request: request, context: context).id()
        let body = try await JSONBody.decode(ReceiptDraft.self, from: request, context: context)
        return try JSONBody.response(try await app.payments.recordReceipt(acting, id, body), status: .created)
    }

    @Sendable func voidReceipt(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        return try JSONBody.response(try await app.payments.voidReceipt(acting, try RequestParameters(request: request, context: context).id()))
    }

    /// `?through=YYYY-MM-DD` (default: 7 days ahead) `&overdue=true` (only past due) `&rep=me|<id>`
    @Sendable func due(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let today = app.today(for: acting.user)
        let through = try p.bool("overdue") ? today.adding(days: -1) : (try p.date("through") ?? today.adding(days: 7))
        let rep = try p.meOrUser("rep", acting)
        let page = try await app.payments.due(acting, through: through, repID: rep,
                                                limit: try p.int("limit", default: 50, range: 1...200), cursor: try p.cursor())
        return try JSONBody.response(page)
    }

    /// The body is the file itself (`?fileName=` or the Content-Type tells CSV from XLSX); `?dryRun=true` checks only.
    @Sendable func importFile(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let fileName = try p.string("fileName", max: 200) ?? (contentType.contains("spreadsheetml") ? "upload.xlsx" : "upload.csv")
        var request = request
        let data = Data(buffer: try await request.collectBody(limit: BodyLimits.upload))
        let report = try await app.orders.importFile(acting, data: data, fileName: fileName, dryRun: try p.bool("dryRun"))
        return try JSONBody.response(report.translated { localizer.message(for: $0, context.language) })
    }
}
