import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import RapportServer
import RapportApp
import RapportTestSupport
import Testing
import RapportCore

@Suite struct OperationsTests {
    @Test(arguments: TestEngine.available)
    func health_andOpenAPIDocument_answer(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let health = try await api.call(client, .get, "/health", as: nil)
            #expect(health.status == 200)
            #expect(health.string("database") == "ok")
            let doc = try await api.call(client, .get, "/api/v1/openapi.json", as: nil)
            #expect(doc.string("openapi") == "3.1.0")
            #expect((doc.json["paths"] as? [String: any Sendable])?["/customers"] != nil)
            let headers = try await api.call(client, .get, "/api/v1/me", as: "alice").headers
            #expect(headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test(arguments: TestEngine.available)
    func failedSignIns_slowDownThatSourceWithGrowingDelays_andNeverLockTheOwnerOut(engine: TestEngine) async throws {
        let world = try await TestWorld.make(engine)
        let throttle = Authentication.throttle
        let attacker = "203.0.113.9", owner = "198.51.100.7"
        for _ in 0..<throttle.freeFailures {
            await #expect(throws: AppError.unauthenticated) {
                try await world.app.auth.signIn(username: "alice", password: "wrong", source: attacker)
            }
        }
        // The attacker's source now waits (1 s, then 2 s, 4 s…), even with the right password…
        await #expect(throws: AppError.rateLimited(retryAfter: 1)) {
            try await world.app.auth.signIn(username: "alice", password: TestWorld.password, source: attacker)
        }
        // …while the owner, from elsewhere, signs in at once.
        let fromHome = try await world.app.auth.signIn(username: "alice", password: TestWorld.password, source: owner)
        #expect(fromHome.user.username == "alice")
        world.clock.advance(by: 1.5)
        await #expect(throws: AppError.unauthenticated) {
            try await world.app.auth.signIn(username: "alice", password: "wrong", source: attacker)
        }
        await #expect(throws: AppError.rateLimited(retryAfter: 2)) {
            try await world.app.auth.signIn(username: "alice", password: "wrong", source: attacker)
        }
        // After the wait, the right password works again and clears the count.
        world.clock.advance(by: 2.5)
        let session = try await world.app.auth.signIn(username: "alice", password: TestWorld.password, source: attacker)
        #expect(try await world.app.auth.session(token: session.token)?.user.username == "alice")
        await #expect(throws: AppError.unauthenticated) {
            try await world.app.auth.signIn(username: "alice", password: "wrong", source: attacker)
        }
        try await world.app.auth.signOut(token: session.token)
        #expect(try await world.app.auth.session(token: session.token) == nil)
        try await world.close()
    }

    /// Twenty wrong passwords sent at once are counted one by one: no more than the free failures
    /// are evaluated before the delay starts.
    @Test(arguments: TestEngine.available)
    func parallelWrongPasswords_cannotOutrunTheCount(engine: TestEngine) async throws {
        let world = try await TestWorld.make(engine)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    do {
                        _ = try await world.app.auth.signIn(username: "bob", password: "wrong", source: "192.0.2.1")
                        return "signedIn"
                    } catch AppError.unauthenticated {
                        return "evaluated"
                    } catch AppError.rateLimited {
                        return "throttled"
                    } catch {
                        return "\(error)"
                    }
                }
            }
            var all: [String] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.filter { $0 == "evaluated" }.count <= Authentication.throttle.freeFailures)
        #expect(outcomes.filter { $0 == "evaluated" }.count + outcomes.filter { $0 == "throttled" }.count == 20)
        try await world.close()
    }

    @Test(arguments: TestEngine.available)
    func users_createdWithoutPassword_getAOneTimePasswordToChange(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let created = try await api.call(client, .post, "/api/v1/users", as: "admin", json: ["username": "dave", "role": "rep",
                                                                                               "teamID": api.world.east.id.description])
            #expect(created.status == 201)
            let oneTime = try #require(created.string("oneTimePassword"))
            #expect((created.json["user"] as? [String: any Sendable])?["mustChangePassword"] as? Bool == true)
            let session = try await api.world.app.auth.signIn(username: "dave", password: oneTime)
            #expect(session.user.mustChangePassword)
            let taken = try await api.call(client, .post, "/api/v1/users", as: "admin", json: ["username": "dave", "role": "rep"])
            #expect(taken.errorFields == ["username"])
            let short = try await api.call(client, .post, "/api/v1/users", as: "admin", json: ["username": "erin", "role": "rep", "password": "short"])
            #expect(short.errorFields == ["password"])
        }
    }
}

@Suite struct MetricsTests {
    @Test func metrics_exposePrometheusTextWithRequestCounts() async throws {
        let world = try await TestWorld.make(.sqlite)
        let registry = PrometheusCollectorRegistry()
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = try await buildApplication(app: world.app, settings: ServerSettings(), metrics: registry, logger: logger)
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/health", method: .get)
            _ = try await client.execute(uri: "/api/v1/customers/\(UUID())", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = String(buffer: response.body)
            #expect(text.contains("rapport_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"} 1"))
            #expect(text.contains("route=\"/api/v1/customers/{id}\",status=\"401\""))
            #expect(text.contains("rapport_http_request_duration_seconds_bucket"))
        }
        try await world.close()
    }
}
