import Foundation

/// A table file format that the readers understand.
public enum FileFormat: String, Sendable, CaseIterable {
    /// Comma-separated values.
    case csv
    /// Office Open XML workbook (Excel 2007 and later).
    case xlsx

    /// Guesses the format of an uploaded file.
    ///
    /// Data starting with a ZIP signature ("PK\u{3}\u{4}") is XLSX whatever its
    /// name (uploads are often misnamed); otherwise the extension decides (.csv,
    /// .txt → CSV; .xlsx, .xlsm → XLSX); otherwise non-empty data that looks like
    /// text (no NUL bytes unless it has a UTF-16 BOM) is CSV.
    /// - Parameters:
    ///   - fileName: The file's name as uploaded.
    ///   - data: The file's bytes (only the first few KB are inspected).
    /// - Returns: The format, or `nil` if the file is neither (for example a legacy .xls).
    public static func guess(fileName: String, data: Data) -> FileFormat? {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        let fileExtension = (fileName as NSString).pathExtension.lowercased()
        switch fileExtension {
        case "csv", "txt": return .csv
        case "xlsx", "xlsm": return .xlsx
        default: break
        }
        guard !data.isEmpty else { return nil }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return .csv }
        return data.prefix(4096).contains(0) ? nil : .csv
    }
}
