import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing

/// Input that cannot even be read is a 400 naming the field, with a translated `detail` — never a
/// silently corrected value, a nameless "not JSON", or an English internal reason.
@Suite struct MalformedInputTests {
    @Test(arguments: TestEngine.available)
    func datesThatDoNotExist_numbersTooBig_andRanges_nameTheirField(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "温州瓯海眼镜有限公司", as: "alice")["id"] as? String)
            let activities = "/api/v1/customers/\(customer)/activities"
            for instant in ["2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-03-01T24:10:00Z", "2026-03-01 10:00", "yesterday"] {
                let reply = try await api.call(client, .post, activities, as: "alice",
                                               json: ["channel": "phone", "purpose": "回访", "occurredAt": instant])
                #expect(reply.status == 400 && reply.errorFields == ["occurredAt"], "\(instant): \(reply.text)")
                #expect(reply.string("detail")?.contains("ISO 8601") == true)
            }
            #expect(try await api.call(client, .get, activities, as: "alice").items.isEmpty)
            let offset = try await api.call(client, .post, activities, as: "alice",
                                            json: ["channel": "phone", "purpose": "回访", "occurredAt": "2024-02-29T08:30:00.5+08:00"])
            #expect(offset.status == 201, "\(offset.text)")
            #expect(offset.string("occurredAt") == "2024-02-29T00:30:00Z")

            let deals = "/api/v1/customers/\(customer)/deals"
            let huge = Data(#"{"title": "x", "stageID": "\#(DealAPITests.needs)", "amount": 99999999999999999999}"#.utf8)
            let tooBig = try await api.call(client, .post, deals, as: "alice", raw: huge, contentType: "application/json")
            #expect(tooBig.status == 400 && tooBig.errorFields == ["amount"], "\(tooBig.text)")
            let fraction = Data(#"{"lines": [{"description": "镜架", "quantity": 1, "unitPrice": 12.5}]}"#.utf8)
            let half = try await api.call(client, .post, "/api/v1/customers/\(customer)/orders", as: "alice", raw: fraction,
                                          contentType: "application/json")
            #expect(half.status == 400 && half.errorFields == ["lines[0].unitPrice"], "\(half.text)")
            let broken = try await api.call(client, .post, deals, as: "alice", raw: Data(#"{"title": "x", "#.utf8),
                                            contentType: "application/json")
            #expect(broken.status == 400 && broken.errorFields == [""])

            let negative = try await api.call(client, .post, "/api/v1/customers/\(customer)/subscriptions", as: "alice",
                                              json: ["startsOn": "2026-01-01", "termMonths": 12, "price": -1])
            #expect(negative.status == 422 && negative.errorFields == ["price"])
            let message = ((negative.json["errors"] as? [[String: any Sendable]])?.first?["message"] as? String) ?? ""
            #expect(message.contains("≥ 0") && !message.contains("（）"), "\(message)")
        }
    }

    @Test(arguments: TestEngine.available)
    func details_areTranslated_notInternalReasons(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let english: HTTPFields = [.acceptLanguage: "en"]
            let wrongType = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["name": 5], headers: english)
            #expect(wrongType.string("detail") == "Expected text.")
            let chinese = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["name": 5])
            #expect(chinese.string("detail") == "应为文本。")
            let missing = try await api.call(client, .get, "/api/v1/customers/\(UUID().uuidString)", as: "alice", headers: english)
            #expect(missing.status == 404 && missing.string("detail") == "No such customer, or you may not see it.")
            let badLimit = try await api.call(client, .get, "/api/v1/customers?limit=5000", as: "alice", headers: english)
            #expect(badLimit.status == 400 && badLimit.string("detail") == "Expected a whole number from 1 to 200.")
            let badID = try await api.call(client, .get, "/api/v1/customers/not-an-id", as: "alice")
            #expect(badID.status == 400 && badID.string("detail") == "不是有效的编号。")
        }
    }
}
