import Foundation
import Hummingbird
import HummingbirdTesting
import RapportTestSupport
import Testing
import RapportApp
import RapportCore

/// A rep never sees or changes another rep's customer: by id, list, search, count, export,
/// children or history. Managers see their team; admins see all.
@Suite struct AccessControlTests {
    @Test(arguments: TestEngine.available)
    func otherRep_getsNotFoundEverywhere_andChangesNothing(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let created = try await api.customer(client, "阿里巴巴（中国）有限公司", as: "alice", extra: ["phone": "13800138000"])
            let id = try #require(created["id"] as? String)
            for (method, uri) in [(HTTPRequest.Method.get, "/api/v1/customers/\(id)"), (.delete, "/api/v1/customers/\(id)"),
                                  (.post, "/api/v1/customers/\(id)/restore"), (.get, "/api/v1/customers/\(id)/history"),
                                  (.get, "/api/v1/customers/\(id)/contacts"), (.get, "/api/v1/customers/\(id)/activities"),
                                  (.get, "/api/v1/customers/\(id)/notes")] {
                let reply = try await api.call(client, method, uri, as: "bob")
                #expect(reply.status == 404, "\(method) \(uri) → \(reply.status)")
                #expect(reply.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            }
            let patch = try await api.call(client, .patch, "/api/v1/customers/\(id)", as: "bob", json: ["name": "hijacked", "version": 1])
            #expect(patch.status == 404)
            let contact = try await api.call(client, .post, "/api/v1/customers/\(id)/contacts", as: "bob", json: ["name": "X"])
            #expect(contact.status == 404)
            let activity = try await api.call(client, .post, "/api/v1/customers/\(id)/activities", as: "bob",
                                              json: ["channel": "phone", "purpose": "x"])
            #expect(activity.status == 404)
            #expect(try await api.call(client, .get, "/api/v1/customers", as: "bob").items.isEmpty)
            #expect(try await api.call(client, .get, "/api/v1/customers?q=\("阿里".query)", as: "bob").items.isEmpty)
            #expect(try await api.call(client, .get, "/api/v1/customers?q=138", as: "bob").items.isEmpty)
            let export = try await api.call(client, .get, "/api/v1/customers/export?format=csv", as: "bob")
            #expect(export.status == 200)
            #expect(!export.text.contains("阿里巴巴"))
            // Carol is in another team: nothing either.
            #expect(try await api.call(client, .get, "/api/v1/customers/\(id)", as: "carol").status == 404)
            // Unchanged for the owner.
            let mine = try await api.call(client, .get, "/api/v1/customers/\(id)", as: "alice")
            #expect(mine.string("name") == "阿里巴巴（中国）有限公司")
            #expect(mine.json["version"] as? Int == 1)
            #expect(try await api.call(client, .get, "/api/v1/customers?q=\("阿里".query)", as: "alice").items.count == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func manager_seesTheTeam_andReassignsWithinIt_repsCannotReassign(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let created = try await api.customer(client, "Contoso", as: "alice")
            let id = try #require(created["id"] as? String)
            let bobID = api.world.bob.id.description
            let carolID = api.world.carol.id.description
            #expect(try await api.call(client, .get, "/api/v1/customers/\(id)", as: "mia").status == 200)
            #expect(try await api.call(client, .get, "/api/v1/customers", as: "mia").items.count == 1)
            let byRep = try await api.call(client, .patch, "/api/v1/customers/\(id)", as: "alice", json: ["ownerID": bobID, "version": 1])
            #expect(byRep.status == 403)
            let outside = try await api.call(client, .patch, "/api/v1/customers/\(id)", as: "mia", json: ["ownerID": carolID, "version": 1])
            #expect(outside.status == 403)
            let moved = try await api.call(client, .patch, "/api/v1/customers/\(id)", as: "mia", json: ["ownerID": bobID, "version": 1])
            #expect(moved.status == 200)
            #expect(moved.string("ownerID") == bobID)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(id)", as: "alice").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(id)", as: "bob").status == 200)
            let history = try await api.call(client, .get, "/api/v1/customers/\(id)/history", as: "bob")
            #expect(history.items.contains { $0["action"] as? String == "reassign" })
            #expect(try await api.call(client, .get, "/api/v1/customers/\(id)", as: "admin").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func anonymousAndRevokedTokens_areUnauthenticated(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let anonymous = try await api.call(client, .get, "/api/v1/customers", as: nil)
            #expect(anonymous.status == 401)
            #expect(anonymous.headers[.wwwAuthenticate] == "Bearer")
            let wrong = try await api.call(client, .get, "/api/v1/customers", as: nil, headers: [.authorization: "Bearer rpt_nope"])
            #expect(wrong.status == 401)
            let created = try await api.call(client, .post, "/api/v1/tokens", as: "alice", json: ["name": "script"])
            #expect(created.status == 201)
            let secret = try #require(created.string("token"))
            let tokenID = try #require(created.string("id"))
            #expect(try await api.call(client, .get, "/api/v1/me", as: nil, headers: [.authorization: "Bearer \(secret)"]).string("username") == "alice")
            #expect(try await api.call(client, .delete, "/api/v1/tokens/\(tokenID)", as: "bob").status == 404)
            #expect(try await api.call(client, .delete, "/api/v1/tokens/\(tokenID)", as: "alice").status == 204)
            #expect(try await api.call(client, .get, "/api/v1/me", as: nil, headers: [.authorization: "Bearer \(secret)"]).status == 401)
        }
    }

