import Foundation
import Logging
import Prometheus
import RapportApp
import RapportJobs
import RapportStore
import RapportTestSupport
import Testing

/// The scheduler runs every named job once per pass, each under its lease and period, records
/// its metrics, and keeps going when one job fails.
@Suite struct JobSchedulerTests {
    static func metrics(_ registry: PrometheusCollectorRegistry) -> String {
        var bytes: [UInt8] = []
        registry.emit(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: TestEngine.available)
    func aPass_runsEveryJob_recordsItsMetrics_andSkipsWhatIsNotDueOrLeasedElsewhere(engine: TestEngine) async throws {
        try await APIHarness.run(engine) { api, client in
            let customer = try #require(try await api.customer(client, "调度测试客户", as: "alice")["id"] as? String)
            _ = try await api.promise(client, customer, "寄合同", due: api.today(plus: 1), as: "alice")
            api.world.clock.advance(by: 3 * 86_400)
            let registry = PrometheusCollectorRegistry()
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let scheduler = JobScheduler(app: api.world.app, logger: logger, registry: registry)
            #expect(await scheduler.runOnce())
            let first = Self.metrics(registry)
            for job in ScheduledJob.standard {
                #expect(first.contains(#"rapport_job_runs_total{job="\#(job.name)",outcome="ran"} 1"#), "\(job.name)\n\(first)")
            }
            #expect(first.contains(#"rapport_job_last_count{job="commitment-escalation",count="escalated"} 1"#), "\(first)")

            // The same hour and day again: the hourly and daily jobs are not due; a job whose lease
            // another server holds is skipped, not run twice.
            _ = try await api.world.db.store.systemWrite(.command("test")) {
                try await $0.takeJobLease(job: "care-date-roll", holder: "other-server", at: api.world.clock.now(),
                                          until: api.world.clock.now().addingTimeInterval(600))
            }
            #expect(await scheduler.runOnce())
            let second = Self.metrics(registry)
            for name in [BackgroundWork.poolRecycleJob, BackgroundWork.lifecycleRecomputeJob, "care-date-roll"] {
                #expect(second.contains(#"rapport_job_runs_total{job="\#(name)",outcome="skipped"} 1"#), "\(name)\n\(second)")
            }
            #expect(second.contains(#"rapport_job_runs_total{job="commitment-escalation",outcome="ran"} 2"#))
        }
    }

    @Test func aFailingJob_isCountedAndLogged_andTheOthersStillRun() async throws {
        try await APIHarness.run(.sqlite) { api, _ in
            struct Broken: Error {}
            let registry = PrometheusCollectorRegistry()
            let jobs = [
                ScheduledJob("broken", .everyPass) { _, _ in throw Broken() },
                ScheduledJob("fine", .everyPass) { _, _ in ["done": 1] },
            ]
            let scheduler = JobScheduler(app: api.world.app, jobs: jobs, logger: Logger(label: "test"), registry: registry)
            #expect(await scheduler.runOnce() == false)
            let text = Self.metrics(registry)
            #expect(text.contains(#"rapport_job_runs_total{job="broken",outcome="failed"} 1"#), "\(text)")
            #expect(text.contains(#"rapport_job_runs_total{job="fine",outcome="ran"} 1"#), "\(text)")
            // The failed job gave its lease back: the next pass runs it again.
            #expect(await scheduler.runOnce() == false)
            #expect(Self.metrics(registry).contains(#"rapport_job_runs_total{job="broken",outcome="failed"} 2"#))
        }
    }
}
