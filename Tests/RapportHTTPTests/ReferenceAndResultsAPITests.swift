import Foundation
import Hummingbird
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportTestSupport
import Testing

/// Reference files an admin edits over the API, and results imported from a file.
@Suite struct ReferenceAndResultsAPITests {
    @Test(arguments: TestEngine.available)
    func referenceFiles_adminEditsValidatesAndResets_repIsRefused(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let list = try await api.call(client, .get, "/api/v1/admin/reference-files", as: "admin")
            #expect(list.status == 200)
            #expect(list.items.count == 9)
            #expect(list.items.contains { $0["name"] as? String == "churn-reasons" })
            #expect(try await api.call(client, .get, "/api/v1/admin/reference-files", as: "alice").status == 403)
            #expect(try await api.call(client, .get, "/api/v1/admin/reference-files/tone-rules.en", as: "mia").status == 403)
            #expect(try await api.call(client, .get, "/api/v1/admin/reference-files/nothing", as: "admin").status == 404)

            let shipped = try await api.call(client, .get, "/api/v1/admin/reference-files/tone-rules.en", as: "admin")
            #expect(shipped.json["edited"] as? Bool == false)
            #expect(shipped.json["version"] as? Int == 0)
            let content = try #require(shipped.json["content"] as? String)
            var file = try #require(try JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any])
            var rules = try #require(file["rules"] as? [[String: Any]])
            rules.append(["id": "en.test.whatever", "category": "provocation", "patterns": ["as per my previous email"],
                          "why": "It dismisses the customer.", "better": "Acknowledge what they said, then answer it."])
            file["rules"] = rules
            let edited = String(decoding: try JSONSerialization.data(withJSONObject: file), as: UTF8.self)

            let broken = try await api.call(client, .put, "/api/v1/admin/reference-files/tone-rules.en", as: "admin",
                                            json: ["content": "{\"rules\": [", "version": 0])
            #expect(broken.status == 422)
            #expect(broken.errorFields == ["content"])
            let rep = try await api.call(client, .put, "/api/v1/admin/reference-files/tone-rules.en", as: "alice",
                                         json: ["content": edited, "version": 0])
            #expect(rep.status == 403)

            let saved = try await api.call(client, .put, "/api/v1/admin/reference-files/tone-rules.en", as: "admin",
                                           json: ["content": edited, "version": 0])
            #expect(saved.status == 200)
            #expect(saved.json["edited"] as? Bool == true)
            #expect(saved.json["version"] as? Int == 1)
            let stale = try await api.call(client, .put, "/api/v1/admin/reference-files/tone-rules.en", as: "admin",
                                           json: ["content": edited, "version": 0])
            #expect(stale.status == 409)

            let flagged = try await api.call(client, .post, "/api/v1/tone-check", as: "alice", json: ["text": "As per my previous email, Mr Li."])
            #expect(((flagged.json["findings"] as? [[String: any Sendable]]) ?? []).contains { $0["ruleID"] as? String == "en.test.whatever" })

            let reset = try await api.call(client, .delete, "/api/v1/admin/reference-files/tone-rules.en", as: "admin")
            #expect(reset.status == 200)
            #expect(reset.json["edited"] as? Bool == false)
            let after = try await api.call(client, .post, "/api/v1/tone-check", as: "alice", json: ["text": "As per my previous email, Mr Li."])
            #expect(!((after.json["findings"] as? [[String: any Sendable]]) ?? []).contains { $0["ruleID"] as? String == "en.test.whatever" })
        }
    }

    @Test(arguments: TestEngine.available)
    func resultsImport_keepsGoodRows_reportsBadOnes_andFeedsTheBaseline(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "宁波金桥五金有限公司", as: "alice")["id"] as? String)
            _ = try await api.customer(client, "卡罗尔的客户", as: "carol")
            let csv = """
                客户名称,日期,指标,数值,备注
                宁波金桥五金有限公司,\(api.today(plus: -30)),订单,4,第三季度
                卡罗尔的客户,\(api.today(plus: -30)),orders,2,
                宁波金桥五金有限公司,2026-02-30,units,x,
                宁波金桥五金有限公司,\(api.today(plus: 30)),orders,1,
                """
            let report = try await api.call(client, .post, "/api/v1/results/import?fileName=r.csv", as: "alice",
                                            raw: Data(csv.utf8), contentType: "text/csv")
            #expect(report.status == 200)
            #expect(report.json["imported"] as? Int == 1)
            let rejected = (report.json["rejected"] as? [[String: any Sendable]]) ?? []
            #expect(rejected.compactMap { $0["line"] as? Int } == [3, 4, 5])
            // A result dated after tomorrow is refused on its own line, in words naming the date.
            let future = rejected.first { $0["line"] as? Int == 5 }?["errors"] as? [[String: any Sendable]]
            #expect(future?.compactMap { $0["field"] as? String } == ["on"])
            let situation = try await api.call(client, .put, "/api/v1/customers/\(customer)/situation", as: "alice",
                                               json: ["businessType": "other", "version": 0])
            let expectation = try #require(situation.json["expectation"] as? [String: any Sendable])
            #expect(expectation["measure"] as? String == "orders")
            #expect(expectation["measured"] as? Int == 4)
            let results = try await api.call(client, .get, "/api/v1/customers/\(customer)/results", as: "alice").items
            #expect(results.count == 1)
        }
    }
}
