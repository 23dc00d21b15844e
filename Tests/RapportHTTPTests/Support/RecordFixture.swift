import Foundation
import HTTPTypes
import RapportCore
import RapportApp
import HummingbirdTesting
import RapportTestSupport
import Testing

/// One real record of every kind a path parameter can name, all belonging to alice (or, for
/// the shared catalog, created by the admin), so a test can walk every route of the API and
/// the pages with real ids instead of a hand-kept list.
struct RecordFixture: Sendable {
    /// The path segment before a parameter (`customers` in `/customers/{id}`) → the id to use.
    let ids: [String: String]
    /// Segments whose records belong to one rep's customers or to one user (customers,
    /// contacts, orders, tokens…), as opposed to the shared catalog every signed-in user may read.
    static let owned: Set<String> = [
        "customers", "contacts", "activities", "notes", "commitments", "care-dates", "deals", "orders", "receipts",
        "subscriptions", "results", "lifecycle-facts", "handovers", "merges", "notices", "tokens", "views",
    ]
    /// Segments of the shared catalog (read by everyone, written by admins).
    static let catalog: Set<String> = [
        "users", "teams", "pools", "deal-stages", "custom-fields", "product-categories", "products",
        "reference-files", "reference", "fields", "pipeline",
    ]

    /// The kind a parameter names: the nearest segment before it that is a known kind
    /// (`/pool/claim/{id}` names a customer); nil when the route names none.
    static func kind(of segments: [Substring], at index: Int) -> String? {
        var i = index - 1
        while i >= 0 {
            let name = String(segments[i])
            if owned.contains(name) || catalog.contains(name) { return name }
            if name == "claim" || name == "assign" { return "customers" }
            i -= 1
        }
        return nil
    }

    /// The fixture key a path's parameter at `index` names.
    static func key(_ segments: [Substring], at index: Int, template: String) throws -> String {
        switch segments[index] {
        case "{factId}": return "lifecycle-facts"
        case "{result}": return "results"
        case "{name}": return "reference-files"
        default:
            guard let kind = kind(of: segments, at: index) else { throw FixtureError("no kind for \(template)") }
            return ["reference": "reference-files", "fields": "custom-fields", "pipeline": "deal-stages"][kind] ?? kind
        }
    }

    /// Fills every `{param}` of a path with the fixture's id of its kind; `missing` replaces the
    /// ids by fresh random ones (the "no such record" twin of a call).
    func fill(_ template: String, missing: Bool = false) throws -> String {
        let segments = template.split(separator: "/", omittingEmptySubsequences: false)
        return try segments.indices.map { index in
            guard segments[index].hasPrefix("{") else { return String(segments[index]) }
            let key = try Self.key(segments, at: index, template: template)
            guard let id = ids[key] else { throw FixtureError("the fixture has no \(key) (needed by \(template))") }
            return missing && key != "reference-files" ? UUID().uuidString.lowercased() : id
        }.joined(separator: "/")
    }

