import Hummingbird
import Prometheus
import RapportEdge

/// Counts requests and records their durations in the app's own Prometheus registry, labelled by
/// method, route pattern (not the raw path, so ids do not explode the series) and status.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = RapportRequestContext
    let registry: PrometheusCollectorRegistry

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "rapport", subsystem: "http", metricName: "requests", unitName: "total",
                             helpText: "HTTP requests answered, by method, route and status.")
    }
    static var duration: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "rapport", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                             helpText: "Time to answer HTTP requests.")
    }
    static let buckets: [Duration] = [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(20),
                                      .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let route = context.endpointPath ?? "unmatched"
            let labels = [("method", request.method.rawValue), ("route", route), ("status", String(status))]
            registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
            registry.makeDurationHistogram(descriptor: Self.duration, labels: [("method", request.method.rawValue), ("route", route)],
                                           buckets: Self.buckets).record(ContinuousClock.now - start)
        }
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            status = Int(error.status.code)
            throw error
        }
    }
}
