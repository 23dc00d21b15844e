import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing
import RapportApp
import RapportCore

@Suite struct CustomerAPITests {
    @Test(arguments: TestEngine.available)
    func create_read_update_delete_restore(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let created = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: [
                "name": "杭州恒达纺织有限公司", "kind": "enterprise", "size": "medium", "industry": "纺织", "region": "浙江",
                "tags": ["重点", "重点", " VIP "], "email": "buyer@hengda.example", "profile": ["needs": "每季度采购面料"],
            ])
            #expect(created.status == 201)
            let id = try #require(created.string("id"))
            #expect(created.headers[.location] == "/api/v1/customers/\(id)")
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.json["tags"] as? [String] == ["重点", "VIP"])
            #expect(created.string("ownerID") == api.world.alice.id.description)
            let updated = try await api.call(client, .patch, "/api/v1/customers/\(id)", as: "alice",
                                             json: ["status": "won", "profile": ["credit": "按时付款"], "version": 1])
            #expect(updated.status == 200)
            #expect(updated.json["version"] as? Int == 2)
            let profile = updated.json["profile"] as? [String: any Sendable]
            #expect(profile?["needs"] as? String == "每季度采购面料")
            #expect(profile?["credit"] as? String == "按时付款")
            let stale = try await api.call(client, .patch, "/api/v1/customers/\(id)", as: "alice", json: ["status": "lost", "version": 1])
            #expect(stale.status == 409)
            #expect(stale.json["currentVersion"] as? Int == 2)
            let noVersion = try await api.call(client, .patch, "/api/v1/customers/\(id)", as: "alice", json: ["status": "lost"])
            #expect(noVersion.status == 422)
            #expect(noVersion.errorFields == ["version"])
            let viaHeader = try await api.call(client, .patch, "/api/v1/customers/\(id)", as: "alice", json: ["status": "lost"],
                                               headers: [.ifMatch: "\"2\""])
            #expect(viaHeader.status == 200)
            #expect(try await api.call(client, .delete, "/api/v1/customers/\(id)", as: "alice").status == 200)
            #expect(try await api.call(client, .get, "/api/v1/customers", as: "alice").items.isEmpty)
            #expect(try await api.call(client, .get, "/api/v1/customers?deleted=only", as: "mia").items.count == 1)
            let repTrash = try await api.call(client, .get, "/api/v1/customers?deleted=only", as: "alice")
            #expect(repTrash.status == 403 && repTrash.text.contains("回收站"))
            #expect(try await api.call(client, .post, "/api/v1/customers/\(id)/restore", as: "alice").status == 200)
            #expect(try await api.call(client, .get, "/api/v1/customers", as: "alice").items.count == 1)
            let history = try await api.call(client, .get, "/api/v1/customers/\(id)/history", as: "alice")
            #expect(history.items.compactMap { $0["action"] as? String } == ["restore", "delete", "update", "update", "create"])
            let first = try #require(history.items.last)
            #expect(first["before"] is NSNull || first["before"] == nil)
            #expect((history.items[2]["after"] as? String)?.contains("按时付款") == true)
        }
    }

    @Test(arguments: TestEngine.available)
    func badInput_getsAProblemNamingTheField_andChangesNothing(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let missing = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["kind": "enterprise"])
            #expect(missing.status == 422)
            #expect(missing.errorFields == ["name"])
            #expect(missing.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            let long = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["name": String(repeating: "长", count: 201)])
            #expect(long.status == 422)
            #expect(long.errorFields == ["name"])
            let email = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["name": "A", "email": "not-an-email"])
            #expect(email.errorFields == ["email"])
            let wrongType = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["name": 5])
            #expect(wrongType.status == 400)
            #expect(wrongType.errorFields == ["name"])
            let badEnum = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["name": "A", "kind": "alien"])
            #expect(badEnum.status == 400)
            #expect(badEnum.errorFields == ["kind"])
            let unknownSection = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["name": "A", "profile": ["gossip": "x"]])
            #expect(unknownSection.errorFields == ["profile.gossip"])
            let control = try await api.call(client, .post, "/api/v1/customers", as: "alice", json: ["name": "A\u{0}B"])
            #expect(control.status == 422)
            let malformed = try await api.call(client, .post, "/api/v1/customers", as: "alice", raw: Data("{\"name\": ".utf8), contentType: "application/json")
            #expect(malformed.status == 400)
            let invalidUTF8 = try await api.call(client, .post, "/api/v1/customers", as: "alice",
                                                 raw: Data([0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), contentType: "application/json")
            #expect(invalidUTF8.status == 400)
            let wrongMedia = try await api.call(client, .post, "/api/v1/customers", as: "alice", raw: Data("name=A".utf8),
                                                contentType: "application/x-www-form-urlencoded")
            #expect(wrongMedia.status == 415)
            let badID = try await api.call(client, .get, "/api/v1/customers/not-a-uuid", as: "alice")
            #expect(badID.status == 400)
            let unknown = try await api.call(client, .get, "/api/v1/customers/\(UUID().uuidString)", as: "alice")
            #expect(unknown.status == 404)
            let badQuery = try await api.call(client, .get, "/api/v1/customers?limit=100000", as: "alice")
            #expect(badQuery.status == 400)
            #expect(badQuery.errorFields == ["limit"])
            let badCursor = try await api.call(client, .get, "/api/v1/customers?cursor=%21%21", as: "alice")
            #expect(badCursor.errorFields == ["cursor"])
            #expect(try await api.call(client, .get, "/api/v1/customers", as: "alice").items.isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func metacharacters_areStoredAndSearchedVerbatim(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let names = ["<script>alert(1)</script> 公司", "O'Brien & Sons; DROP TABLE customers; --", "100% \"quoted\" _under_"]
            for name in names { _ = try await api.customer(client, name, as: "alice") }
            let list = try await api.call(client, .get, "/api/v1/customers?limit=10", as: "alice")
            #expect(Set(list.items.compactMap { $0["name"] as? String }) == Set(names))
            #expect(try await api.call(client, .get, "/api/v1/customers?q=\("DROP TABLE".query)", as: "alice").items.count == 1)
            #expect(try await api.call(client, .get, "/api/v1/customers?q=\("<script>".query)", as: "alice").items.count == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func duplicates_areCaught_withTheirOwner_andCanBeOverridden(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            _ = try await api.customer(client, "阿里巴巴（中国）有限公司", as: "alice", extra: ["phone": "0571-85022088"])
            let same = try await api.call(client, .post, "/api/v1/customers", as: "carol", json: ["name": "阿里巴巴(中国)有限公司"])
            #expect(same.status == 409)
            let match = try #require((same.json["duplicates"] as? [[String: any Sendable]])?.first)
            #expect(match["ownerName"] as? String == "Alice")
            #expect(match["visible"] as? Bool == false)
            #expect(match["reasons"] as? [String] == ["name"])
            #expect(match["customerID"] == nil && match["ownerID"] == nil, "an invisible match must not leak its ids")
            let phone = try await api.call(client, .get, "/api/v1/customers/duplicates?name=x&phone=057185022088", as: "bob")
            #expect(phone.items.count == 1)
            let hidden = try #require(try await api.call(client, .get, "/api/v1/customers/duplicates?name=x&phone=057185022088",
                                                         as: "carol").items.first)
            #expect(hidden["visible"] as? Bool == false && hidden["customerID"] == nil && hidden["ownerID"] == nil)
            #expect(hidden["ownerName"] as? String == "Alice")
            let forced = try await api.call(client, .post, "/api/v1/customers?allowDuplicate=true", as: "carol", json: ["name": "阿里巴巴(中国)有限公司"])
            #expect(forced.status == 201)
        }
    }

    @Test(arguments: TestEngine.available)
    func list_filtersSortsAndPagesWithCursors(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            for i in 0..<7 {
                _ = try await api.customer(client, "客户\(i)", as: "alice",
                                           extra: ["status": i % 2 == 0 ? "won" : "lost", "region": i < 3 ? "浙江" : "江苏", "tags": i == 1 ? ["VIP"] : [String]()])
            }
            var names: [String] = []
            var uri = "/api/v1/customers?limit=3&sort=-name"
            while true {
                let page = try await api.call(client, .get, uri, as: "alice")
                names += page.items.compactMap { $0["name"] as? String }
                guard let next = page.string("nextCursor") else { break }
                uri = "/api/v1/customers?limit=3&sort=-name&cursor=\(next)"
            }
            #expect(names == (0..<7).reversed().map { "客户\($0)" })
            #expect(try await api.call(client, .get, "/api/v1/customers?status=won", as: "alice").items.count == 4)
            #expect(try await api.call(client, .get, "/api/v1/customers?status=won&region=\("浙江".query)", as: "alice").items.count == 2)
            #expect(try await api.call(client, .get, "/api/v1/customers?tag=VIP", as: "alice").items.compactMap { $0["name"] as? String } == ["客户1"])
            #expect(try await api.call(client, .get, "/api/v1/customers?sort=rank", as: "alice").status == 400)
        }
    }
}
