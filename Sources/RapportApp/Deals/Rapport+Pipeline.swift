import Foundation
import RapportCore
import RapportStore

extension Rapport {
    /// The pipeline over the deals the user may see (optionally one owner's): per stage the count,
    /// amount and weighted amount of open deals and its `perStage` most recently changed deals.
    /// Two grouped queries plus one small query per stage, so it stays fast at 1M customers.
    public func pipeline(_ acting: Acting, ownerID: UserID? = nil, perStage: Int = 50) async throws -> PipelineBoard {
        let limit = max(0, min(perStage, 200))
        return try await store.read { session in
            let stages = try await session.dealStages()
            let rows = try await session.pipelineRows(ownerID: ownerID, scope: acting.scope)
            let sums = PipelineSummary.columns(stages: stages, rows: rows)
            var columns: [PipelineColumn] = []
            for (stage, totals) in zip(stages.sorted { ($0.position, $0.id) < ($1.position, $1.id) }, sums) {
                let deals = totals.count == 0 || limit == 0 ? []
                    : try await session.openDeals(in: stage.id, ownerID: ownerID, scope: acting.scope, limit: limit)
                columns.append(PipelineColumn(stage: stage, count: totals.count, totals: totals.totals, deals: deals,
                                              hasMore: totals.count > deals.count))
            }
            return PipelineBoard(columns: columns, totals: PipelineSummary.overall(sums))
        }
    }

    /// Team statistics by deal outcome (managers and admins): people by type among each owner's
    /// customers with won deals and with lost deals.
    public func dealOutcomeMix(_ acting: Acting) async throws -> [DealOutcomeMixRow] {
        guard acting.isManager else { throw AppError.forbidden(reason: "managerOnly") }
        return try await store.read { try await $0.dealOutcomeMix(scope: acting.scope) }
    }
}
