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

extension Rapport {
    /// Imports customers from CSV (UTF-8 with or without BOM, GB18030) or XLSX. Good rows are
    /// kept and bad ones reported (it does not roll back as a whole); rows that match an existing
    /// customer or an earlier row are reported as duplicates and skipped unless `allowDuplicates`.
    /// `progress` is called with (rows checked, total rows) as it goes.
    public func importCustomers(_ acting: Acting, data: Data, fileName: String, options: ImportOptions = .init(),
                                progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> ImportReport {
        guard let format = FileFormat.guess(fileName: fileName, data: data) else {
            throw AppError.invalid([FieldError("file", "invalid")])
        }
        let table: Table
        var encoding: String?
        do {
            switch format {
            case .csv:
                let read = try CSVReader.read(data)
                table = read.table
                encoding = read.encoding.rawValue
            case .xlsx:
                table = try XLSXReader.read(data)
            }
        } catch {
            throw AppError.invalid([FieldError("file", "invalid", detail: "\(error)")])
        }
        let fields = try await store.read { try await $0.fields(object: .customer) }
        let plan = try ImportPlan(header: table.header, mapping: options.mapping, fields: fields)
        let users = try await store.read { try await $0.users() }
        var report = ImportReport(format: format.rawValue, encoding: encoding, dryRun: options.dryRun,
                                  totalRows: table.rows.count, imported: 0, rejected: [], duplicates: [],
                                  ignoredColumns: plan.ignored)
        var seen: [String: Int] = [:]
        var batch: [Customer] = []
        let now = env.now()
        for (index, row) in table.rows.enumerated() {
            let line = index + 2
            if index % 500 == 0 { progress(index, table.rows.count) }
            guard row.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            let built = plan.draft(from: row, users: users)
            var errors = built.errors
            do { try built.draft.validate(creating: true) } catch { errors += error.errors }
            var custom: [String: CustomValue] = [:]
            do { custom = try CustomFieldDefinition.validate(built.custom, definitions: fields) } catch { errors += error.errors }
            var owner = acting.user
            if errors.isEmpty, let ownerID = built.draft.ownerID {
                do { owner = try await assignableOwner(acting, ownerID) } catch { errors.append(FieldError("owner", "notAssignable")) }
            }
            if !errors.isEmpty {
                report.rejected.append(.init(line: line, errors: errors))
                continue
            }
            var customer = Customer(id: env.newID(), name: "", kind: .enterprise, ownerID: owner.id, teamID: owner.teamID,
                                    createdAt: now, updatedAt: now)
            built.draft.apply(to: &customer)
            customer.custom = custom.filter { $0.value != .null }
            let keys = DuplicateKeys(name: customer.name, phone: customer.phone, email: customer.email,
                                     registrationNumber: customer.registrationNumber)
            let fileKeys = [("n", keys.name), ("p", keys.phone), ("e", keys.email), ("r", keys.registrationNumber)]
                .filter { !$0.1.isEmpty }.map { $0.0 + ":" + $0.1 }
            let earlier = fileKeys.compactMap { seen[$0] }.first
            let matches = try await duplicates(acting, name: customer.name, phone: customer.phone, email: customer.email,
                                               registrationNumber: customer.registrationNumber)
            if earlier != nil || !matches.isEmpty {
                report.duplicates.append(.init(line: line, name: customer.name, matches: matches, sameAsLine: earlier))
                if !options.allowDuplicates { continue }
            }
            for key in fileKeys where seen[key] == nil { seen[key] = line }
            batch.append(customer)
            report.imported += 1
            if batch.count >= options.batchSize {
                if !options.dryRun { try await insertBatch(batch) }
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !options.dryRun {
            if !batch.isEmpty { try await insertBatch(batch) }
            let entry = try audit(acting.id, "import", fileName, .importRun, before: nil as ImportReport?, after: report)
            try await store.write { try await $0.appendAudit(entry) }
        }
        progress(table.rows.count, table.rows.count)
        return report
    }

    private func insertBatch(_ batch: [Customer]) async throws {
        let rows = batch
        try await store.write { session in
            for customer in rows { try await session.insertCustomer(customer) }
        }
    }
}
