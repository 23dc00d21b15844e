import Foundation

/// An error raised while reading or writing CSV and XLSX files.
public enum FileError: Error, Sendable, Equatable {
    /// The bytes are not valid UTF-8, UTF-16 (with BOM) or GB18030 text.
    case unreadableEncoding
    /// The CSV text is malformed at the given 1-based line.
    case malformedCSV(line: Int, reason: String)
    /// The data is not a readable XLSX workbook.
    case notAnXLSX(reason: String)
    /// The worksheet content is unusable at the given 1-based sheet row.
    case malformedXLSX(row: Int, reason: String)
    /// The table cannot be stored as an XLSX workbook (for example it exceeds Excel's limits).
    case cannotWriteXLSX(reason: String)
    /// The file contains no header row.
    case emptyFile
    /// The file exceeds ``FileLimits/maxInputBytes`` (or decompresses to more than
    /// ``FileLimits/maxUncompressedBytes``).
    case tooLarge
}

extension FileError: CustomStringConvertible, LocalizedError {
    /// A human-readable explanation of the error, in English.
    public var description: String {
        switch self {
        case .unreadableEncoding:
            return "The file is not UTF-8, UTF-16 or GB18030 text."
        case let .malformedCSV(line, reason):
            return "CSV line \(line): \(reason)."
        case let .notAnXLSX(reason):
            return "Not a readable XLSX workbook: \(reason)."
        case let .malformedXLSX(row, reason):
            return "Worksheet row \(row): \(reason)."
        case let .cannotWriteXLSX(reason):
            return "Cannot write the XLSX workbook: \(reason)."
        case .emptyFile:
            return "The file contains no header row."
        case .tooLarge:
            return "The file is larger than \(FileLimits.maxInputBytes / (1024 * 1024)) MB."
        }
    }

    /// The same text as ``description``.
    public var errorDescription: String? { description }
}
