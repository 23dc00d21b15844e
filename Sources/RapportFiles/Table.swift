/// A rectangular table of text cells: a header row and data rows.
///
/// The readers in this module always produce rows that have exactly as many
/// cells as the header. Writers accept ragged rows and write them as given.
public struct Table: Sendable, Equatable {
    /// The column names, in column order.
    public var header: [String]
    /// The data rows; each row is a list of cells in column order.
    public var rows: [[String]]

    /// Creates a table from a header row and data rows.
    /// - Parameters:
    ///   - header: The column names.
    ///   - rows: The data rows.
    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
}
