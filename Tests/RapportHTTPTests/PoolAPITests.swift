import Foundation
import HummingbirdTesting
import RapportApp
import RapportCore
import RapportStore
import RapportTestSupport
import Testing
import HTTPTypes

/// The public pool (公海): claims within the caps, cool-off, assignment, release, locks, the
/// recycle pass with its warning, and exactly one winner when two reps claim at once.
@Suite struct PoolAPITests {
    static let pool = "/api/v1/pools/00000000-0000-4000-8000-00000000b001"
    static let day: TimeInterval = 86_400

    /// A customer in the default pool: created by the admin and released (so only the admin cools off).
    static func pooled(_ api: APIHarness, _ client: any TestClientProtocol, _ name: String) async throws -> String {
        let id = try #require(try await api.customer(client, name, as: "admin", extra: ["industry": "制造业", "region": "华东"])["id"] as? String)
        let released = try await api.call(client, .post, "/api/v1/customers/\(id)/release", as: "admin", json: ["reason": "seed"])
        #expect(released.status == 204, "\(released.text)")
        return id
    }

    static func rules(_ api: APIHarness, _ client: any TestClientProtocol, _ json: [String: any Sendable]) async throws {
        let current = try await api.call(client, .get, pool, as: "admin")
        var body = json
        body["version"] = current.json["version"] as? Int ?? 0
        let reply = try await api.call(client, .patch, pool, as: "admin", json: body)
        #expect(reply.status == 200, "\(reply.text)")
    }

    static func claim(_ api: APIHarness, _ client: any TestClientProtocol, _ id: String, as user: String) async throws -> Reply {
        try await api.call(client, .post, "/api/v1/customers/\(id)/claim", as: user)
    }

    /// The first field error's field and code.
    static func problem(_ reply: Reply) -> [String] {
        let first = (reply.json["errors"] as? [[String: any Sendable]])?.first
        return [first?["field"] as? String ?? "", first?["code"] as? String ?? ""]
    }

    static func message(_ reply: Reply) -> String {
        ((reply.json["errors"] as? [[String: any Sendable]])?.first?["message"] as? String) ?? ""
    }

