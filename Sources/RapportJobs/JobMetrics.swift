import Prometheus

/// Each scheduled job's metrics: runs by outcome, duration of each run, and the counts of its
/// last run (`rapport_job_last_count{job="pool-recycle",count="recycled"}`).
struct JobMetrics: Sendable {
    enum Outcome: String { case ran, skipped, failed }

    let registry: PrometheusCollectorRegistry

    static var runs: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "rapport", subsystem: "job", metricName: "runs", unitName: "total",
                             helpText: "Scheduled job runs, by job and outcome (ran, skipped: not due or leased elsewhere, failed).")
    }
    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "rapport", subsystem: "job", metricName: "duration", unitName: "seconds",
                             helpText: "Time a scheduled job took.")
    }
    static var lastCount: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "rapport", subsystem: "job", metricName: "last_count",
                             helpText: "What a scheduled job's last run did (escalated, recycled, changed…).")
    }
    static let buckets: [Duration] = [.milliseconds(10), .milliseconds(100), .seconds(1), .seconds(10), .seconds(60), .seconds(600)]

    func record(_ job: String, outcome: Outcome, counts: [String: Int], duration: Duration) {
        registry.makeCounter(descriptor: Self.runs, labels: [("job", job), ("outcome", outcome.rawValue)]).increment()
        registry.makeDurationHistogram(descriptor: Self.duration, labels: [("job", job)], buckets: Self.buckets).record(duration)
        for (name, value) in counts {
            registry.makeGauge(descriptor: Self.lastCount, labels: [("job", job), ("count", name)]).set(Double(value))
        }
    }
}
