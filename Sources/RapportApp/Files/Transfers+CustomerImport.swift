import Foundation
import RapportCore
import RapportFiles
import RapportStore

/// Options for a customer import.
public struct ImportOptions: Sendable {
    /// Check everything, write nothing.
    public var dryRun: Bool
    /// Explicit header → column mappings (column keys as in the API: `name`, `phone`, `custom.<key>`…).
    public var mapping: [String: String]
    /// Create rows that match existing customers anyway (they are still reported).
    public var allowDuplicates: Bool
    /// Rows written per transaction.
    public var batchSize: Int

    public init(dryRun: Bool = false, mapping: [String: String] = [:], allowDuplicates: Bool = false, batchSize: Int = 1000) {
        self.dryRun = dryRun; self.mapping = mapping; self.allowDuplicates = allowDuplicates; self.batchSize = batchSize
    }
}

/// What an import did: every rejected row with its reasons, every duplicate with its matches.
public struct ImportReport: Sendable, Codable {
    /// The same report with every rejected row's field errors given their message.
    public func translated(_ message: (FieldError) -> String) -> ImportReport {
        var report = self
        report.rejected = rejected.map { rejection in
            var row = rejection
            row.errors = rejection.errors.map { error in
                var worded = error
                worded.message = message(error)
                return worded
            }
            return row
        }
        return report
    }

    public struct Rejection: Sendable, Codable, Equatable {
        /// The line in the file (the header is line 1).
        public var line: Int
        public var errors: [FieldError]
    }

    public struct Duplicate: Sendable, Codable {
        public var line: Int
        public var name: String
        public var matches: [DuplicateMatch]
        /// Another row of the same file this one repeats, if any.
        public var sameAsLine: Int?
    }

    public var format: String
    public var encoding: String?
    public var dryRun: Bool
    public var totalRows: Int
    public var imported: Int
    public var rejected: [Rejection]
    public var duplicates: [Duplicate]
    /// Headers that matched no column (their cells were ignored).
    public var ignoredColumns: [String]
}

extension Transfers {
    /// Reads an uploaded CSV or XLSX into a table; anything unreadable is a `file` field error.
    static func readTable(_ data: Data, fileName: String) throws -> (FileFormat, Table, String?) {
        guard let format = FileFormat.guess(fileName: fileName, data: data) else {
            throw AppError.invalid([FieldError("file", .invalid)])
        }
        do {
            switch format {
            case .csv:
                let read = try CSVReader.read(data)
                return (format, read.table, read.encoding.rawValue)
            case .xlsx:
                return (format, try XLSXReader.read(data), nil)
            }
        } catch FileError.tooLarge {
            throw AppError.invalid([FieldError("file", .fileTooLarge, detail: "\(FileLimits.maxInputBytes >> 20) MB")])
        } catch {
            throw AppError.invalid([FieldError("file", .invalid, detail: "\(error)")])
        }
    }

