import Foundation
import RapportCore
import HTTPTypes
import RapportHTTP
import NIOCore
import HummingbirdTesting
import RapportEdge
import RapportTestSupport
import Testing

/// The access rules, checked by walking what the server publishes rather than a hand-kept list:
/// every operation of the OpenAPI document and every page route the router registered. A new
/// endpoint or page is covered the day it is added; a new kind of record fails here until the
/// fixture has one.
@Suite struct AccessEnumerationTests {
    /// Every operation of the document as (method, path template, operation).
    static func operations(_ checker: OpenAPIChecker) -> [(method: String, path: String, operation: [String: Any])] {
        let paths = checker.document["paths"] as? [String: Any] ?? [:]
        return paths.keys.sorted().flatMap { path in
            let item = paths[path] as? [String: Any] ?? [:]
            return ["get", "post", "put", "patch", "delete"].compactMap { method in
                (item[method] as? [String: Any]).map { (method.uppercased(), path, $0) }
            }
        }
    }

    /// Every page route with a record in its path (the static files, health and API excluded).
    static func pageRoutes(_ routes: KnownRoutes) -> [(path: String, method: HTTPRequest.Method)] {
        routes.all.filter { !$0.path.hasPrefix("/api") && !$0.path.hasPrefix("/static") && $0.method != .head }
    }

    /// What alice and the admin read through every GET operation: must be the same after another
    /// rep has tried everything.
    static func snapshot(_ api: APIHarness, _ client: any TestClientProtocol, _ fixture: RecordFixture,
                         _ checker: OpenAPIChecker) async throws -> [String: String] {
        var seen: [String: String] = [:]
        for (method, path, _) in operations(checker) where method == "GET" {
            let uri = "/api/v1" + (try fixture.fill(path))
            for user in ["alice", "admin"] {
                let reply = try await api.call(client, .get, uri, as: user)
                seen["\(user) \(uri)"] = "\(reply.status) \(reply.text)"
            }
        }
        return seen
    }

    /// The current version of the record a path is about (read by its owner or the admin through
    /// the API's GET of the path up to its first parameter, when there is one), for bodies.
    static func version(_ api: APIHarness, _ client: any TestClientProtocol, _ checker: OpenAPIChecker,
                        _ fixture: RecordFixture, template: String) async throws -> Int {
        let segments = template.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = segments.firstIndex(where: { $0.hasPrefix("{") }) else { return 1 }
        let record = segments[...first].joined(separator: "/")
        let paths = checker.document["paths"] as? [String: Any] ?? [:]
        guard let item = paths[record] as? [String: Any], item["get"] != nil else { return 1 }
        for user in ["alice", "admin"] {
            let reply = try await api.call(client, .get, "/api/v1" + (try fixture.fill(record)), as: user)
            if reply.status == 200, let version = reply.json["version"] as? Int { return version }
        }
        return 1
    }

    @Test(arguments: TestEngine.available)
    func anotherTeamsRep_isRefusedEveryOperationAndPage_onRealRecords_andChangesNothing(engine: TestEngine) async throws {
        let checker = try OpenAPIChecker(json: try OpenAPIDocument.load())
        try await APIHarness.run(engine) { api, client in
            let fixture = try await RecordFixture.make(api, client)
            let carolPages = try await api.signIn(client, "carol")
            let before = try await Self.snapshot(api, client, fixture, checker)
            let now = ISO8601DateFormatter().string(from: api.world.clock.now())
            var walked = 0
            for (method, path, operation) in Self.operations(checker) where path.contains("{") {
                let kinds = try fixture.kinds(path)
                let uri = "/api/v1" + (try fixture.fill(path))
                let sample = SampleBody(checker: checker, fixture: fixture, today: api.today().description, now: now,
                                        version: try await Self.version(api, client, checker, fixture, template: path))
                let body = method == "GET" || method == "DELETE" ? nil : sample.json(for: operation)
                let call = HTTPRequest.Method(method) ?? .get
                let reply = try await api.call(client, call, uri, as: "carol", json: body.map(Self.sendable))
                walked += 1
                if kinds.contains(where: RecordFixture.owned.contains) {
                    if [403, 404].contains(reply.status) { continue }
                    // Input checked before the record is looked up is fine only when the answer is the
                    // same as for a record that does not exist: nothing about alice's record shows.
                    let twin = try await api.call(client, call, "/api/v1" + (try fixture.fill(path, missing: true)), as: "carol",
                                                  json: body.map(Self.sendable))
                    #expect(reply.status == twin.status && [400, 422].contains(reply.status)
                            && reply.errorFields == twin.errorFields && reply.string("detail") == twin.string("detail"),
                            "\(method) \(path) as another team's rep: \(reply.status) \(reply.text)")
                } else if method == "GET" {
                    #expect([200, 403, 404].contains(reply.status), "\(method) \(path): \(reply.status) \(reply.text)")
                } else {
                    #expect(reply.status == 403, "\(method) \(path) (catalog, admins only): \(reply.status) \(reply.text)")
                }
            }
            #expect(walked > 100)

            var pages = 0
            for route in Self.pageRoutes(api.routes) where route.path.contains("{") {
                let kinds = try fixture.kinds(route.path)
                let uri = try fixture.fill(route.path)
                var headers = HTTPFields()
                headers[.cookie] = carolPages.cookie
                var form: String?
                if route.method == .post {
                    headers[.contentType] = "application/x-www-form-urlencoded"
                    let version = try await Self.version(api, client, checker, fixture, template: route.path)
                    form = "_csrf=\(carolPages.csrf.query)&version=\(version)"
                }
                let response = try await client.execute(uri: uri, method: route.method, headers: headers, body: form.map(ByteBuffer.init(string:)))
                pages += 1
                let status = Int(response.status.code)
                if kinds.contains(where: RecordFixture.owned.contains) || route.method == .post || uri.hasPrefix("/admin") {
                    if [403, 404].contains(status) { continue }
                    // A form checked before its record is looked up: fine only when a record that does
                    // not exist gets the very same answer.
                    let twin = try await client.execute(uri: try fixture.fill(route.path, missing: true), method: route.method,
                                                        headers: headers, body: form.map(ByteBuffer.init(string:)))
                    #expect([400, 422].contains(status) && twin.status == response.status,
                            "page \(route.method) \(route.path) as another team's rep: \(status), no such record: \(twin.status)")
                } else {
                    #expect([200, 403, 404].contains(status), "page \(route.method) \(route.path): \(status)")
                }
            }
            #expect(pages > 50)

