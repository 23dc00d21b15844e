/// One group of open deals as the store counts them: a stage and a currency.
public struct PipelineRow: Sendable, Equatable, Codable {
    public var stageID: DealStageID
    public var currency: String
    public var count: Int
    public var amount: Int64

    public init(stageID: DealStageID, currency: String, count: Int, amount: Int64) {
        self.stageID = stageID; self.currency = currency; self.count = count; self.amount = amount
    }
}

/// The sum of open deals in one currency: face amount and amount weighted by the stage's probability.
public struct MoneyTotal: Sendable, Equatable, Codable {
    public var currency: String
    public var amount: Int64
    public var weighted: Int64

    public init(currency: String, amount: Int64, weighted: Int64) {
        self.currency = currency; self.amount = amount; self.weighted = weighted
    }
}

/// One column of the pipeline: the stage, how many open deals it holds and what they are worth.
public struct PipelineColumnTotals: Sendable, Equatable, Codable {
    public var stageID: DealStageID
    public var probability: Int
    public var count: Int
    /// One entry per currency, the default currency first, then by code.
    public var totals: [MoneyTotal]

    public init(stageID: DealStageID, probability: Int, count: Int, totals: [MoneyTotal]) {
        self.stageID = stageID; self.probability = probability; self.count = count; self.totals = totals
    }
}

/// Pipeline arithmetic (pure): counts and amounts per stage, and the weighted amount
/// (amount × probability / 100, rounded half up) per stage and overall.
public enum PipelineSummary {
    /// `amount` × `probability` % in minor units, rounded half up; saturates instead of overflowing.
    public static func weighted(_ amount: Int64, probability: Int) -> Int64 {
        let p = Int64(min(max(probability, 0), 100))
        let (product, overflow) = amount.multipliedReportingOverflow(by: p)
        if overflow { return amount / 100 * p }
        return (product + 50) / 100
    }

    /// A column per stage in pipeline order (stages without deals get zeros); rows of unknown
    /// stages are ignored.
    public static func columns(stages: [DealStage], rows: [PipelineRow]) -> [PipelineColumnTotals] {
        stages.sorted { ($0.position, $0.id) < ($1.position, $1.id) }.map { stage in
            let mine = rows.filter { $0.stageID == stage.id }
            var byCurrency: [String: Int64] = [:]
            for row in mine { byCurrency[row.currency, default: 0] &+= row.amount }
            let totals = byCurrency.keys.sorted(by: currencyOrder).map { currency in
                let amount = byCurrency[currency] ?? 0
                return MoneyTotal(currency: currency, amount: amount, weighted: weighted(amount, probability: stage.probability))
            }
            return PipelineColumnTotals(stageID: stage.id, probability: stage.probability,
                                        count: mine.reduce(0) { $0 + $1.count }, totals: totals)
        }
    }

    /// The whole pipeline per currency (amount and weighted summed over the columns).
    public static func overall(_ columns: [PipelineColumnTotals]) -> [MoneyTotal] {
        var sums: [String: (Int64, Int64)] = [:]
        for total in columns.flatMap(\.totals) {
            let old = sums[total.currency] ?? (0, 0)
            sums[total.currency] = (old.0 &+ total.amount, old.1 &+ total.weighted)
        }
        return sums.keys.sorted(by: currencyOrder).map { MoneyTotal(currency: $0, amount: sums[$0]?.0 ?? 0, weighted: sums[$0]?.1 ?? 0) }
    }

    /// The default currency first, then alphabetical.
    static func currencyOrder(_ a: String, _ b: String) -> Bool {
        (a == MinorUnits.defaultCurrency ? 0 : 1, a) < (b == MinorUnits.defaultCurrency ? 0 : 1, b)
    }
}

/// One group of the team statistics by deal outcome: people of a given type among the customers
/// of one owner that have a won (or a lost) deal.
public struct DealOutcomeMixRow: Sendable, Equatable, Codable {
    public var ownerID: UserID
    /// `.won` or `.lost`.
    public var outcome: DealState
    public var temperament: Temperament?
    public var buyerType: BuyerType?
    public var count: Int

    public init(ownerID: UserID, outcome: DealState, temperament: Temperament?, buyerType: BuyerType?, count: Int) {
        self.ownerID = ownerID; self.outcome = outcome; self.temperament = temperament; self.buyerType = buyerType
        self.count = count
    }
}
