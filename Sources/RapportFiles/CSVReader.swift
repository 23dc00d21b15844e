import Foundation

/// Reads CSV files (RFC 4180) in UTF-8, UTF-8 with BOM, UTF-16 with BOM or GB18030.
public struct CSVReader {
    /// Reads a whole CSV file into a table.
    ///
    /// Fully empty lines are skipped; the first non-empty line is the header (cells
    /// trimmed of whitespace). Data rows shorter than the header are padded with "";
    /// longer rows are an error unless the extra cells are empty.
    /// - Parameter data: The file's bytes, at most ``FileLimits/maxInputBytes``.
    /// - Returns: The table and the detected encoding.
    /// - Throws: ``FileError/tooLarge``, ``FileError/emptyFile``,
    ///   ``FileError/unreadableEncoding`` or ``FileError/malformedCSV(line:reason:)``.
    public static func read(_ data: Data) throws(FileError) -> (table: Table, encoding: TextEncodingGuess) {
        var source = try CSVRowSource(data)
        var header: [String]?
        var rows: [[String]] = []
        while let row = try source.next() {
            switch row {
            case let .header(cells): header = cells
            case let .data(cells): rows.append(cells)
            }
        }
        guard let header else { throw .emptyFile }
        return (Table(header: header, rows: rows), source.encoding)
    }

    /// Calls `body` for each row without building a table: first for the header,
    /// then for each data row, normalized as in ``read(_:)``.
    /// - Parameters:
    ///   - data: The file's bytes, at most ``FileLimits/maxInputBytes``.
    ///   - body: Receives the header cells first, then each data row's cells.
    /// - Returns: The detected encoding.
    /// - Throws: A ``FileError`` as ``read(_:)`` does, or whatever `body` throws.
    @discardableResult
    public static func forEachRow(_ data: Data, _ body: ([String]) throws -> Void) throws -> TextEncodingGuess {
        var source = try CSVRowSource(data)
        var sawHeader = false
        while let row = try source.next() {
            switch row {
            case let .header(cells):
                sawHeader = true
                try body(cells)
            case let .data(cells):
                try body(cells)
            }
        }
        guard sawHeader else { throw FileError.emptyFile }
        return source.encoding
    }
}

/// Decodes CSV bytes and yields normalized rows one at a time.
struct CSVRowSource {
    /// The detected text encoding.
    let encoding: TextEncodingGuess
    private var parser: CSVParser
    private var normalizer = RowNormalizer { line, column, width in
        .malformedCSV(line: line, reason: "field \(column + 1) has a value but the header has only \(width) fields")
    }

    /// Checks the size of `data` and decodes it.
    init(_ data: Data) throws(FileError) {
        guard data.count <= FileLimits.maxInputBytes else { throw .tooLarge }
        guard !data.isEmpty else { throw .emptyFile }
        let (text, encoding) = try TextDecoder.decode(data)
        self.encoding = encoding
        parser = CSVParser(text: text)
    }

    /// Returns the next non-empty row, or `nil` at the end.
    mutating func next() throws(FileError) -> RowNormalizer.Row? {
        while let record = try parser.next() {
            if let row = try normalizer.normalize(record.fields, position: record.line) {
                return row
            }
        }
        return nil
    }
}
