/// What a customer's results are counted in.
public enum ResultMeasure: String, Sendable, Codable, CaseIterable {
    /// New long-term customers won through the platform.
    case longTermCustomers
    /// Orders won.
    case orders
    /// Units sold.
    case units
    /// Revenue in minor currency units (fen, cents).
    case revenue
}

/// One result a customer reported or we measured, dated to the day it was achieved.
public struct ResultRecord: Sendable, Codable, Equatable {
    public var on: CalendarDate
    public var measure: ResultMeasure
    /// A count, or revenue in minor units.
    public var value: Int64

    public init(on: CalendarDate, measure: ResultMeasure, value: Int64) {
        self.on = on; self.measure = measure; self.value = value
    }
}
