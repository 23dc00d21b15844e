import Foundation

/// Turns the stored text of a numeric cell into the text a user expects.
struct NumberText {
    /// Integral values print without a fraction ("42.0" → "42", "1.38E+10" →
    /// "13800000000"); trailing fractional zeros are dropped; values stored with
    /// more than 15 significant digits are rounded to 15, as Excel shows them
    /// ("0.30000000000000004" → "0.3"). Non-numeric text is returned trimmed.
    static func normalized(_ stored: String) -> String {
        let text = stored.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value.isFinite else { return text }
        let isPlainDecimal = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
        if isPlainDecimal, significantDigitCount(text) <= 15 {
            return withoutTrailingZeros(text)
        }
        let rounded = Double(String(format: "%.15g", value)) ?? value
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        return String(describing: rounded)
    }

    private static func significantDigitCount(_ text: String) -> Int {
        var digits = Array(text.unicodeScalars.filter { ("0"..."9").contains($0) })
        while digits.first == "0" { digits.removeFirst() }
        if text.contains(".") {
            while digits.last == "0" { digits.removeLast() }
        }
        return digits.count
    }

    private static func withoutTrailingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result.removeLast() }
        if result.last == "." { result.removeLast() }
        if result.isEmpty || result == "-" { return "0" }
        return result == "-0" ? "0" : String(result)
    }
}
