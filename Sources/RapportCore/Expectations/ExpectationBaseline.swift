/// Computes a customer's expectation baseline (期望底线, DOMAIN part 3) and where they stand.
public enum ExpectationBaseline {
    /// Evaluates the customer's results in the window ending `today`.
    ///
    /// - The measure and window length come from the business type's defaults (`nil` = `other`);
    ///   only results of that measure count, and results after `today` are ignored.
    /// - The customer's start is the earlier of `since` (e.g. the subscription start, when known)
    ///   and their first recorded result of any measure.
    /// - Past windows are the windows of the same length just before the current one, up to
    ///   `policy.pastWindows`, counting only those that begin on or after the start.
    /// - With at least one past window the lines come from history: bottom = past minimum ×
    ///   (1 − bottomMargin), rounded to the nearest whole number (halves up), so small counts keep
    ///   a bottom at their worst past result rather than dropping to zero; satisfaction = past
    ///   average × (1 + satisfactionMargin), rounded up, and at least bottom + 1 so that merely
    ///   repeating the past minimum is never "satisfied". A product within a relative 1e-9 of a whole
    ///   number counts as that number before rounding. Otherwise the defaults apply.
    /// - Level: below bottom when measured < bottom; above satisfaction when measured ≥
    ///   satisfaction; between otherwise.
    /// The share of the window a customer must have been with us before the level says "below
    /// the bottom line" or "between the lines": a quarter (three months of a year, six weeks of six months).
    public static let judgeableFraction = 0.25

    public static func evaluate(results: [ResultRecord], businessType: BusinessType?, policy: ExpectationPolicy,
                                today: CalendarDate, since: CalendarDate? = nil) -> ExpectationStatus {
        let defaults = policy.defaults(for: businessType)
        let months = defaults.windowMonths
        let current = ResultWindow.ending(today, months: months, back: 0)
        let relevant = results.filter { $0.measure == defaults.measure && $0.on <= today }
        let firstResult = results.lazy.map(\.on).filter { $0 <= today }.min()
        let start = [since, firstResult].compactMap { $0 }.min()

        var history: [WindowTotal] = []
        if let start {
            for back in 1...policy.pastWindows {
                let window = ResultWindow.ending(today, months: months, back: back)
                guard window.from >= start else { break }
                history.append(WindowTotal(window: window, total: total(of: relevant, in: window)))
            }
        }

        let bottom: Int64, satisfaction: Int64, source: ExpectationSource
        if let lowest = history.map(\.total).min() {
            let average = history.reduce(0.0) { $0 + Double($1.total) } / Double(history.count)
            bottom = clamped(snapped(Double(lowest) * (1 - policy.bottomMargin)).rounded(.toNearestOrAwayFromZero))
            let fromAverage = clamped(snapped(average * (1 + policy.satisfactionMargin)).rounded(.up))
            satisfaction = max(fromAverage, adding(bottom, 1))
            source = .history
        } else {
            bottom = defaults.bottom
            satisfaction = defaults.satisfaction
            source = .defaults
        }

        let measured = total(of: relevant, in: current)
        var fraction = 1.0, elapsedMonths = months
        if let start {
            if start > today {
                fraction = 0; elapsedMonths = 0
            } else if start > current.from {
                fraction = Double(ResultWindow(from: start, to: today).days) / Double(current.days)
                elapsedMonths = ResultWindow.months(from: ResultWindow.dayBefore(start), to: today)
            }
        }
        // Good news can be told at once; "below" or "between" only once enough of the window has passed.
        let level: ExpectationLevel = measured >= satisfaction ? .aboveSatisfaction
            : fraction < judgeableFraction ? .tooEarly
            : measured < bottom ? .belowBottom : .between
        return ExpectationStatus(measure: defaults.measure, window: current, measured: measured, bottom: bottom,
                                 satisfaction: satisfaction, source: source, level: level, history: history,
                                 elapsedFraction: fraction, elapsedMonths: elapsedMonths)
    }

    private static func total(of results: [ResultRecord], in window: ResultWindow) -> Int64 {
        results.reduce(0) { window.contains($1.on) ? adding($0, $1.value) : $0 }
    }

    /// Addition that saturates instead of trapping on absurd input.
    private static func adding(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// Binary floating point makes 20 × 1.1 come out as 22.000000000000004; a product this close to a
    /// whole number is taken as that number, so rounding up does not add one.
    private static func snapped(_ value: Double) -> Double {
        let whole = value.rounded()
        return abs(value - whole) <= abs(value) * 1e-9 ? whole : value
    }

    /// A whole-number Double as Int64, saturating outside the range.
    private static func clamped(_ value: Double) -> Int64 {
        if value >= 9.2e18 { return .max }
        if value <= -9.2e18 { return .min }
        return Int64(value)
    }
}