    @Test(arguments: TestEngine.available)
    func claim_isStoppedAtTheDailyAndHoldingCaps_andClosedCustomersDoNotCount(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            try await Self.rules(api, client, ["dailyClaimCap": 2, "holdingCap": 50])
            var ids: [String] = []
            for n in 1...4 { ids.append(try await Self.pooled(api, client, "公海客户\(n)")) }
            // Alice sees the pool's basic fields, but not the customer file, until she claims it.
            let members = try await api.call(client, .get, "\(Self.pool)/customers?limit=2", as: "alice")
            #expect(members.status == 200)
            #expect(members.items.count == 2 && members.json["nextCursor"] is String)
            #expect(members.items.first?["industry"] as? String == "制造业")
            #expect(members.items.first?["previousOwnerID"] as? String == api.world.admin.id.description)
            // Keyset paging, newest first: two pages of two hold all four, each once.
            let cursor = try #require(members.json["nextCursor"] as? String)
            let second = try await api.call(client, .get, "\(Self.pool)/customers?limit=2&cursor=\(cursor.query)", as: "alice")
            let paged = (members.items + second.items).compactMap { $0["customerID"] as? String }
            #expect(paged == ids.reversed())
            #expect(try await api.call(client, .get, "/api/v1/customers/\(ids[0])", as: "alice").status == 404)
            #expect(try await Self.claim(api, client, ids[0], as: "alice").status == 200)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(ids[0])", as: "alice").string("ownerID") == api.world.alice.id.description)
            #expect(try await Self.claim(api, client, ids[1], as: "alice").status == 200)
            let capped = try await Self.claim(api, client, ids[2], as: "alice")
            #expect(capped.status == 422)
            #expect(capped.headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(Self.problem(capped) == ["customer", "poolDailyCap"] && Self.message(capped).contains("2/2"))
            let standing = try await api.call(client, .get, "\(Self.pool)/standing", as: "alice")
            #expect(standing.json["claimedToday"] as? Int == 2 && standing.json["dailyClaimCap"] as? Int == 2)

            // Next day: the holding cap (2) stops her; a won customer no longer counts.
            try await Self.rules(api, client, ["holdingCap": 2])
            api.world.clock.advance(by: Self.day)
            let held = try await Self.claim(api, client, ids[2], as: "alice")
            #expect(held.status == 422 && Self.problem(held) == ["customer", "poolHoldingCap"] && Self.message(held).contains("2/2"))
            let won = try await api.call(client, .patch, "/api/v1/customers/\(ids[0])", as: "alice", json: ["status": "won", "version": 3])
            #expect(won.status == 200, "\(won.text)")
            #expect(try await Self.claim(api, client, ids[2], as: "alice").status == 200)
            try await Self.rules(api, client, ["countClosed": true])
            #expect(try await Self.claim(api, client, ids[3], as: "alice").status == 422)
            // Claimed customers left the member list; an owned one cannot be claimed again, and one
            // the claimant may not see is not even acknowledged (404, as for an id that does not exist).
            let left = try await api.call(client, .get, "\(Self.pool)/customers", as: "bob")
            #expect(left.items.compactMap { $0["customerID"] as? String } == [ids[3]])
            #expect(try await Self.claim(api, client, ids[0], as: "bob").status == 404)
            #expect(try await Self.claim(api, client, ids[0], as: "mia").status == 409)
            #expect(try await Self.claim(api, client, UUID().uuidString, as: "bob").status == 404)
        }
    }

    @Test(arguments: TestEngine.available)
    func aCustomerWithALiveOrder_leavesTheHoldingCount_untilTheOrderIsCancelled(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            try await Self.rules(api, client, ["holdingCap": 2])
            let held = try await api.call(client, .get, "\(Self.pool)/standing", as: "alice").json["holding"] as? Int ?? -1
            let id = try await Self.pooled(api, client, "下单后的公海客户")
            #expect(try await Self.claim(api, client, id, as: "alice").status == 200)
            func holding() async throws -> Int? {
                try await api.call(client, .get, "\(Self.pool)/standing", as: "alice").json["holding"] as? Int
            }
            #expect(try await holding() == held + 1)
            let order = try await api.call(client, .post, "/api/v1/customers/\(id)/orders", as: "alice", json: [
                "orderedOn": api.today().description,
                "lines": [["description": "试用装", "quantity": 1, "unitPrice": 9_900] as [String: any Sendable]],
            ])
            #expect(order.status == 201, "\(order.text)")
            #expect(try await holding() == held)
            let orderID = try #require(order.string("id"))
            #expect(try await api.call(client, .post, "/api/v1/orders/\(orderID)/cancel", as: "alice").string("status") == "cancelled")
            #expect(try await holding() == held + 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func release_needsAReason_isForTheOwner_andThePreviousOwnerCoolsOff(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            try await Self.rules(api, client, ["cooloffDays": 7])
            let id = try await Self.pooled(api, client, "冷静期客户")
            #expect(try await Self.claim(api, client, id, as: "alice").status == 200)
            let bare = try await api.call(client, .post, "/api/v1/customers/\(id)/release", as: "alice", json: [:])
            #expect(bare.status == 422 && bare.errorFields == ["reason"])
            let carol = try await api.call(client, .post, "/api/v1/customers/\(id)/release", as: "carol", json: ["reason": "x"])
            #expect(carol.status == 404)
            #expect(try await api.call(client, .post, "/api/v1/customers/\(id)/release", as: "alice",
                                       json: ["reason": "预算冻结"]).status == 204)
            let again = try await Self.claim(api, client, id, as: "alice")
            #expect(again.status == 422 && again.text.contains("poolCoolingOff"))
            api.world.clock.advance(by: 8 * Self.day)
            #expect(try await Self.claim(api, client, id, as: "alice").status == 200)
            let events = try await api.call(client, .get, "/api/v1/customers/\(id)/pool-events", as: "alice")
            #expect(events.items.compactMap { $0["kind"] as? String } == ["claimed", "released", "claimed", "released"])
            #expect(events.items[1]["reason"] as? String == "预算冻结")
        }
    }

    @Test(arguments: TestEngine.available)
    func assign_isForManagersWithinTheirTeams(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let id = try await Self.pooled(api, client, "待分配客户")
            let bob = api.world.bob.id.description, carol = api.world.carol.id.description
            let byRep = try await api.call(client, .post, "/api/v1/customers/\(id)/assign", as: "alice", json: ["userID": bob])
            #expect(byRep.status == 403)
            let outside = try await api.call(client, .post, "/api/v1/customers/\(id)/assign", as: "mia", json: ["userID": carol])
            #expect(outside.status == 403)
            let noUser = try await api.call(client, .post, "/api/v1/customers/\(id)/assign", as: "mia", json: [:])
            #expect(noUser.status == 422 && noUser.errorFields == ["userID"])
            let given = try await api.call(client, .post, "/api/v1/customers/\(id)/assign", as: "mia", json: ["userID": bob])
            #expect(given.status == 200 && given.string("ownerID") == bob)
            let notices = try await api.call(client, .get, "/api/v1/notices?unread=true", as: "bob")
            #expect(notices.items.contains { $0["kind"] as? String == "handoverReceived" })
            // Owned now: the manager's assign is a reassignment; the admin may give it to anyone.
            let moved = try await api.call(client, .post, "/api/v1/customers/\(id)/assign", as: "admin", json: ["userID": carol])
            #expect(moved.status == 200 && moved.string("ownerID") == carol)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(id)/pool-events", as: "admin").items.first?["kind"] as? String == "assigned")
        }
    }

    @Test(arguments: TestEngine.available)
    func recycle_warnsFirst_thenReturnsTheCustomer_andLocksExempt(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            try await Self.rules(api, client, ["noFollowUpDays": 10, "warnDays": 3, "lockCap": 1])
            let idle = try await Self.pooled(api, client, "被冷落的客户")
            let kept = try await Self.pooled(api, client, "锁定的客户")
            let other = try await Self.pooled(api, client, "第三个客户")
            for id in [idle, kept, other] { #expect(try await Self.claim(api, client, id, as: "alice").status == 200) }
            #expect(try await api.call(client, .post, "/api/v1/customers/\(kept)/lock", as: "alice").status == 200)
            let overCap = try await api.call(client, .post, "/api/v1/customers/\(other)/lock", as: "alice")
            #expect(overCap.status == 422 && overCap.text.contains("poolLockCap"))
            #expect(try await api.call(client, .post, "/api/v1/customers/\(kept)/lock", as: "bob").status == 404)
            #expect(try await api.call(client, .post, "/api/v1/pool/recycle", as: "alice", json: [:]).status == 403)

            api.world.clock.advance(by: 8 * Self.day)
            let warned = try await api.call(client, .post, "/api/v1/pool/recycle", as: "admin", json: [:])
            #expect(warned.status == 200)
            let warnedIDs = ((warned.json["warned"] as? [[String: any Sendable]]) ?? []).compactMap { $0["customerID"] as? String }
            #expect(Set(warnedIDs) == [idle, other])
            #expect((warned.json["recycled"] as? [Any])?.isEmpty == true)
            _ = try await api.call(client, .post, "/api/v1/pool/recycle", as: "admin", json: [:])
            let notices = try await api.call(client, .get, "/api/v1/notices?unread=true", as: "alice")
            #expect(notices.items.filter { $0["kind"] as? String == "poolRecycleWarning" }.count == 2)
            // The owner's agenda lists them under "returning to the pool", soonest first; the locked one is not there.
            let agenda = try await api.call(client, .get, "/api/v1/agenda", as: "alice")
            let returning = agenda.items.filter { $0["kind"] as? String == "poolRecycle" }
            #expect(Set(returning.compactMap { $0["customerID"] as? String }) == [idle, other])
            #expect(returning.allSatisfy { $0["days"] as? Int == 2 })
            #expect(try await api.call(client, .get, "/api/v1/agenda", as: "bob").items.allSatisfy { $0["kind"] as? String != "poolRecycle" })
            // A follow-up after the warning takes the customer off the agenda at once, before the next pass.
            let followUp = try await api.call(client, .post, "/api/v1/customers/\(other)/activities", as: "alice", json: [
                "channel": "phone", "purpose": "回访", "occurredAt": ISO8601DateFormatter().string(from: api.world.clock.now()),
            ])
            #expect(followUp.status == 201)
            let afterFollowUp = try await api.call(client, .get, "/api/v1/agenda", as: "alice")
            #expect(afterFollowUp.items.filter { $0["kind"] as? String == "poolRecycle" }.compactMap { $0["customerID"] as? String } == [idle])

            api.world.clock.advance(by: 3 * Self.day)
            let dry = try await api.call(client, .post, "/api/v1/pool/recycle", as: "admin", json: ["dryRun": true])
            #expect((dry.json["recycled"] as? [Any])?.count == 1)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(idle)", as: "alice").status == 200)
            let pass = try await api.call(client, .post, "/api/v1/pool/recycle", as: "admin", json: [:])
            #expect((pass.json["recycled"] as? [[String: any Sendable]])?.compactMap { $0["reason"] as? String } == ["noFollowUp"])
            #expect(try await api.call(client, .get, "/api/v1/customers/\(idle)", as: "alice").status == 404)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(idle)", as: "admin").json["ownerID"] == nil)
            #expect(try await api.call(client, .get, "/api/v1/customers/\(kept)", as: "alice").status == 200)
            let events = try await api.call(client, .get, "/api/v1/customers/\(idle)/pool-events", as: "admin")
            #expect(events.items.first?["kind"] as? String == "recycled")
            #expect(events.items.first?["previousOwnerID"] as? String == api.world.alice.id.description)
            let recycledNotices = try await api.call(client, .get, "/api/v1/notices?unread=true", as: "alice")
            #expect(recycledNotices.items.filter { $0["kind"] as? String == "poolRecycled" }.count == 1)
            let members = try await api.call(client, .get, "\(Self.pool)/customers", as: "bob")
            #expect(Set(members.items.compactMap { $0["customerID"] as? String }) == [idle])
            #expect(try await api.call(client, .get, "/api/v1/customers/\(other)", as: "alice").status == 200)
            #expect(try await api.call(client, .post, "/api/v1/customers/\(kept)/unlock", as: "alice").status == 200)
        }
    }

    @Test(arguments: TestEngine.available)
    func twoRepsClaimingAtOnce_leaveExactlyOneOwner(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            for round in 0..<6 {
                let id = try await Self.pooled(api, client, "抢单客户\(round)")
                let statuses = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                    for user in ["alice", "bob"] {
                        group.addTask { (user, try await Self.claim(api, client, id, as: user).status) }
                    }
                    return try await group.reduce(into: [String: Int]()) { $0[$1.0] = $1.1 }
                }
                // The loser read the customer in the pool (409 when the guarded update lost) or after the
                // winner took it (404: another rep's customer is not acknowledged).
                let loser = statuses.values.sorted()
                #expect(loser == [200, 409] || loser == [200, 404], "round \(round): \(statuses)")
                let winner = try #require(statuses.first { $0.value == 200 }?.key)
                let owner = try await api.call(client, .get, "/api/v1/customers/\(id)", as: "admin").string("ownerID")
                #expect(owner == (winner == "alice" ? api.world.alice : api.world.bob).id.description)
                let events = try await api.call(client, .get, "/api/v1/customers/\(id)/pool-events", as: "admin")
                #expect(events.items.filter { $0["kind"] as? String == "claimed" }.count == 1)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func recyclePassIfDue_runsOncePerPeriod_evenWhenTwoProcessesRace(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, _ in
            let app = api.world.app
            for round in 0..<3 {
                let ran = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for process in ["server-a", "server-b"] {
                        group.addTask { try await app.background.runRecyclePassIfDue(process: "\(process)-\(round)") != nil }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(ran == 1, "round \(round)")
                #expect(try await app.background.runRecyclePassIfDue(process: "late") == nil)
                api.world.clock.advance(by: 3600)
            }
        }
    }

    /// Defect 14: manual passes started together (two servers, two shells) recycle each customer
    /// once, with one event and one notice each; a pass that finds the lease held answers 409.
    @Test(arguments: TestEngine.available)
    func manualRecyclePasses_startedTogether_recycleEachCustomerOnce(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            try await Self.rules(api, client, ["noFollowUpDays": 10, "warnDays": 0])
            var ids: [String] = []
            for index in 0..<3 {
                let id = try await Self.pooled(api, client, "回收竞赛\(index)")
                #expect(try await Self.claim(api, client, id, as: "alice").status == 200)
                ids.append(id)
            }
            api.world.clock.advance(by: 11 * Self.day)
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for _ in 0..<4 { group.addTask { try await api.call(client, .post, "/api/v1/pool/recycle", as: "admin", json: [:]) } }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            #expect(replies.allSatisfy { [200, 409].contains($0.status) }, "\(replies.map(\.status))")
            let recycled = replies.filter { $0.status == 200 }.map { ($0.json["recycled"] as? [Any])?.count ?? 0 }.reduce(0, +)
            #expect(recycled == 3)
            for id in ids {
                let events = try await api.call(client, .get, "/api/v1/customers/\(id)/pool-events", as: "admin")
                #expect(events.items.filter { $0["kind"] as? String == "recycled" }.count == 1)
            }
            let notices = try await api.call(client, .get, "/api/v1/notices?unread=true", as: "alice")
            #expect(notices.items.filter { $0["kind"] as? String == "poolRecycled" }.count == 3)

            // While another process holds the lease, a manual pass is refused with the job's name.
            _ = try await api.world.db.store.systemWrite(.command("test")) {
                try await $0.takeJobLease(job: "pool-recycle", holder: "other-server", at: api.world.clock.now(),
                                          until: api.world.clock.now().addingTimeInterval(600))
            }
            let busy = try await api.call(client, .post, "/api/v1/pool/recycle", as: "admin", json: [:], headers: [.acceptLanguage: "zh-CN"])
            #expect(busy.status == 409 && busy.string("detail")?.contains("公海回收") == true)
            #expect(try await api.call(client, .post, "/api/v1/pool/recycle", as: "admin", json: ["dryRun": true]).status == 200)
            #expect(try await api.world.app.background.runRecyclePassIfDue(process: "server-a") == nil)
            api.world.clock.advance(by: 601)
            #expect(try await api.call(client, .post, "/api/v1/pool/recycle", as: "admin", json: [:]).status == 200)
        }
    }
}
