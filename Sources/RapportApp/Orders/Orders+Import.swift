import Foundation
import RapportCore
import RapportFiles
import RapportStore

extension Orders {
    /// Imports orders (CSV or XLSX), one row per order line: order number, customer (id, name or
    /// registration number), order date, product code or description, quantity, unit price and
    /// unit cost (in currency units, e.g. 12.50), rep username, status. Rows with the same order
    /// number form one order (the first row gives its customer, date, rep and status); a blank
    /// number makes the row an order of its own. An order with any bad row is rejected whole (every
    /// row listed with its reasons); good orders are kept. `dryRun` checks without writing.
    public func importFile(_ acting: Acting, data: Data, fileName: String, dryRun: Bool = false) async throws -> ImportReport {
        let (format, table, encoding) = try Transfers.readTable(data, fileName: fileName)
        var columns: [Int: OrderColumn] = [:]
        var ignored: [String] = []
        for (index, title) in table.header.enumerated() {
            if let column = OrderColumn.match(title) { columns[index] = column } else if !title.isEmpty { ignored.append(title) }
        }
        let present = Set(columns.values)
        guard present.contains(.quantity), present.contains(.customer) || present.contains(.customerID),
              present.contains(.productCode) || present.contains(.description) else {
            throw AppError.invalid([FieldError("header", .missingColumns, detail: "customer, product, quantity")])
        }
        var report = ImportReport(format: format.rawValue, encoding: encoding, dryRun: dryRun, totalRows: table.rows.count,
                                  imported: 0, rejected: [], duplicates: [], ignoredColumns: ignored)
        let users = try await deps.read(acting) { try await $0.catalog.users() }
        let customerColumn = columns.first { $0.value == .customer }?.key
        let byName = try await Transfers(deps: deps).customersByName(acting, table.rows.compactMap { row in
            customerColumn.flatMap { $0 < row.count ? row[$0].trimmingCharacters(in: .whitespacesAndNewlines) : nil }
        })
        var groups: [(number: String, rows: [ImportedOrderRow], bad: [ImportReport.Rejection])] = []
        var groupIndex: [String: Int] = [:]
        for (index, row) in table.rows.enumerated() {
            var cells: [OrderColumn: String] = [:]
            for (i, column) in columns where i < row.count { cells[column] = row[i].trimmingCharacters(in: .whitespacesAndNewlines) }
            if cells.values.allSatisfy(\.isEmpty) { report.totalRows -= 1; continue }
            let number = cells[.number] ?? ""
            let key = number.isEmpty ? "\u{1F}\(index)" : number
            if groupIndex[key] == nil { groupIndex[key] = groups.count; groups.append((number, [], [])) }
            guard let slot = groupIndex[key] else { continue }
            var errors: [FieldError] = []
            if let good = try await importedOrderRow(acting, cells, line: index + 2, number: number, users: users, byName: byName,
                                                     errors: &errors) {
                groups[slot].rows.append(good)
            } else {
                groups[slot].bad.append(.init(line: index + 2, errors: errors))
            }
        }
        // Orders to record as they are go in one batch; dry runs and cancelled orders one by one.
        var batch: [(group: Int, customerID: CustomerID, draft: OrderDraft)] = []
        for (index, group) in groups.enumerated() {
            report.imported += group.rows.count + group.bad.count
            switch Self.importedDraft(group.number, group.rows, group.bad) {
            case .rejected(let rejected):
                report.rejected += rejected
                report.imported -= rejected.count
            case .ready(let first, let draft) where !dryRun && first.status != .cancelled:
                batch.append((index, first.customerID, draft))
            case .ready:
                let rejected = try await importOrder(acting, group.number, group.rows, group.bad, dryRun: dryRun)
                report.rejected += rejected
                report.imported -= rejected.count
            }
        }
        for (item, outcome) in zip(batch, try await createMany(acting, batch.map { ($0.customerID, $0.draft) })) {
            guard let outcome else { continue }
            let rejected = try Self.rejections(outcome, groups[item.group].rows, groups[item.group].bad)
            report.rejected += rejected
            report.imported -= rejected.count
        }
        report.rejected.sort { $0.line < $1.line }
        if !dryRun {
            let entry = try deps.audit(acting.id, .order, "import", .importRun, before: nil as ImportReport?, after: report)
            try await deps.write(acting) { try await $0.catalog.appendAudit(entry) }
        }
        return report
    }

    /// One order of the file: its rows rejected (a bad row, or rows naming different customers
    /// rejects them all), or its first row and its draft.
    enum ImportedDraft {
        case rejected([ImportReport.Rejection])
        case ready(ImportedOrderRow, OrderDraft)
    }

    static func importedDraft(_ number: String, _ rows: [ImportedOrderRow], _ bad: [ImportReport.Rejection]) -> ImportedDraft {
        var rejected = bad
        if let first = rows.first {
            for row in rows.dropFirst() where row.customerID != first.customerID {
                rejected.append(.init(line: row.line, errors: [FieldError("customer", .mismatch)]))
            }
        }
        if !rejected.isEmpty { return .rejected(rejectAll(rejected, rows, [FieldError("number", .orderHasRejectedRows)])) }
        guard let first = rows.first else { return .rejected([]) }
        return .ready(first, OrderDraft(number: number.isEmpty ? nil : number, orderedOn: first.orderedOn, repID: first.repID,
                                        currency: first.currency, status: first.status == .cancelled ? nil : first.status,
                                        note: first.note, lines: rows.map(\.draft)))
    }