            let after = try await Self.snapshot(api, client, fixture, checker)
            for key in before.keys.sorted() where before[key] != after[key] {
                Issue.record("\(key) changed after another rep's calls:\n\(before[key] ?? "")\n→ \(after[key] ?? "")")
            }
        }
    }

    /// PATCH changes only the fields it is given, everywhere: a body with nothing but the record's
    /// version, sent by its owner (the admin for the catalog), leaves every other field as it was.
    @Test(arguments: TestEngine.available)
    func patchWithOnlyTheVersion_changesNoField_onEveryPatchOperation(engine: TestEngine) async throws {
        let checker = try OpenAPIChecker(json: try OpenAPIDocument.load())
        try await APIHarness.run(engine) { api, client in
            let fixture = try await RecordFixture.make(api, client)
            var patched = 0
            for (method, path, _) in Self.operations(checker) where method == "PATCH" {
                let kinds = try fixture.kinds(path)
                let user = kinds.contains(where: RecordFixture.owned.contains) ? "alice" : "admin"
                let uri = "/api/v1" + (try fixture.fill(path))
                let version = try await Self.version(api, client, checker, fixture, template: path)
                let paths = checker.document["paths"] as? [String: Any] ?? [:]
                let readable = (paths[path] as? [String: Any])?["get"] != nil
                let before = readable ? try await api.call(client, .get, uri, as: user).json : [:]
                let reply = try await api.call(client, .patch, uri, as: user, json: ["version": version])
                #expect(reply.status == 200, "PATCH \(path) with only the version: \(reply.status) \(reply.text)")
                guard reply.status == 200 else { continue }
                patched += 1
                guard readable else { continue }  // no GET to compare with (care dates have their own test)
                let after = try await api.call(client, .get, uri, as: user).json
                for key in Set(before.keys).union(after.keys) where !["version", "updatedAt"].contains(key) {
                    #expect(Self.same(before[key], after[key]),
                            "PATCH \(path) with only the version changed \(key): \(before[key] ?? "nil") → \(after[key] ?? "nil")")
                }
            }
            #expect(patched > 10)
        }
    }

    /// Two decoded JSON values are equal (compared as sorted JSON text).
    static func same(_ a: Any?, _ b: Any?) -> Bool {
        func text(_ value: Any?) -> String {
            guard let value else { return "nil" }
            do {
                return String(decoding: try JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys]), as: UTF8.self)
            } catch {
                return "not JSON: \(value)"
            }
        }
        return text(a) == text(b)
    }

    @Test(arguments: TestEngine.available)
    func anonymousCalls_areUnauthenticatedEverywhere_exceptHealthMetricsAndTheSpec(engine: TestEngine) async throws {
        let checker = try OpenAPIChecker(json: try OpenAPIDocument.load())
        try await APIHarness.run(engine) { api, client in
            let fixture = try await RecordFixture.make(api, client)
            for (method, path, _) in Self.operations(checker) {
                let reply = try await api.call(client, HTTPRequest.Method(method) ?? .get, "/api/v1" + (try fixture.fill(path)), as: nil)
                #expect(reply.status == 401, "anonymous \(method) \(path): \(reply.status)")
                #expect(reply.headers[.contentType]?.hasPrefix("application/problem+json") == true, "\(method) \(path)")
            }
            for route in Self.pageRoutes(api.routes) {
                let uri = try fixture.fill(route.path)
                let response = try await client.execute(uri: uri, method: route.method, headers: [:])
                let status = Int(response.status.code)
                if ["/login", "/health", "/language"].contains(route.path) {
                    #expect(status < 500, "anonymous page \(route.method) \(route.path): \(status)")
                } else if route.method == .get {
                    #expect((300..<400).contains(status) && response.headers[.location]?.hasPrefix("/login") == true,
                            "anonymous page GET \(route.path): \(status) \(response.headers[.location] ?? "")")
                } else {
                    #expect((300..<400).contains(status) || status == 403, "anonymous page \(route.method) \(route.path): \(status)")
                }
            }
            for open in ["/health", "/api/v1/openapi.json"] {
                #expect(try await client.execute(uri: open, method: .get).status == .ok, "\(open)")
            }
        }
    }

    /// JSONSerialization values as the harness's body type.
    static func sendable(_ object: [String: Any]) -> [String: any Sendable] {
        object.compactMapValues { sendableValue($0) }
    }

    static func sendableValue(_ value: Any) -> (any Sendable)? {
        switch value {
        case let nested as [String: Any]: return sendable(nested)
        case let list as [Any]: return list.compactMap { sendableValue($0) }
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let double as Double: return double
        default: return nil
        }
    }
}
