import Foundation
import Logging
import RapportApp
import ServiceLifecycle

/// Background work for relationship intelligence, run inside `rapport serve`: escalates overdue
/// promises (notices to the owner and their manager) and moves passed care dates to their next
/// occurrence. Each pass is safe with several server processes on one PostgreSQL database.
public struct RelationshipJobs: Service {
    let app: Rapport
    let interval: Duration
    let logger: Logger
    /// This process's name when claiming job periods.
    let process = "pid\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"

    /// - Parameter interval: time between passes (the first pass runs at start).
    public init(app: Rapport, interval: Duration = .seconds(300), logger: Logger) {
        self.app = app
        self.interval = interval
        self.logger = logger
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

    /// One pass of every job; a failing job is logged and retried on the next pass.
    /// Returns `false` when any job failed.
    @discardableResult
    public func runOnce() async -> Bool {
        var ok = true
        do {
            let escalated = try await app.background.escalateOverdueCommitments()
            if escalated > 0 { logger.info("escalated overdue commitments", metadata: ["count": "\(escalated)"]) }
        } catch {
            logger.error("commitment escalation failed", metadata: ["error": "\(error)"])
            ok = false
        }
        do {
            let rolled = try await app.background.rollCareDates()
            if rolled > 0 { logger.debug("care dates moved forward", metadata: ["count": "\(rolled)"]) }
        } catch {
            logger.error("care date roll-forward failed", metadata: ["error": "\(error)"])
            ok = false
        }
        do {
            let lapsed = try await app.background.lapseEndedSubscriptions()
            let noticed = try await app.background.noticeEndingSubscriptions()
            if lapsed + noticed > 0 {
                logger.info("subscriptions lapsed or near their end", metadata: ["lapsed": "\(lapsed)", "noticed": "\(noticed)"])
            }
        } catch {
            logger.error("subscription lapse and renewal notices failed", metadata: ["error": "\(error)"])
            ok = false
        }
        do {
            let sent = try await app.background.sendPaymentReminders()
            if sent > 0 { logger.info("payment reminders sent", metadata: ["count": "\(sent)"]) }
        } catch {
            logger.error("payment reminders failed", metadata: ["error": "\(error)"])
            ok = false
        }
        do {
            // Once per hour across every process sharing the database (job_periods decides who runs it).
            if let report = try await app.background.runRecyclePassIfDue(process: process) {
                logger.info("pool recycle pass", metadata: ["recycled": "\(report.recycled.count)", "warned": "\(report.warned.count)"])
            }
        } catch {
            logger.error("pool recycle pass failed", metadata: ["error": "\(error)"])
            ok = false
        }
        do {
            // Once per day across every process sharing the database.
            if let recount = try await app.background.recomputeLifecyclesIfDue(process: process) {
                logger.info("lifecycle stages recomputed", metadata: ["changed": "\(recount.changed)", "examined": "\(recount.examined)"])
            }
        } catch {
            logger.error("lifecycle recompute failed", metadata: ["error": "\(error)"])
            ok = false
        }
        return ok
    }
}