    /// `rejected` and every other row of the order, the others with `errors`.
    private static func rejectAll(_ rejected: [ImportReport.Rejection], _ rows: [ImportedOrderRow],
                                  _ errors: [FieldError]) -> [ImportReport.Rejection] {
        let lines = Set(rejected.map(\.line))
        return rejected + rows.filter { !lines.contains($0.line) }.map { .init(line: $0.line, errors: errors) }
    }

    /// Every row of an order the app refused, with the reasons; other failures are thrown on.
    static func rejections(_ error: any Error, _ rows: [ImportedOrderRow],
                           _ bad: [ImportReport.Rejection]) throws -> [ImportReport.Rejection] {
        switch error {
        case AppError.invalid(let errors): return rejectAll(bad, rows, errors)
        case AppError.forbidden(let reason): return rejectAll(bad, rows, [FieldError("rep", .forbidden, detail: reason.rawValue)])
        case AppError.notFound: return rejectAll(bad, rows, [FieldError("customer", .unknown)])
        default: throw error
        }
    }

    /// Checks (dry run) or writes one order from its rows, one at a time; every row rejected with
    /// reasons when it cannot be recorded.
    private func importOrder(_ acting: Acting, _ number: String, _ rows: [ImportedOrderRow],
                             _ bad: [ImportReport.Rejection], dryRun: Bool) async throws -> [ImportReport.Rejection] {
        let first: ImportedOrderRow, draft: OrderDraft
        switch Self.importedDraft(number, rows, bad) {
        case .rejected(let rejected): return rejected
        case .ready(let row, let built): (first, draft) = (row, built)
        }
        do {
            if dryRun {
                if !number.isEmpty, try await deps.read(acting, { try await $0.orderNumberTaken(number, excluding: nil) }) {
                    throw AppError.invalid([FieldError("number", .taken)])
                }
                do { try draft.validate(current: nil) } catch { throw AppError.invalid(error.errors) }
                _ = try await Customers(deps: deps).get(acting, first.customerID)
                return []
            }
            let order = try await create(acting, customerID: first.customerID, draft)
            if first.status == .cancelled { _ = try await cancel(acting, order.id) }
            return []
        } catch {
            return try Self.rejections(error, rows, bad)
        }
    }

    /// One row read into a line and its order's fields, or its errors.
    private func importedOrderRow(_ acting: Acting, _ cells: [OrderColumn: String], line: Int, number: String,
                                  users: [User], byName: [String: [CustomerID]],
                                  errors: inout [FieldError]) async throws -> ImportedOrderRow? {
        var customerID = try await Transfers(deps: deps).importedCustomer(acting, id: cells[.customerID], name: cells[.customer],
                                                                          byName: byName, errors: &errors)
        if customerID == nil, let text = cells[.customer], !text.isEmpty {
            let matches = try await Customers(deps: deps).duplicates(acting, name: "", registrationNumber: text).filter(\.visible)
            if matches.count == 1 { customerID = matches[0].customerID; errors.removeAll { $0.field == "customer" } }
        }
        var orderedOn: CalendarDate?
        if let text = cells[.orderedOn], !text.isEmpty {
            orderedOn = CalendarDate(parsing: String(text.prefix(10)))
            if orderedOn == nil { errors.append(FieldError("orderedOn", .invalid)) }
        }
        var product: Product?
        if let code = cells[.productCode], !code.isEmpty {
            product = try await deps.read(acting) { try await $0.catalog.product(code: code) }
            if product == nil { errors.append(FieldError("productCode", .unknown)) }
        } else if (cells[.description] ?? "").isEmpty {
            errors.append(FieldError("description", .required))
        }
        let quantity = Double((cells[.quantity] ?? "").replacingOccurrences(of: ",", with: ""))
        if quantity == nil || !(quantity ?? 0).isFinite || (quantity ?? 0) <= 0 { errors.append(FieldError("quantity", .invalid)) }
        func money(_ column: OrderColumn) -> Int64? {
            guard let text = cells[column], !text.isEmpty else { return nil }
            guard let value = MinorUnits.parse(text), value >= 0 else { errors.append(FieldError(column.rawValue, .invalid)); return nil }
            return value
        }
        let unitPrice = money(.unitPrice), unitCost = money(.unitCost)
        if unitPrice == nil, (cells[.productCode] ?? "").isEmpty, (cells[.unitPrice] ?? "").isEmpty { errors.append(FieldError("unitPrice", .required)) }
        var repID: UserID?
        if let rep = cells[.rep], !rep.isEmpty {
            repID = users.first { $0.username == rep || $0.displayName == rep }?.id
            if repID == nil { errors.append(FieldError("rep", .unknown)) }
        }
        var status: OrderStatus?
        if let text = cells[.status], !text.isEmpty {
            status = OrderColumn.statuses[SearchText.normalize(text)] ?? OrderColumn.statuses[text]
            if status == nil { errors.append(FieldError("status", .notAnOption)) }
        }
        let currency = cells[.currency].flatMap { $0.isEmpty ? nil : $0.uppercased() }
        if let currency, !MinorUnits.isCurrencyCode(currency) { errors.append(FieldError("currency", .invalid)) }
        guard errors.isEmpty, let customerID, let quantity else { return nil }
        let draft = OrderLineDraft(productID: product?.id, description: cells[.description] ?? "", quantity: quantity,
                                   unitPrice: unitPrice, unitCost: unitCost).filled(from: product)
        return ImportedOrderRow(line: line, number: number, customerID: customerID, orderedOn: orderedOn, repID: repID,
                                status: status, currency: currency, note: cells[.note] ?? "", draft: draft)
    }
}
