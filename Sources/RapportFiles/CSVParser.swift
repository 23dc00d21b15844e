/// One parsed CSV record and the 1-based line on which it starts.
struct CSVRecord {
    /// The record's fields, unquoted.
    var fields: [String]
    /// The physical line (1-based) where the record starts.
    var line: Int
}

/// An RFC 4180 record parser over UTF-8 bytes.
///
/// Accepts CR, LF and CRLF line ends, quoted fields containing commas, doubled
/// quotes and line breaks. A quote inside an unquoted field is kept literally
/// (as Excel does); text after a closing quote is an error.
struct CSVParser {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    /// Creates a parser over the UTF-8 encoding of `text`.
    init(text: String) {
        bytes = Array(text.utf8)
    }

    /// Returns the next record, or `nil` at the end of the input.
    ///
    /// An empty line yields a record with one empty field.
    mutating func next() throws(FileError) -> CSVRecord? {
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        while true {
            fields.append(try nextField(recordLine: startLine))
            guard index < bytes.count else { break }
            let byte = bytes[index]
            index += 1
            if byte == Self.comma { continue }
            if byte == Self.carriageReturn, index < bytes.count, bytes[index] == Self.lineFeed {
                index += 1
            }
            line += 1
            break
        }
        return CSVRecord(fields: fields, line: startLine)
    }

    /// Reads one field and leaves `index` on the delimiter that ends it (or at the end).
    private mutating func nextField(recordLine: Int) throws(FileError) -> String {
        var field: [UInt8] = []
        guard index < bytes.count, bytes[index] == Self.quote else {
            while index < bytes.count, !isDelimiter(bytes[index]) {
                field.append(bytes[index])
                index += 1
            }
            return String(decoding: field, as: UTF8.self)
        }
        index += 1
        while true {
            guard index < bytes.count else {
                throw .malformedCSV(line: recordLine, reason: "a quoted field is never closed")
            }
            let byte = bytes[index]
            index += 1
            if byte == Self.quote {
                guard index < bytes.count, bytes[index] == Self.quote else { break }
                index += 1
            } else if byte == Self.lineFeed {
                line += 1
            } else if byte == Self.carriageReturn, index >= bytes.count || bytes[index] != Self.lineFeed {
                line += 1
            }
            field.append(byte)
        }
        if index < bytes.count, !isDelimiter(bytes[index]) {
            throw .malformedCSV(line: line, reason: "unexpected text after a closing quote")
        }
        return String(decoding: field, as: UTF8.self)
    }

    private func isDelimiter(_ byte: UInt8) -> Bool {
        byte == Self.comma || byte == Self.carriageReturn || byte == Self.lineFeed
    }
}