    @Test(arguments: TestEngine.available)
    func adminOnlyActions_areForbiddenToReps(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let user = try await api.call(client, .post, "/api/v1/users", as: "alice", json: ["username": "eve", "role": "admin"])
            #expect(user.status == 403)
            let team = try await api.call(client, .post, "/api/v1/teams", as: "alice", json: ["name": "Mine"])
            #expect(team.status == 403)
            let field = try await api.call(client, .post, "/api/v1/custom-fields", as: "mia",
                                           json: ["object": "customer", "key": "level", "labelZh": "级别", "labelEn": "Level", "kind": "text"])
            #expect(field.status == 403)
            let selfPromotion = try await api.call(client, .patch, "/api/v1/users/\(api.world.alice.id)", as: "alice",
                                                   json: ["role": "admin", "version": 1])
            #expect(selfPromotion.status == 403)
            #expect(try await api.call(client, .get, "/api/v1/me", as: "alice").string("role") == "rep")
        }
    }
}

@Suite struct TeamLifecycleTests {
    @Test(arguments: TestEngine.available)
    func teams_withActiveMembersStay_emptyOnesAreDeletedAndRestored(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let east = api.world.east.id.description
            let busy = try await api.call(client, .delete, "/api/v1/teams/\(east)", as: "admin")
            #expect(busy.errorFields == ["team"])
            let empty = try await api.call(client, .post, "/api/v1/teams", as: "admin", json: ["name": "华南销售部"])
            let id = try #require(empty.string("id"))
            #expect(try await api.call(client, .delete, "/api/v1/teams/\(id)", as: "alice").status == 403)
            let deleted = try await api.call(client, .delete, "/api/v1/teams/\(id)", as: "admin")
            #expect(deleted.status == 200)
            #expect(deleted.string("deletedAt") != nil)
            #expect(!(try await api.call(client, .get, "/api/v1/teams", as: "alice").items.contains { $0["id"] as? String == id }))
            #expect(try await api.call(client, .get, "/api/v1/teams?includeDeleted=true", as: "admin").items.contains { $0["id"] as? String == id })
            let joining = try await api.call(client, .post, "/api/v1/users", as: "admin", json: ["username": "zoe", "role": "rep", "teamID": id])
            #expect(joining.errorFields == ["teamID"])
            #expect(try await api.call(client, .post, "/api/v1/teams/\(id)/restore", as: "admin").status == 200)
            let joined = try await api.call(client, .post, "/api/v1/users", as: "admin", json: ["username": "zoe", "role": "rep", "teamID": id])
            #expect(joined.status == 201)
        }
    }
}
