import Foundation

/// Money is kept as whole minor units (fen, cents: 1/100 of the currency unit) with a currency
/// code beside it, never as floating point. These helpers read and write the decimal text people
/// type and see ("12,345.6" ⇄ 1234560).
public enum MinorUnits {
    /// The currency used when none is given.
    public static let defaultCurrency = "CNY"

    /// Whether a code looks like an ISO 4217 currency code (three capital letters).
    public static func isCurrencyCode(_ code: String) -> Bool {
        code.utf8.count == 3 && code.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }

    /// Parses decimal text with at most two decimals; thousands separators (`,`), spaces and a
    /// leading currency sign (¥, $, €, £) are allowed; a leading `-` makes it negative. Nil when
    /// the text is not such a number or does not fit.
    public static func parse(_ text: String) -> Int64? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        if let sign = body.first, "¥￥$€£".contains(sign) { body = body.dropFirst() }
        let cleaned = body.filter { $0 != "," && $0 != " " }
        guard !cleaned.isEmpty else { return nil }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty || parts.count == 2,
              whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber) else { return nil }
        var fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 2, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber),
              !(whole.isEmpty && fraction.isEmpty) else { return nil }
        while fraction.count < 2 { fraction += "0" }
        guard let units = Int64(whole.isEmpty ? "0" : String(whole)), let cents = Int64(fraction) else { return nil }
        let (scaled, overflow) = units.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        let (total, overflow2) = scaled.addingReportingOverflow(cents)
        guard !overflow2 else { return nil }
        return negative ? -total : total
    }

    /// Plain decimal text with two decimals and no separators ("1234560" → "12345.60"), for forms and files.
    public static func plain(_ minor: Int64) -> String {
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Display text with thousands separators and the currency's sign or code ("¥12,345.60", "USD 5.00").
    public static func display(_ minor: Int64, currency: String) -> String {
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        var digits = String(magnitude / 100)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let cents = magnitude % 100
        let amount = "\(digits)\(grouped).\(cents < 10 ? "0" : "")\(cents)"
        switch currency {
        case "CNY": return "\(sign)¥\(amount)"
        case "USD": return "\(sign)$\(amount)"
        case "EUR": return "\(sign)€\(amount)"
        default: return "\(sign)\(currency) \(amount)"
        }
    }
}
