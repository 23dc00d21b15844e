import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Prometheus
import RapportApp
import RapportServer
import RapportJobs
import RapportStore
import ServiceLifecycle
import UnixSignals

/// `rapport serve`: runs the web server until SIGTERM/SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start the web server (pages, API, /health, /metrics).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Address to listen on. Env RAPPORT_HOST. Default 127.0.0.1")
    var host: String?

    @Option(help: "Port to listen on. Env RAPPORT_PORT. Default 8080")
    var port: Int?

    @Flag(help: "Apply pending PostgreSQL migrations at start (SQLite files are always migrated).")
    var migrate = false

    @Flag(help: "Mark cookies Secure (when served over HTTPS). Env RAPPORT_SECURE_COOKIES=true")
    var secureCookies = false

    @Option(help: "Comma-separated addresses of reverse proxies whose X-Forwarded-For names the client (sign-in throttling is per account and client). Env RAPPORT_TRUSTED_PROXIES. Default none")
    var trustedProxies: String?

    func run() async throws {
        let logger = try common.logger()
        let host = try common.resolve(self.host, env: "RAPPORT_HOST", key: "host", default: "127.0.0.1")
        let portText = try common.resolve(self.port.map(String.init), env: "RAPPORT_PORT", key: "port", default: "8080")
        guard let port = Int(portText), (1...65535).contains(port) else { throw ValidationError("--port: \(portText) is not a port") }
        let secure = try secureCookies || common.resolve(nil, env: "RAPPORT_SECURE_COOKIES", key: "secureCookies", default: "false") == "true"
        let app = try await Runtime.open(common, allowMigrate: migrate, logger: logger)
        do {
            try await AdminBootstrap.run(app, interactive: true)
        } catch {
            throw Runtime.fail(error)
        }
        let registry = PrometheusCollectorRegistry()
        let proxies = try common.resolve(trustedProxies, env: "RAPPORT_TRUSTED_PROXIES", key: "trustedProxies", default: "")
        let settings = ServerSettings(host: host, port: port, secureCookies: secure,
                                      trustedProxies: Set(proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }))
        let server = try await buildApplication(app: app, settings: settings,
                                                metrics: registry, logger: logger)
        let location = try common.location()
        logger.info("Rapport is listening", metadata: ["url": "http://\(host):\(port)", "database": "\(location)"])
        let jobInterval = try common.resolve(nil, env: "RAPPORT_JOB_INTERVAL", key: "jobInterval", default: "300")
        guard let seconds = Int(jobInterval), (1...86_400).contains(seconds) else {
            throw ValidationError("RAPPORT_JOB_INTERVAL: \(jobInterval) is not a number of seconds in 1...86400")
        }
        let jobs = JobScheduler(app: app, interval: .seconds(seconds), logger: logger, registry: registry)
        let group = ServiceGroup(configuration: .init(services: [server, jobs], gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger))
        try await group.run()
    }
}

/// `rapport migrate`: applies pending schema migrations.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")
    @OptionGroup var common: CommonOptions

    func run() async throws {
        let logger = try common.logger()
        let store = try await Store.open(try common.location(), logger: logger)
        try await Runtime.requireCharacterSet(store)
        let applied = try await Migrator(store: store, now: { Date() }).migrate()
        Console.line(applied.isEmpty ? "The schema is up to date (version \(Migrator.latestVersion))." : "Applied: \(applied.joined(separator: ", "))")
        try await store.close()
        // Like `serve`, create the first administrator, so that the steps before the first start can be scripted.
        try await Runtime.with(common, allowMigrate: false, logger: logger) { app in
            do {
                try await AdminBootstrap.run(app, interactive: true)
            } catch {
                try await app.operations.close()
                throw Runtime.fail(error)
            }
        }
    }
}
