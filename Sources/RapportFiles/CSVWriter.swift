import Foundation

/// Writes tables as CSV: UTF-8, CRLF line ends, RFC 4180 quoting.
public struct CSVWriter {
    /// Encodes `table` (header first) as CSV.
    ///
    /// Fields containing a comma, quote, CR or LF, or starting or ending with
    /// whitespace, are quoted; quotes are doubled. Cell text is written as is
    /// (a leading "=" is not neutralized).
    /// - Parameters:
    ///   - table: The table to write; ragged rows are written as given.
    ///   - bom: Whether to start with a UTF-8 byte order mark, which Excel
    ///     (notably Chinese Excel) needs to recognize UTF-8.
    /// - Returns: The encoded bytes.
    public static func write(_ table: Table, bom: Bool = true) -> Data {
        var text = ""
        appendRecord(table.header, to: &text)
        for row in table.rows {
            appendRecord(row, to: &text)
        }
        var data = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
        data.append(contentsOf: text.utf8)
        return data
    }

    private static func appendRecord(_ cells: [String], to text: inout String) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text.append(",") }
            text.append(quoted(cell))
        }
        text.append("\r\n")
    }

    private static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.unicodeScalars.contains { ",\"\r\n".unicodeScalars.contains($0) }
            || cell.unicodeScalars.first.map(isWhitespace) == true
            || cell.unicodeScalars.last.map(isWhitespace) == true
        guard needsQuotes else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }
}
