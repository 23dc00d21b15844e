import Foundation
import Logging
import Prometheus
import RapportApp
import ServiceLifecycle

/// Runs the scheduled jobs inside `rapport serve`: one pass at start, then one every `interval`.
/// A failing job is logged and counted and does not stop the others; each pass is safe with
/// several server processes on one PostgreSQL database (leases and period claims in tables).
public struct JobScheduler: Service {
    let app: Rapport
    let jobs: [ScheduledJob]
    let interval: Duration
    let logger: Logger
    let metrics: JobMetrics?
    /// This process's name when claiming job periods.
    let process = "pid\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"

    /// - Parameters:
    ///   - interval: time between passes (the first pass runs at start).
    ///   - registry: where each job's runs, failures, duration and last counts are recorded.
    public init(app: Rapport, jobs: [ScheduledJob] = ScheduledJob.standard, interval: Duration = .seconds(300),
                logger: Logger, registry: PrometheusCollectorRegistry? = nil) {
        self.app = app
        self.jobs = jobs
        self.interval = interval
        self.logger = logger
        self.metrics = registry.map(JobMetrics.init)
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await runOnce()
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return  // cancelled: shutting down
                }
            }
        }
    }

    /// One pass of every job; `false` when any job failed.
    @discardableResult
    public func runOnce() async -> Bool {
        var ok = true
        for job in jobs {
            let started = ContinuousClock.now
            do {
                let counts: [String: Int]?
                if job.period == .everyPass {
                    counts = try await app.background.leased(job.name) { try await job.work(app, process) } ?? nil
                } else {
                    counts = try await job.work(app, process)
                }
                metrics?.record(job.name, outcome: counts == nil ? .skipped : .ran, counts: counts ?? [:],
                                duration: ContinuousClock.now - started)
                if let counts, counts.values.contains(where: { $0 > 0 }) {
                    var metadata: Logger.Metadata = ["job": "\(job.name)"]
                    for (name, value) in counts { metadata[name] = "\(value)" }
                    logger.info("job ran", metadata: metadata)
                }
            } catch {
                ok = false
                metrics?.record(job.name, outcome: .failed, counts: [:], duration: ContinuousClock.now - started)
                logger.error("job failed", metadata: ["job": "\(job.name)", "error": "\(error)"])
            }
        }
        return ok
    }
}