    /// The kinds a path's parameters name, outermost first.
    func kinds(_ template: String) throws -> [String] {
        let segments = template.split(separator: "/", omittingEmptySubsequences: false)
        return try segments.indices.filter { segments[$0].hasPrefix("{") }.map { try Self.key(segments, at: $0, template: template) }
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ text: String) { description = text }
    }

    /// Creates the records through the API, as their owners would.
    static func make(_ api: APIHarness, _ client: any TestClientProtocol) async throws -> RecordFixture {
        func id(_ reply: Reply, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            #expect((200..<300).contains(reply.status), "\(what): \(reply.status) \(reply.text)", sourceLocation: sourceLocation)
            return try #require(reply.string("id"), "\(what) has an id", sourceLocation: sourceLocation)
        }
        let today = api.today().description
        var ids: [String: String] = [:]
        let customer = try #require(try await api.customer(client, "枚举测试客户", as: "alice")["id"] as? String)
        ids["customers"] = customer
        let base = "/api/v1/customers/\(customer)"
        ids["contacts"] = try await api.keyPerson(client, customer, "王经理", as: "alice")
        ids["activities"] = try id(try await api.call(client, .post, "\(base)/activities", as: "alice", json: [
            "channel": "phone", "purpose": "拜访", "occurredAt": ISO8601DateFormatter().string(from: api.world.clock.now()),
        ]), "activity")
        ids["notes"] = try id(try await api.call(client, .post, "\(base)/notes", as: "alice", json: ["body": "第一次见面"]), "note")
        ids["commitments"] = try #require(try await api.promise(client, customer, "寄样品", due: api.today(plus: 3), as: "alice")["id"] as? String)
        ids["care-dates"] = try id(try await api.call(client, .post, "\(base)/care-dates", as: "alice", json: [
            "kind": "birthday", "month": 5, "day": 20, "contactID": ids["contacts"] ?? "",
        ]), "care date")
        let stage = try #require(try await api.call(client, .get, "/api/v1/deal-stages", as: "admin").items.first?["id"] as? String)
        ids["deal-stages"] = stage
        ids["deals"] = try id(try await api.call(client, .post, "\(base)/deals", as: "alice",
                                                 json: ["title": "年度合同", "amount": 100_000, "stageID": stage]), "deal")
        ids["product-categories"] = try id(try await api.call(client, .post, "/api/v1/product-categories", as: "admin",
                                                              json: ["name": "软件"]), "category")
        let product = try id(try await api.call(client, .post, "/api/v1/products", as: "admin", json: [
            "code": "ENUM-1", "name": "年度服务", "price": 1000, "termMonths": 12, "categoryID": ids["product-categories"] ?? "",
        ]), "product")
        ids["products"] = product
        let order = try id(try await api.call(client, .post, "\(base)/orders", as: "alice", json: [
            "orderedOn": today, "lines": [["productID": product, "quantity": 2, "unitPrice": 1000] as [String: any Sendable]],
        ]), "order")
        ids["orders"] = order
        let plan = try await api.call(client, .put, "/api/v1/orders/\(order)/payment-plan", as: "alice", json: [
            "instalments": [["amount": 2000, "dueOn": api.today(plus: 30).description] as [String: any Sendable]],
        ])
        #expect(plan.status == 200, "payment plan: \(plan.text)")
        let received = try await api.call(client, .post, "/api/v1/orders/\(order)/receipts", as: "alice", json: [
            "amount": 500, "receivedOn": today, "method": "bankTransfer",
        ])
        ids["receipts"] = try #require((received.json["receipts"] as? [[String: any Sendable]])?.first?["id"] as? String,
                                       "receipt: \(received.text)")
        ids["subscriptions"] = try id(try await api.call(client, .post, "\(base)/subscriptions", as: "alice", json: [
            "productID": product, "startsOn": today, "termMonths": 12, "price": 1000,
        ]), "subscription")
        ids["results"] = try id(try await api.call(client, .post, "\(base)/results", as: "alice", json: [
            "on": today, "measure": "longTermCustomers", "value": 3,
        ]), "result")
        ids["lifecycle-facts"] = try id(try await api.call(client, .post, "\(base)/lifecycle-facts", as: "alice", json: [
            "kind": "exclusive", "evidence": "独家协议",
        ]), "lifecycle fact")
        // A merge of two other customers of alice's (the main one stays whole).
        let kept = try #require(try await api.customer(client, "合并保留方", as: "alice")["id"] as? String)
        let gone = try #require(try await api.customer(client, "合并被并方", as: "alice")["id"] as? String)
        ids["merges"] = try id(try await api.call(client, .post, "/api/v1/customers/merge", as: "alice",
                                                  json: ["survivorID": kept, "mergedID": gone]), "merge")
        // A customer handed over from bob to alice gives her a handover and a notice.
        let handed = try #require(try await api.customer(client, "交接客户", as: "bob")["id"] as? String)
        let given = try await api.call(client, .patch, "/api/v1/customers/\(handed)", as: "admin",
                                       json: ["ownerID": api.world.alice.id.description, "version": 1])
        #expect(given.status == 200, "handover: \(given.text)")
        ids["handovers"] = try #require(try await api.call(client, .get, "/api/v1/handovers", as: "alice").items.first?["id"] as? String)
        ids["notices"] = try #require(try await api.call(client, .get, "/api/v1/notices", as: "alice").items.first?["id"] as? String)
        ids["tokens"] = try #require(try await api.call(client, .get, "/api/v1/tokens", as: "alice").items.first?["id"] as? String)
        ids["views"] = try id(try await api.call(client, .post, "/api/v1/views", as: "alice", json: [
            "name": "待跟进的猜想客户", "query": "stage=suspect&sort=lastTouch",
        ]), "saved view")
        ids["users"] = api.world.alice.id.description
        ids["teams"] = api.world.east.id.description
        ids["pools"] = try #require(try await api.call(client, .get, "/api/v1/pools", as: "admin").items.first?["id"] as? String)
        ids["custom-fields"] = try id(try await api.call(client, .post, "/api/v1/custom-fields", as: "admin", json: [
            "object": "customer", "key": "region", "labelZh": "区域", "labelEn": "Region", "kind": "text",
        ]), "custom field")
        ids["reference-files"] = try #require(
            try await api.call(client, .get, "/api/v1/admin/reference-files", as: "admin").items.first?["name"] as? String)
        return RecordFixture(ids: ids)
    }
}
