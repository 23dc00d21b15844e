import Foundation
import Hummingbird
import HummingbirdTesting
import RapportCore
import RapportTestSupport
import Testing
import RapportApp

/// The top bar's counts are kept for a short while per user: a page view within the lifetime
/// shows the kept counts, the user's own changes (page forms and API calls) drop them, the
/// agenda and notices pages always count afresh, and later views count afresh.
@Suite struct NavBadgePageTests {
    static func noticeCount(_ html: String) -> String? { count("notice-count", html) }
    static func agendaCount(_ html: String) -> String? { count("agenda-count", html) }

    static func count(_ id: String, _ html: String) -> String? {
        guard let start = html.range(of: #"id="\#(id)""#) else { return nil }
        let rest = html[start.upperBound...]
        guard let open = rest.firstIndex(of: ">"), let close = rest.firstIndex(of: "<") else { return nil }
        return String(rest[rest.index(after: open)..<close])
    }

    @Test(arguments: TestEngine.available)
    func counts_areKeptBriefly_andTheUsersOwnPostRefreshesThem(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let alice = try await DealPageTests.browser(api, "alice")
            let aliceID = api.world.alice.id.description
            func assign(_ name: String) async throws {
                let id = try await PoolAPITests.pooled(api, client, name)
                let given = try await api.call(client, .post, "/api/v1/customers/\(id)/assign", as: "mia", json: ["userID": aliceID])
                #expect(given.status == 200, "\(given.text)")
            }
            try await assign("徽章测试一")
            let (_, first) = try await alice.get(client, "/deals")
            #expect(Self.noticeCount(first) == "1")
            // A notice from someone else within the lifetime: the kept count is shown, except on
            // the notices page itself, which counts afresh.
            try await assign("徽章测试二")
            #expect(Self.noticeCount(try await alice.get(client, "/deals").1) == "1")
            #expect(Self.noticeCount(try await alice.get(client, "/notices").1) == "2")
            // The notices page keeps what it counted for the other pages.
            try await assign("徽章测试三")
            #expect(Self.noticeCount(try await alice.get(client, "/deals").1) == "2")
            // After the lifetime the page counts afresh.
            api.world.clock.advance(by: 21)
            #expect(Self.noticeCount(try await alice.get(client, "/deals").1) == "3")
            // Her own post (marking all read) refreshes it at once.
            let read = try await alice.post(client, "/notices/read", [])
            #expect(read.status == .seeOther)
            #expect(Self.noticeCount(try await alice.get(client, "/deals").1) == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func theUsersOwnAPICall_refreshesTheKeptCounts(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let alice = try await DealPageTests.browser(api, "alice")
            let customer = try #require(try await api.customer(client, "徽章承诺客户", as: "alice")["id"] as? String)
            let before = Int(Self.agendaCount(try await alice.get(client, "/deals").1) ?? "0") ?? -1
            let promise = try await api.call(client, .post, "/api/v1/customers/\(customer)/commitments", as: "alice",
                                             json: ["title": "寄送报价", "dueOn": api.today(plus: -2).description])
            #expect(promise.status == 201, "\(promise.text)")
            #expect(Self.agendaCount(try await alice.get(client, "/deals").1) == String(before + 1))
        }
    }
}
