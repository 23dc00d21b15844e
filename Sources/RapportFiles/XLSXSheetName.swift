/// Makes worksheet names acceptable to Excel.
struct XLSXSheetName {
    private static let maxLength = 31

    /// Replaces forbidden characters (`[]:*?/\` and control characters) with "_",
    /// strips apostrophes at either end, cuts to 31 UTF-16 units and falls back to
    /// "Sheet1" for an empty result or the reserved name "History".
    static func sanitized(_ name: String) -> String {
        let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]
        var scalars = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            let replace = forbidden.contains(scalar) || scalar.properties.generalCategory == .control
                || !XMLText.isLegal(scalar)
            scalars.append(replace ? "_" : scalar)
        }
        var result = String(scalars).trimmingApostrophes()
        while result.utf16.count > maxLength {
            result.removeLast()
        }
        result = result.trimmingApostrophes()
        if result.isEmpty || result.lowercased() == "history" {
            return "Sheet1"
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing apostrophes.
    fileprivate func trimmingApostrophes() -> String {
        var result = Substring(self)
        while result.first == "'" { result.removeFirst() }
        while result.last == "'" { result.removeLast() }
        return String(result)
    }
}
