import Foundation
import RapportCore
import RapportStore

/// The pipeline board (kanban) and the deal-outcome statistics.
public struct Pipeline: Sendable {
    let deps: Dependencies

    /// The pipeline over the deals the user may see (optionally one owner's): per stage the count,
    /// amount and weighted amount of open deals and its `perStage` most recently changed deals.
    /// A rep's or manager's board is one query (window functions over their open deals); an
    /// admin's is a grouped query plus one index-ordered query per stage.
    public func board(_ acting: Acting, ownerID: UserID? = nil, perStage: Int = 50) async throws -> PipelineBoard {
        let limit = max(0, min(perStage, 200))
        let scope = acting.scope
        return try await deps.read(acting) { session in
            let stages = try await session.catalog.dealStages().sorted { ($0.position, $0.id) < ($1.position, $1.id) }
            var rows: [PipelineRow]
            var byStage: [DealStageID: [Deal]] = [:]
            var names: [CustomerID: String] = [:]
            if scope == .all || ownerID != nil {
                // Everything, or one owner's deals: the state or owner index gives each column's
                // newest deals without reading the rest.
                rows = try await session.pipelineRows(ownerID: ownerID)
                let filled = stages.map(\.id).filter { stage in rows.contains { $0.stageID == stage } }
                let shown = try await session.openDeals(in: filled, ownerID: ownerID, limit: limit)
                for deal in shown.deals { byStage[deal.stageID, default: []].append(deal) }
                names = shown.customerNames
            } else {
                // A rep's or a team's book: one pass over its open deals.
                let board = try await session.pipelineBoard(ownerID: ownerID, limit: limit)
                rows = board.rows
                for deal in board.deals { byStage[deal.stageID, default: []].append(deal) }
                names = board.customerNames
            }
            let sums = PipelineSummary.columns(stages: stages, rows: rows)
            let columns = zip(stages, sums).map { stage, totals in
                let deals = byStage[stage.id] ?? []
                return PipelineColumn(stage: stage, count: totals.count, totals: totals.totals, deals: deals,
                                      hasMore: totals.count > deals.count)
            }
            return PipelineBoard(columns: columns, totals: PipelineSummary.overall(sums),
                                 customerNames: Dictionary(uniqueKeysWithValues: names.map { ($0.key.description, $0.value) }))
        }
    }

    /// Team statistics by deal outcome (managers and admins): people by type among each owner's
    /// customers with won deals and with lost deals.
    public func outcomeMix(_ acting: Acting) async throws -> [DealOutcomeMixRow] {
        guard acting.isManager else { throw AppError.forbidden(reason: .managerOnly) }
        return try await deps.read(acting) { try await $0.dealOutcomeMix() }
    }
}
