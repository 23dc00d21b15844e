import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Prometheus
import RapportApp
import RapportEdge
import RapportHTTP
import RapportStore
import RapportWeb
import ServiceLifecycle
import RapportCore

/// Server settings that `buildApplication` needs.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Mark cookies `Secure` (behind HTTPS). Off for plain-HTTP loopback use.
    public var secureCookies: Bool
    /// Reverse proxies whose `X-Forwarded-For` names the client (for the sign-in throttle).
    public var trustedProxies: Set<String>

    public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false, trustedProxies: Set<String> = []) {
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.trustedProxies = trustedProxies
    }
}

/// Assembles the whole HTTP application: the API under `/api/v1`, the pages, `/health` and
/// `/metrics`. The store is closed by a service after graceful shutdown (SIGTERM/SIGINT).
/// `known` receives every registered route (tests pass their own to walk them).
public func buildApplication(app: Rapport, settings: ServerSettings, metrics: PrometheusCollectorRegistry?,
                             logger: Logger, known: KnownRoutes = KnownRoutes()) async throws -> some ApplicationProtocol {
    let localizer = try Localizer.bundled()
    let renderer = try await PageRenderer.bundled()
    let router = Router(context: RapportRequestContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    if let metrics { router.add(middleware: RequestMetricsMiddleware(registry: metrics)) }
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: AuthMiddleware(app: app, trustedProxies: settings.trustedProxies))
    let badgeCache = NavBadgeCache()
    router.add(middleware: NavBadgeRefreshMiddleware(cache: badgeCache, now: { app.env.now() }))

    router.get("/health") { _, _ in
        do {
            try await app.operations.ping()
            return healthResponse(["status": "ok", "database": "ok"], status: .ok)
        } catch {
            logger.error("health check failed", metadata: ["error": "\(error)"])
            return healthResponse(["status": "degraded", "database": "unreachable"], status: .serviceUnavailable)
        }
    }
    if let metrics {
        router.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
    }

    try APIRoutes.register(on: router, app: app, localizer: localizer, known: known)
    WebRoutes.register(on: router, app: app, renderer: renderer, localizer: localizer, secureCookies: settings.secureCookies,
                       badgeCache: badgeCache, known: known)
    known.record(router.routes.map { (path: $0.path.description, method: $0.method) })

    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Rapport"),
        services: [StoreService(app: app, logger: logger)],
        logger: logger)
}

/// Keeps the store open while the server runs and closes it after graceful shutdown.
struct StoreService: Service {
    let app: Rapport
    let logger: Logger

    func run() async throws {
        try await gracefulShutdown()
        logger.info("closing the database")
        try await app.operations.close()
    }
}

/// Conservative security headers on every response.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = RapportRequestContext
    static let extra: [(HTTPField.Name, String)] = [("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin")]
        .compactMap { name, value in HTTPField.Name(name).map { ($0, value) } }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        for (name, value) in Self.extra { response.headers[name] = value }
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'"
        return response
    }
}

/// The small JSON body of `/health`.
private func healthResponse(_ fields: [String: String], status: HTTPResponse.Status) -> Response {
    let body = "{" + fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }.joined(separator: ",") + "}"
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
}
