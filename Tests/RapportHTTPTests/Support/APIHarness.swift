import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RapportApp
import RapportCore
import RapportEdge
import RapportHTTP
import RapportServer
import RapportTestSupport
import Testing
import NIOFoundationEssentialsCompat

/// One HTTP response, with the body parsed when it is JSON.
struct Reply: Sendable {
    let status: Int
    let headers: HTTPFields
    let body: Data

    var json: [String: any Sendable] {
        ((try? JSONSerialization.jsonObject(with: body)) as? [String: any Sendable]) ?? [:]
    }

    var items: [[String: any Sendable]] { (json["items"] as? [[String: any Sendable]]) ?? [] }

    var text: String { String(decoding: body, as: UTF8.self) }

    func string(_ key: String) -> String? { json[key] as? String }

    /// The field names of a problem+json's `errors`.
    var errorFields: [String] { ((json["errors"] as? [[String: any Sendable]]) ?? []).compactMap { $0["field"] as? String } }
}

/// Drives the real application (built by `buildApplication`) through its router, with a
/// bearer token per test user, and checks every `/api/v1` reply against the OpenAPI document.
struct APIHarness: Sendable {
    let world: TestWorld
    let tokens: [String: String]
    /// Every route the application registered (pages and API), filled when it was built.
    let routes: KnownRoutes

    static func run(_ engine: TestEngine, _ body: @escaping @Sendable (APIHarness, any TestClientProtocol) async throws -> Void) async throws {
        let world = try await TestWorld.make(engine)
        var tokens: [String: String] = [:]
        for (name, acting) in [("admin", world.admin), ("mia", world.mia), ("alice", world.alice), ("bob", world.bob), ("carol", world.carol)] {
            tokens[name] = try await world.app.auth.createToken(acting, name: "test").token
        }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let routes = KnownRoutes()
        let application = try await buildApplication(app: world.app, settings: ServerSettings(), metrics: nil, logger: logger,
                                                     known: routes)
        let harness = APIHarness(world: world, tokens: tokens, routes: routes)
        do {
            try await application.test(.router) { client in try await body(harness, client) }
        } catch {
            try await world.close()
            throw error
        }
        try await world.close()
    }

    static let checker: OpenAPIChecker? = {
        do { return try OpenAPIChecker(json: try OpenAPIDocument.load()) } catch { return nil }
    }()

    /// Sends a request as `user` (nil = anonymous). `json` is encoded; `raw` is sent as is.
    @discardableResult
    func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, as user: String?,
              json: [String: any Sendable]? = nil, raw: Data? = nil, contentType: String? = nil,
              headers extra: HTTPFields = [:], sourceLocation: SourceLocation = #_sourceLocation) async throws -> Reply {
        var headers = extra
        if let user, let token = tokens[user] { headers[.authorization] = "Bearer \(token)" }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = "application/json"
        } else if let raw {
            body = ByteBuffer(bytes: raw)
            if let contentType { headers[.contentType] = contentType }
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        let reply = Reply(status: Int(response.status.code), headers: response.headers, body: Data(buffer: response.body))
        if uri.hasPrefix("/api/v1/"), !uri.hasPrefix("/api/v1/openapi.json") {
            let checker = try #require(Self.checker, "the OpenAPI document must load", sourceLocation: sourceLocation)
            let problems = checker.check(method: method.rawValue, uri: uri, status: reply.status,
                                         contentType: response.headers[.contentType], body: reply.body)
            #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
            // What the server accepted, the document must allow: the request body is checked too.
            if (200..<300).contains(reply.status), let body, json != nil {
                // A client that sends `If-Match` may leave `version` out of the body (docs/api.md says so).
                let sent = checker.checkRequest(method: method.rawValue, uri: uri, body: Data(buffer: body))
                    .filter { headers[.ifMatch] == nil || !$0.hasSuffix("missing required version") }
                #expect(sent.isEmpty, "\(sent)", sourceLocation: sourceLocation)
            }
        }
        return reply
    }

    /// Creates a customer as `user` and returns its JSON.
    func customer(_ client: any TestClientProtocol, _ name: String, as user: String, extra: [String: any Sendable] = [:]) async throws -> [String: any Sendable] {
        var body: [String: any Sendable] = ["name": name, "kind": "enterprise"]
        for (key, value) in extra { body[key] = value }
        let reply = try await call(client, .post, "/api/v1/customers", as: user, json: body)
        #expect(reply.status == 201, "\(reply.text)")
        return reply.json
    }
}

extension String {
    /// Percent-encodes for a query value.
    var query: String { addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? self }
}
