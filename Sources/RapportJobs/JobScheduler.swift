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
        await runPass().allSatisfy { !$0.failed }
    }

    /// One pass of every job, with what each did: ran (and its counts), skipped (its period ran
    /// already or another process holds it), or failed.
    public func runPass() async -> [JobOutcome] {
        var outcomes: [JobOutcome] = []
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
                outcomes.append(JobOutcome(job: job.name, result: counts.map(JobOutcome.Result.ran) ?? .skipped))
            } catch {
                metrics?.record(job.name, outcome: .failed, counts: [:], duration: ContinuousClock.now - started)
                logger.error("job failed", metadata: ["job": "\(job.name)", "error": "\(error)"])
                outcomes.append(JobOutcome(job: job.name, result: .failed(String(describing: error))))
            }
        }
        return outcomes
    }
}

/// What one job did in a pass.
public struct JobOutcome: Sendable {
    public enum Result: Sendable {
        /// It ran; the counts say what it did (notices written, customers recycled…).
        case ran([String: Int])
        /// Not due: its hour or day ran already here or in another process, or another process
        /// holds its lease.
        case skipped
        case failed(String)
    }

    public let job: String
    public let result: Result

    public var failed: Bool {
        if case .failed = result { true } else { false }
    }

    /// One line for the CLI: `pool-recycle: ran (recycled 3, warned 5)`.
    public var line: String {
        switch result {
        case .ran(let counts):
            let done = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            return "\(job): ran" + (done.isEmpty ? "" : " (\(done.joined(separator: ", ")))")
        case .skipped:
            return "\(job): skipped — not due yet, or another process is running it"
        case .failed(let reason):
            return "\(job): failed — \(reason)"
        }
    }
}