    /// Imports customers from CSV (UTF-8 with or without BOM, GB18030) or XLSX. Good rows are
    /// kept and bad ones reported (it does not roll back as a whole); rows that match an existing
    /// customer or an earlier row are reported as duplicates and skipped unless `allowDuplicates`.
    /// `progress` is called with (rows checked, total rows) as it goes.
    public func importCustomers(_ acting: Acting, data: Data, fileName: String, options: ImportOptions = .init(),
                                progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> ImportReport {
        let (format, table, encoding) = try Self.readTable(data, fileName: fileName)
        let fields = try await deps.read(acting) { try await $0.catalog.fields(object: .customer) }
        let plan = try ImportPlan(header: table.header, mapping: options.mapping, fields: fields)
        let users = try await deps.read(acting) { try await $0.catalog.users() }
        var report = ImportReport(format: format.rawValue, encoding: encoding, dryRun: options.dryRun,
                                  totalRows: table.rows.count, imported: 0, rejected: [], duplicates: [],
                                  ignoredColumns: plan.ignored)
        var seen: [String: Int] = [:]
        var pending: [(line: Int, customer: Customer, keys: [String], earlier: Int?)] = []
        // The previous batch's write runs while the next batch is read and checked (two cores).
        var writing: Task<Void, any Error>?
        let now = deps.env.now()
        for (index, row) in table.rows.enumerated() {
            let line = index + 2
            if index % 1000 == 0 { progress(index, table.rows.count) }
            guard row.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            let built = plan.draft(from: row, users: users)
            var errors = built.errors
            do { try built.draft.validate(creating: true) } catch { errors += error.errors }
            var custom: [String: CustomValue] = [:]
            do { custom = try CustomFieldDefinition.validate(built.custom, definitions: fields) } catch { errors += error.errors }
            var owner = acting.user
            if errors.isEmpty, let ownerID = built.draft.ownerID {
                do { owner = try await Customers(deps: deps).assignableOwner(acting, ownerID) } catch { errors.append(FieldError("owner", .notAssignable)) }
            }
            if !errors.isEmpty {
                report.rejected.append(.init(line: line, errors: errors))
                continue
            }
            var customer = Customer(id: deps.env.newID(), name: "", kind: .enterprise, ownerID: owner.id, teamID: owner.teamID,
                                    createdAt: now, updatedAt: now)
            built.draft.apply(to: &customer)
            customer.custom = custom.filter { $0.value != .null }
            let keys = DuplicateKeys(name: customer.name, phone: customer.phone, email: customer.email,
                                     registrationNumber: customer.registrationNumber)
            let fileKeys = [("n", keys.name), ("p", keys.phone), ("e", keys.email), ("r", keys.registrationNumber)]
                .filter { !$0.1.isEmpty }.map { $0.0 + ":" + $0.1 }
            let earlier = fileKeys.compactMap { seen[$0] }.first
            for key in fileKeys where seen[key] == nil { seen[key] = line }
            pending.append((line, customer, fileKeys, earlier))
            if pending.count >= options.batchSize {
                writing = try await flush(acting, &pending, into: &report, options: options, after: writing)
            }
        }
        writing = try await flush(acting, &pending, into: &report, options: options, after: writing)
        try await writing?.value
        if !options.dryRun {
            let entry = try deps.audit(acting.id, .`import`, fileName, .importRun, before: nil as ImportReport?, after: report)
            try await deps.write(acting) { try await $0.catalog.appendAudit(entry) }
        }
        progress(table.rows.count, table.rows.count)
        return report
    }

    /// Checks a batch against the customers already stored (one query per key kind, not per row),
    /// reports the duplicates with their owners, waits for the previous batch's write, and starts
    /// writing this one in one transaction; returns that write for the caller to await.
    private func flush(_ acting: Acting, _ pending: inout [(line: Int, customer: Customer, keys: [String], earlier: Int?)],
                       into report: inout ImportReport, options: ImportOptions,
                       after previous: Task<Void, any Error>?) async throws -> Task<Void, any Error>? {
        guard !pending.isEmpty else { return previous }
        let batchKeys = pending.map {
            DuplicateKeys(name: $0.customer.name, phone: $0.customer.phone, email: $0.customer.email,
                          registrationNumber: $0.customer.registrationNumber)
        }
        let existing = try await deps.read(acting) { try await $0.existingDuplicateKeys(batchKeys) }
        var accepted: [Customer] = []
        for row in pending {
            var matches: [DuplicateMatch] = []
            if row.keys.contains(where: existing.contains) {
                let c = row.customer
                matches = try await Customers(deps: deps).duplicates(acting, name: c.name, phone: c.phone, email: c.email, registrationNumber: c.registrationNumber)
            }
            if row.earlier != nil || !matches.isEmpty {
                report.duplicates.append(.init(line: row.line, name: row.customer.name, matches: matches, sameAsLine: row.earlier))
                if !options.allowDuplicates { continue }
            }
            accepted.append(row.customer)
        }
        pending.removeAll(keepingCapacity: true)
        report.imported += accepted.count
        guard !options.dryRun && !accepted.isEmpty else {
            try await previous?.value
            return nil
        }
        // The statements are built here, beside the previous batch's write, so the writer only writes.
        let prepared = try deps.store.prepareCustomerInserts(accepted)
        try await previous?.value
        let deps = self.deps
        let unowned = accepted.filter { $0.ownerID == nil }.map(\.id), batch = accepted
        let now = deps.env.now()
        return Task {
            try await deps.write(acting) { session in
                try await session.insertCustomers(prepared, batch: batch)
                if !unowned.isEmpty { try await session.enterDefaultPool(unowned, at: now) }
            }
        }
    }
}
