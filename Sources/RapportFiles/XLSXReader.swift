import Foundation

/// Reads the first worksheet of an XLSX workbook into a table.
public struct XLSXReader {
    private static let defaultWorkbookPath = "xl/workbook.xml"

    /// Reads the first visible worksheet (the first worksheet if all are hidden).
    ///
    /// Cells are placed by their references (gaps become ""). Shared, inline and
    /// formula strings are read as text; numbers as their text ("42.0" → "42");
    /// booleans as "TRUE"/"FALSE"; numbers formatted as dates as "yyyy-MM-dd"
    /// (with " HH:mm:ss" if they have a time of day) and times as "HH:mm:ss".
    /// Empty rows are skipped; the first remaining row is the header (trimmed).
    /// Data rows are padded to the header's width; a value beyond it is an error.
    /// - Parameter data: The workbook's bytes, at most ``FileLimits/maxInputBytes``.
    /// - Returns: The sheet as a table.
    /// - Throws: ``FileError/tooLarge``, ``FileError/emptyFile``,
    ///   ``FileError/notAnXLSX(reason:)`` or ``FileError/malformedXLSX(row:reason:)``.
    public static func read(_ data: Data) throws(FileError) -> Table {
        guard data.count <= FileLimits.maxInputBytes else { throw .tooLarge }
        guard !data.isEmpty else { throw .emptyFile }
        var package = try ZIPPackage(data)
        let workbookPath = try findWorkbook(in: &package)
        let workbook = try XLSXWorkbook.parse(try package.read(workbookPath), path: workbookPath)
        let relationshipsPath = XLSXRelationship.relationshipsPath(for: workbookPath)
        let relationships = try XLSXRelationship.parse(
            try package.read(relationshipsPath), path: relationshipsPath, sourcePath: workbookPath
        )
        let sheetPath = try firstWorksheetPath(workbook: workbook, relationships: relationships)

        var sharedStrings: [String] = []
        if let path = relationships.first(where: { $0.isKind("sharedStrings") })?.target, package.contains(path) {
            sharedStrings = try XLSXSharedStrings.parse(try package.read(path), path: path)
        }
        var styles = XLSXStyles()
        if let path = relationships.first(where: { $0.isKind("styles") })?.target, package.contains(path) {
            styles = try XLSXStyles.parse(try package.read(path), path: path)
        }
        let context = XLSXWorksheet.Context(
            sharedStrings: sharedStrings, styles: styles, uses1904Dates: workbook.uses1904Dates
        )
        let sheet = try XLSXWorksheet.parse(try package.read(sheetPath), path: sheetPath, context: context)
        return try table(from: sheet)
    }

    /// The workbook part named by the package relationships (usually "xl/workbook.xml").
    private static func findWorkbook(in package: inout ZIPPackage) throws(FileError) -> String {
        var path = defaultWorkbookPath
        if package.contains("_rels/.rels") {
            let relationships = try XLSXRelationship.parse(
                try package.read("_rels/.rels"), path: "_rels/.rels", sourcePath: ""
            )
            if let target = relationships.first(where: { $0.isKind("officeDocument") })?.target {
                path = target
            }
        }
        guard package.contains(path) else {
            throw .notAnXLSX(reason: "the archive has no workbook part (\(path))")
        }
        return path
    }

    private static func firstWorksheetPath(
        workbook: XLSXWorkbook, relationships: [XLSXRelationship]
    ) throws(FileError) -> String {
        let worksheets = workbook.sheets.compactMap { sheet -> (path: String, isHidden: Bool)? in
            guard let relationship = relationships.first(where: { $0.id == sheet.relationshipID }),
                  relationship.isKind("worksheet") else { return nil }
            return (relationship.target, sheet.isHidden)
        }
        guard let sheet = worksheets.first(where: { !$0.isHidden }) ?? worksheets.first else {
            throw .notAnXLSX(reason: "the workbook has no worksheet")
        }
        return sheet.path
    }

    private static func table(from sheet: XLSXWorksheet) throws(FileError) -> Table {
        var normalizer = RowNormalizer { row, column, width in
            .malformedXLSX(
                row: row,
                reason: "cell \(CellReference.columnName(column))\(row) has a value but the header has only \(width) columns"
            )
        }
        var header: [String]?
        var rows: [[String]] = []
        for rowNumber in sheet.cells.keys.sorted() {
            guard let cells = sheet.cells[rowNumber], let maxColumn = cells.keys.max() else { continue }
            var values = Array(repeating: "", count: maxColumn + 1)
            for (column, text) in cells {
                values[column] = text
            }
            switch try normalizer.normalize(values, position: rowNumber) {
            case let .header(cells)?: header = cells
            case let .data(cells)?: rows.append(cells)
            case nil: continue
            }
        }
        guard let header else { throw .emptyFile }
        return Table(header: header, rows: rows)
    }
}
