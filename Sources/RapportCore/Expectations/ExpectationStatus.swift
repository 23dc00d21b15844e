/// Where the customer's results stand against their expectation lines.
public enum ExpectationLevel: String, Sendable, Codable, CaseIterable {
    /// Below the bottom line: the customer is likely disappointed; act before renewal.
    case belowBottom
    /// At or above the bottom line but below the satisfaction line.
    case between
    /// At or above the satisfaction line.
    case aboveSatisfaction
    /// Not judged yet: the customer has been with us for less than `ExpectationBaseline.judgeableFraction`
    /// of the window and has not reached the satisfaction line (a month in, "below the bottom line"
    /// would only mean "new").
    case tooEarly
}

/// Where the lines came from.
public enum ExpectationSource: String, Sendable, Codable, CaseIterable {
    /// From the customer's own past windows.
    case history
    /// The business type's defaults: the customer has no complete past window yet.
    case defaults
}

/// The total of one past window.
public struct WindowTotal: Sendable, Codable, Equatable {
    public var window: ResultWindow
    public var total: Int64

    public init(window: ResultWindow, total: Int64) {
        self.window = window; self.total = total
    }
}

/// The outcome of `ExpectationBaseline.evaluate`.
public struct ExpectationStatus: Sendable, Codable, Equatable {
    public var measure: ResultMeasure
    /// The current window: the policy's window length, ending today.
    public var window: ResultWindow
    /// The sum of the measure's results in the current window.
    public var measured: Int64
    public var bottom: Int64
    public var satisfaction: Int64
    public var source: ExpectationSource
    public var level: ExpectationLevel
    /// The past windows the lines were computed from, most recent first; empty with defaults.
    public var history: [WindowTotal]
    /// How much of the current window the customer has been with us, 0...1: 1 for an established
    /// customer, 0.25 for one who started three months into a twelve-month window. A page shows the
    /// level of a young customer with that in mind.
    public var elapsedFraction: Double
    /// The same in whole months, for "3 months into the window".
    public var elapsedMonths: Int

    public init(measure: ResultMeasure, window: ResultWindow, measured: Int64, bottom: Int64, satisfaction: Int64,
                source: ExpectationSource, level: ExpectationLevel, history: [WindowTotal],
                elapsedFraction: Double, elapsedMonths: Int) {
        self.measure = measure; self.window = window; self.measured = measured; self.bottom = bottom
        self.satisfaction = satisfaction; self.source = source; self.level = level; self.history = history
        self.elapsedFraction = elapsedFraction; self.elapsedMonths = elapsedMonths
    }
}
