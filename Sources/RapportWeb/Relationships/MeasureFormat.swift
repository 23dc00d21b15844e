import Foundation
import RapportCore

/// Result values as people read and type them: counts as whole numbers, revenue (kept in minor
/// units, fen or cents) as an amount with two decimals.
enum MeasureFormat {
    static func display(_ value: Int64, _ measure: ResultMeasure) -> String {
        guard measure == .revenue else { return String(value) }
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Reads a typed value; `nil` when it is not a number of the measure's kind (a fraction of a
    /// count, more than two decimals of revenue) or too large.
    static func parse(_ text: String, _ measure: ResultMeasure) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard !trimmed.isEmpty, trimmed.count <= 20 else { return nil }
        if measure != .revenue { return Int64(trimmed) }
        let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = Int64(parts[0].isEmpty ? "0" : String(parts[0])), !parts[0].hasPrefix("-") else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int64(fraction) else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(cents)
        return overflow2 ? nil : total
    }
}
