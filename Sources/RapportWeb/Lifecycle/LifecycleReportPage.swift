import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /lifecycle`: customers per stage (a bar chart drawn as SVG on the server) and the moves
/// between stages per month, over the customers the user may see.
struct LifecycleReportPage: Sendable {
    let env: PageEnvironment
    /// The bars' longest length in SVG units.
    static let barWidth = 360.0

    func register(on router: RouterGroup<SessionContext>) {
        router.get("lifecycle", use: env.page(.signedIn, show))
    }

    @Sendable func show(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let summary = try await env.app.lifecycles.summary(acting, months: 12)
        let language = page.language
        let top = Double(max(summary.stages.map(\.count).max() ?? 0, 1))
        let rowHeight = 22
        let bars = summary.stages.enumerated().map { index, entry in
            let width = Double(entry.count) / top * Self.barWidth
            return LifecycleReportModel.Bar(
                stage: entry.stage.rawValue,
                label: LifecycleText.stage(entry.stage, env, language),
                count: entry.count,
                url: "/customers?stage=\(entry.stage.rawValue)",
                y: index * rowHeight, textY: index * rowHeight + 15,
                width: String(format: "%.1f", entry.count > 0 ? max(width, 1) : 0),
                countX: String(format: "%.1f", 130 + width + 6))
        }
        let flow = summary.flow.map { move in
            LifecycleReportModel.Move(
                month: move.month,
                from: move.from.map { LifecycleText.stage($0, env, language) } ?? env.text("lifecycle.newCustomer", language),
                to: LifecycleText.stage(move.to, env, language),
                count: move.count)
        }
        // The same moves summed per stage, beside the count now: the two tables tell one story.
        let balance = summary.stages.map { entry in
            LifecycleReportModel.Balance(
                stage: entry.stage.rawValue, label: LifecycleText.stage(entry.stage, env, language), now: entry.count,
                movedIn: summary.flow.filter { $0.to == entry.stage }.reduce(0) { $0 + $1.count },
                movedOut: summary.flow.filter { $0.from == entry.stage }.reduce(0) { $0 + $1.count })
        }
        let model = LifecycleReportModel(bars: bars, chartWidth: Int(130 + Self.barWidth + 60),
                                         chartHeight: summary.stages.count * rowHeight, balance: balance, flow: flow)
        return try await env.render("lifecycle", page, title: "lifecycle.title", model: model)
    }
}
