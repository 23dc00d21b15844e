import Foundation
import RapportCore
import RapportFiles
import RapportStore

extension Transfers {
    /// The key persons of every live customer the acting user may see, with their customer and boss by name.
    public func exportContacts(_ acting: Acting) async throws -> Table {
        var rows: [[String]] = []
        var query = CustomerQuery(limit: CustomerQuery.maxLimit)
        while true {
            let page = try await Customers(deps: deps).list(acting, query)
            for customer in page.items {
                let people = try await deps.read(acting) { try await $0.contacts(of: customer.id) }
                let names = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0.name) })
                for k in people {
                    rows.append(ContactColumn.allCases.map { column in
                        switch column {
                        case .customerID: customer.id.description
                        case .customer: customer.name
                        case .name: k.name
                        case .department: k.department
                        case .title: k.title
                        case .phone: k.phone
                        case .fax: k.fax
                        case .email: k.email
                        case .wechat: k.wechat
                        case .qq: k.qq
                        case .interests: k.interests
                        case .supplierExpectations: k.supplierExpectations
                        case .painPoints: k.painPoints
                        case .influence: k.influence?.rawValue ?? ""
                        case .involvement: k.involvement.map(String.init) ?? ""
                        case .relationshipWithUs: k.relationshipWithUs
                        case .relationshipWithCompetitors: k.relationshipWithCompetitors
                        case .isCoach: k.isCoach ? "yes" : "no"
                        case .reportsTo: k.reportsToID.flatMap { names[$0] } ?? ""
                        }
                    })
                }
            }
            guard let next = page.nextCursor, let cursor = PageCursor(token: next) else { break }
            query.cursor = cursor
        }
        return Table(header: ContactColumn.allCases.map(\.exportHeader), rows: rows)
    }

    /// Imports key persons. Each row names its customer by id or by (normalised) name among the
    /// customers the acting user may see; "reports to" names another person of the same customer
    /// (in the file or already stored). Bad rows are reported with their reasons, good rows kept.
    public func importContacts(_ acting: Acting, data: Data, fileName: String, dryRun: Bool = false) async throws -> ImportReport {
        let (format, table, encoding) = try Self.readTable(data, fileName: fileName)
        var columns: [Int: ContactColumn] = [:]
        var ignored: [String] = []
        for (index, title) in table.header.enumerated() {
            if let column = ContactColumn.match(title) { columns[index] = column } else if !title.isEmpty { ignored.append(title) }
        }
        guard columns.values.contains(.name), columns.values.contains(.customer) || columns.values.contains(.customerID) else {
            throw AppError.invalid([FieldError("header", .missingName)])
        }
        var report = ImportReport(format: format.rawValue, encoding: encoding, dryRun: dryRun, totalRows: table.rows.count,
                                  imported: 0, rejected: [], duplicates: [], ignoredColumns: ignored)
        var pending: [(line: Int, customer: CustomerID, draft: ContactDraft, boss: String)] = []
        let rows = table.rows.map { row -> [ContactColumn: String] in
            var cells: [ContactColumn: String] = [:]
            for (i, column) in columns where i < row.count { cells[column] = row[i].trimmingCharacters(in: .whitespacesAndNewlines) }
            return cells
        }
        // The customers the rows name, found for the whole file at once.
        let byName = try await customersByName(acting, rows.compactMap { $0[.customer] })
        for (index, cells) in rows.enumerated() {
            let line = index + 2
            var errors: [FieldError] = []
            let customerID = try await importedCustomer(acting, id: cells[.customerID], name: cells[.customer], byName: byName,
                                                        errors: &errors)
            var draft = ContactDraft(name: cells[.name], department: cells[.department], title: cells[.title], phone: cells[.phone],
                                     fax: cells[.fax], email: cells[.email], wechat: cells[.wechat], qq: cells[.qq],
                                     interests: cells[.interests], supplierExpectations: cells[.supplierExpectations],
                                     painPoints: cells[.painPoints], relationshipWithUs: cells[.relationshipWithUs],
                                     relationshipWithCompetitors: cells[.relationshipWithCompetitors])
            if let text = cells[.influence], !text.isEmpty {
                if let value = ContactColumn.influences[text.lowercased()] { draft.influence = .some(value) } else { errors.append(FieldError("influence", .notAnOption)) }
            }
            if let text = cells[.involvement], !text.isEmpty {
                if let value = Int(text) { draft.involvement = .some(value) } else { errors.append(FieldError("involvement", .invalid)) }
            }
            if let text = cells[.isCoach]?.lowercased() {
                if ContactColumn.yes.contains(text) { draft.isCoach = true } else if ContactColumn.no.contains(text) { draft.isCoach = false } else { errors.append(FieldError("isCoach", .invalid)) }
            }
            do { try draft.validate(creating: true) } catch { errors += error.errors }
            guard errors.isEmpty, let customerID else {
                report.rejected.append(.init(line: line, errors: errors))
                continue
            }
            pending.append((line, customerID, draft, cells[.reportsTo] ?? ""))
        }
        // First everyone, then the reporting lines, so a boss may come later in the file. Rows are
        // written Self.contactBatch at a time, each batch in one transaction.
        var created: [(line: Int, contact: Contact, boss: String)] = []
        if dryRun { report.imported = pending.count }
        for batch in dryRun ? [] : pending.batches(of: Self.contactBatch) {
            let outcomes = try await Contacts(deps: deps).createMany(acting, batch.map { ($0.customer, $0.draft) })
            for (row, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .success(let contact):
                    created.append((row.line, contact, row.boss))
                    report.imported += 1
                case .failure(.duplicate(let matches)):
                    report.duplicates.append(.init(line: row.line, name: row.draft.name ?? "", matches: matches, sameAsLine: nil))
                case .failure(.invalid(let errors)):
                    report.rejected.append(.init(line: row.line, errors: errors))
                case .failure(let error):
                    throw error
                }
            }
        }
        for row in created where !row.boss.isEmpty {
            let siblings = try await deps.read(acting) { try await $0.contacts(of: row.contact.customerID) }
            guard let boss = siblings.first(where: { $0.name == row.boss && $0.id != row.contact.id }) else {
                report.rejected.append(.init(line: row.line, errors: [FieldError("reportsTo", .unknown)]))
                continue
            }
            _ = try await Contacts(deps: deps).update(acting, row.contact.id, ContactDraft(reportsToID: .some(boss.id)), version: row.contact.version)
        }
        report.rejected.sort { $0.line < $1.line }
        return report
    }

    /// The visible live customers named in an import file, by normalised name, found in one query
    /// per 500 names (for `importedCustomer`).
    func customersByName(_ acting: Acting, _ names: [String]) async throws -> [String: [CustomerID]] {
        try await deps.read(acting) { try await $0.liveCustomers(nameKeys: names.map(DuplicateKeys.normalizedName)) }
    }

    /// Key persons written per transaction by an import.
    static let contactBatch = 500

    /// The live customer a file row names, by id or by (normalised) name among the visible ones
    /// (`byName`, looked up for the whole file); adds `customer` `unknown`/`ambiguous` to `errors`
    /// when there is not exactly one.
    func importedCustomer(_ acting: Acting, id: String?, name: String?, byName: [String: [CustomerID]],
                          errors: inout [FieldError]) async throws -> CustomerID? {
        if let text = id, !text.isEmpty, let id = CustomerID(text),
           let found = try await deps.read(acting, { try await $0.customer(id) }), found.deletedAt == nil {
            return id
        }
        if let name, !name.isEmpty {
            let matches = byName[DuplicateKeys.normalizedName(name)] ?? []
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                errors.append(FieldError("customer", .ambiguous))
                return nil
            }
        }
        errors.append(FieldError("customer", .unknown))
        return nil
    }
}
