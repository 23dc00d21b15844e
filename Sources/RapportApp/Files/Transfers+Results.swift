import Foundation
import RapportCore
import RapportFiles
import RapportStore

/// The columns of a results file: which customer, when, which measure, how much.
enum ResultColumn: String, CaseIterable, Sendable {
    case customerID, customer, on, measure, value, note

    var headers: [String] {
        switch self {
        case .customerID: ["客户编号", "Customer ID"]
        case .customer: ["客户名称", "Customer", "公司", "Company"]
        case .on: ["日期", "Date"]
        case .measure: ["指标", "Measure"]
        case .value: ["数值", "Value", "数量", "金额"]
        case .note: ["备注", "Note"]
        }
    }

    static func match(_ header: String) -> ResultColumn? {
        let key = SearchText.normalize(header)
        return allCases.first { column in
            SearchText.normalize(column.rawValue) == key || column.headers.contains { SearchText.normalize($0) == key }
        }
    }

    /// Measure names as people write them, in both languages.
    static let measures: [String: ResultMeasure] = [
        "longtermcustomers": .longTermCustomers, "长期客户": .longTermCustomers, "新增长期客户": .longTermCustomers,
        "orders": .orders, "订单": .orders, "订单数": .orders,
        "units": .units, "销量": .units, "销售数量": .units, "件数": .units,
        "revenue": .revenue, "营业额": .revenue, "收入": .revenue, "销售额": .revenue,
    ]
}

extension Transfers {
    /// Imports measured results (CSV or XLSX): each row names a visible customer by id or name, a
    /// date (`YYYY-MM-DD`), a measure (`longTermCustomers`, `orders`, `units`, `revenue` or their
    /// Chinese names) and a whole number (revenue in minor units, e.g. fen). Bad rows are reported
    /// with their reasons and the good ones kept.
    public func importResults(_ acting: Acting, data: Data, fileName: String, dryRun: Bool = false) async throws -> ImportReport {
        let (format, table, encoding) = try Self.readTable(data, fileName: fileName)
        var columns: [Int: ResultColumn] = [:]
        var ignored: [String] = []
        for (index, title) in table.header.enumerated() {
            if let column = ResultColumn.match(title) { columns[index] = column } else if !title.isEmpty { ignored.append(title) }
        }
        let present = Set(columns.values)
        guard present.isSuperset(of: [.on, .measure, .value]), present.contains(.customer) || present.contains(.customerID) else {
            throw AppError.invalid([FieldError("header", .missingColumns, detail: "customer, date, measure, value")])
        }
        var report = ImportReport(format: format.rawValue, encoding: encoding, dryRun: dryRun, totalRows: table.rows.count,
                                  imported: 0, rejected: [], duplicates: [], ignoredColumns: ignored)
        let rows = table.rows.map { row -> [ResultColumn: String] in
            var cells: [ResultColumn: String] = [:]
            for (i, column) in columns where i < row.count { cells[column] = row[i].trimmingCharacters(in: .whitespacesAndNewlines) }
            return cells
        }
        let byName = try await customersByName(acting, rows.compactMap { $0[.customer] })
        // Checked rows, written 500 to a transaction after the whole file was read.
        var pending: [(line: Int, row: (customerID: CustomerID, record: ResultRecord, note: String))] = []
        for (index, cells) in rows.enumerated() {
            var errors: [FieldError] = []
            let customerID = try await importedCustomer(acting, id: cells[.customerID], name: cells[.customer], byName: byName,
                                                        errors: &errors)
            let on = CalendarDate(parsing: cells[.on] ?? "")
            if on == nil { errors.append(FieldError("on", .invalid)) }
            let measure = ResultColumn.measures[SearchText.normalize(cells[.measure] ?? "")]
            if measure == nil { errors.append(FieldError("measure", .notAnOption)) }
            let value = Int64(cells[.value] ?? "")
            if value == nil { errors.append(FieldError("value", .invalid)) }
            guard errors.isEmpty, let customerID, let on, let measure, let value else {
                report.rejected.append(.init(line: index + 2, errors: errors))
                continue
            }
            pending.append((index + 2, (customerID, ResultRecord(on: on, measure: measure, value: value), cells[.note] ?? "")))
        }
        if dryRun { report.imported += pending.count }
        for batch in dryRun ? [] : pending.batches(of: 500) {
            let outcomes = try await Situations(deps: deps).recordResults(acting, batch.map(\.row))
            for (row, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .success: report.imported += 1
                case .failure(.invalid(let errors)): report.rejected.append(.init(line: row.line, errors: errors))
                case .failure(let error): throw error
                }
            }
        }
        report.rejected.sort { $0.line < $1.line }
        return report
    }
}
