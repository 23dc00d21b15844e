/// One column of the kanban: the stage, its totals and its first deals.
public struct PipelineColumn: Sendable, Equatable, Codable {
    public var stage: DealStage
    public var count: Int
    public var totals: [MoneyTotal]
    /// The most recently changed open deals of the stage, at most the limit asked for.
    public var deals: [Deal]
    /// More open deals sit in this stage than `deals` holds.
    public var hasMore: Bool

    public init(stage: DealStage, count: Int, totals: [MoneyTotal], deals: [Deal], hasMore: Bool) {
        self.stage = stage; self.count = count; self.totals = totals; self.deals = deals; self.hasMore = hasMore
    }
}

/// The pipeline as the kanban shows it: a column per stage and the totals over all of them.
public struct PipelineBoard: Sendable, Equatable, Codable {
    public var columns: [PipelineColumn]
    public var totals: [MoneyTotal]
    /// The names of the customers of the deals shown, by customer id (read with the deals).
    public var customerNames: [String: String]

    public init(columns: [PipelineColumn], totals: [MoneyTotal], customerNames: [String: String] = [:]) {
        self.columns = columns; self.totals = totals; self.customerNames = customerNames
    }
}
