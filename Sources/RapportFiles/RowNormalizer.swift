import Foundation

/// Turns raw records into a header and rectangular data rows.
///
/// Rows whose cells are all empty are skipped. The first remaining row is the
/// header (cells trimmed of whitespace). Shorter data rows are padded with "";
/// longer rows are accepted only if the extra cells are empty.
struct RowNormalizer {
    /// A normalized row.
    enum Row: Equatable {
        case header([String])
        case data([String])
    }

    /// Builds the error for a row (at `position`) with a value in the 0-based `column`
    /// beyond the header's width.
    private let makeError: (_ position: Int, _ column: Int, _ headerWidth: Int) -> FileError
    private var headerWidth: Int?

    init(makeError: @escaping (_ position: Int, _ column: Int, _ headerWidth: Int) -> FileError) {
        self.makeError = makeError
    }

    /// Normalizes `cells` found at `position` (a line or sheet row number); returns
    /// `nil` for a row that is skipped.
    mutating func normalize(_ cells: [String], position: Int) throws(FileError) -> Row? {
        guard cells.contains(where: { !$0.isEmpty }) else { return nil }
        guard let width = headerWidth else {
            headerWidth = cells.count
            return .header(cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        }
        if cells.count > width, let extra = cells[width...].firstIndex(where: { !$0.isEmpty }) {
            throw makeError(position, extra, width)
        }
        var row = Array(cells.prefix(width))
        row.append(contentsOf: repeatElement("", count: width - row.count))
        return .data(row)
    }
}
