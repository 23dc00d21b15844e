import ArgumentParser
import Foundation
import RapportApp
import RapportCore
import RapportEdge
import RapportFiles
import RapportStore

/// `rapport import customers FILE`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import records from CSV or XLSX.",
                                                    subcommands: [Customers.self, Contacts.self, Results.self, Orders.self])


    struct Results: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "results",
            abstract: "Import measured results (客户名称/客户编号, 日期, 指标, 数值, 备注) for the expectation baseline.")
        @OptionGroup var options: SimpleImportOptions

        func run() async throws {
            try await options.run { app, acting, data in
                try await app.transfers.importResults(acting, data: data, fileName: options.file, dryRun: options.dryRun)
            }
        }
    }

    struct Contacts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contacts",
            abstract: "Import key persons; each row names its customer by id (客户编号) or name (客户名称).")
        @OptionGroup var options: SimpleImportOptions

        func run() async throws {
            try await options.run { app, acting, data in
                try await app.transfers.importContacts(acting, data: data, fileName: options.file, dryRun: options.dryRun)
            }
        }
    }

    struct Customers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "customers",
            abstract: "Import customers. Headers in Chinese or English are matched; bad rows are reported and skipped, good rows kept.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "A .csv (UTF-8, with or without BOM, or GB18030) or .xlsx file") var file: String
        @Option(name: .customLong("as"), help: "Import as this user (owner of the rows by default). Default: the first admin") var asUser: String?
        @Flag(help: "Check everything, write nothing") var dryRun = false
        @Flag(help: "Create rows that look like existing customers anyway (still reported)") var allowDuplicates = false
        @Option(name: .customLong("map"), help: "Header=column, e.g. \"公司=name\" or \"级别=custom.level\" (repeatable)") var mappings: [String] = []
        @Option(help: "Write the full report as JSON to this file") var report: String?

        func run() async throws {
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                let acting = try await Runtime.acting(app, as: asUser)
                let data: Data
                do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                    throw CommandError("cannot read \(file): \(error.localizedDescription)")
                }
                var mapping: [String: String] = [:]
                for pair in mappings {
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { throw ValidationError("--map takes Header=column, got \(pair)") }
                    mapping[parts[0]] = parts[1]
                }
                let options = ImportOptions(dryRun: dryRun, mapping: mapping, allowDuplicates: allowDuplicates)
                let result: ImportReport
                do {
                    result = try await app.transfers.importCustomers(acting, data: data, fileName: file, options: options) { done, total in
                        if total > 0 { FileHandle.standardError.write(Data("\rchecked \(done)/\(total) rows".utf8)) }
                    }
                } catch {
                    throw Runtime.fail(error)
                }
                FileHandle.standardError.write(Data("\n".utf8))
                Self.printReport(result, dryRun: dryRun, allowDuplicates: allowDuplicates)
                if let report {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    try encoder.encode(result).write(to: URL(fileURLWithPath: report))
                }
            }
        }

        /// The report in words: counts first (a long dry run starts with what matters), then each
        /// rejected line with its problems and each possible duplicate with the keys it shares.
        static func printReport(_ result: ImportReport, dryRun: Bool, allowDuplicates: Bool) {
            let words: Localizer
            do {
                words = try Localizer.bundled()
            } catch {
                print("error: the bundled texts could not be read: \(error)")
                return
            }
            let encoding = result.encoding.map { ", " + words.text("import.encoding.\($0)", .en) } ?? ""
            print("\(dryRun ? "Dry run: would import" : "Imported") \(result.imported) of \(result.totalRows) rows (\(result.format)\(encoding)).")
            print(words.text("import.counts", .en, String(result.rejected.count), String(result.duplicates.count)) + ".")
            for rejection in result.rejected {
                print("line \(rejection.line): rejected — " + rejection.errors.map { "\($0.field): \(words.message(for: $0, .en))" }.joined(separator: " "))
            }
            for duplicate in result.duplicates {
                let others = duplicate.matches.map { match in
                    let keys = match.reasons.map { words.text("duplicate.reason.\($0.rawValue)", .en) }.joined(separator: ", ")
                    return "\(match.customerName) (owner: \(match.ownerName ?? "none"); same \(keys))"
                }
                let same = duplicate.sameAsLine.map { ["line \($0) of this file"] } ?? []
                print("line \(duplicate.line): possible duplicate of " + (others + same).joined(separator: ", ")
                      + (allowDuplicates ? " — imported anyway" : " — skipped"))
            }
            if !result.ignoredColumns.isEmpty { print("ignored columns: \(result.ignoredColumns.joined(separator: ", "))") }
        }
    }
}

/// `rapport export customers|contacts --format csv|xlsx`.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export records to CSV or XLSX.",
                                                    subcommands: [Customers.self, Contacts.self])

    /// What both exports take.
    struct Options: ParsableArguments {
        @OptionGroup var common: CommonOptions
        @Option(help: "csv or xlsx") var format: String = "csv"
        @Option(name: .customLong("as"), help: "Export what this user may see. Default: the first admin") var asUser: String?
        @Option(name: .shortAndLong, help: "Output file. Default: <records>.<format>") var output: String?

        /// Opens the app, builds the table as the chosen user, writes the file.
        func export(_ name: String, _ table: @escaping (Rapport, Acting) async throws -> Table) async throws {
            guard let format = FileFormat(rawValue: format) else { throw ValidationError("--format must be csv or xlsx") }
            try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
                let rows = try await table(app, try await Runtime.acting(app, as: asUser))
                let data = format == .csv ? CSVWriter.write(rows) : try XLSXWriter.write(rows, sheetName: name.capitalized)
                let path = output ?? "\(name).\(format.rawValue)"
                try data.write(to: URL(fileURLWithPath: path))
                print("Wrote \(rows.rows.count) \(name) to \(path).")
            }
        }
    }

    struct Contacts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "contacts", abstract: "Export the key persons of the customers a user may see.")
        @OptionGroup var options: Options

        func run() async throws {
            try await options.export("contacts") { app, acting in try await app.transfers.exportContacts(acting) }
        }
    }

    struct Customers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "customers", abstract: "Export the customers a user may see.")
        @OptionGroup var options: Options

        func run() async throws {
            try await options.export("customers") { app, acting in try await app.transfers.exportCustomers(acting) }
        }
    }
}

/// `rapport backup OUT`.
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the SQLite database to a file while it is in use. For PostgreSQL use pg_dump (see docs/operations.md).")
    @OptionGroup var common: CommonOptions
    @Argument(help: "The backup file to create (must not exist)") var output: String

    func run() async throws {
        let location = try common.location()
        guard case .sqlite = location else {
            throw CommandError("backup copies SQLite files; for PostgreSQL run: pg_dump --format=custom --file=rapport.dump \"$RAPPORT_DATABASE\" (see docs/operations.md)")
        }
        if FileManager.default.fileExists(atPath: output) { throw CommandError("\(output) exists; choose a new file") }
        let store = try await Store.open(location, logger: try common.logger())
        try await store.backup(to: output)
        try await store.close()
        print("Backed up to \(output).")
    }
}

/// What the key-person and result imports take: a file, the acting user, dry run.
struct SimpleImportOptions: ParsableArguments {
    @OptionGroup var common: CommonOptions
    @Argument(help: "A .csv or .xlsx file") var file: String
    @Option(name: .customLong("as"), help: "Import as this user. Default: the first admin") var asUser: String?
    @Flag(help: "Check everything, write nothing") var dryRun = false

    /// Reads the file, runs one import as the chosen user and prints its report.
    func run(_ body: (Rapport, Acting, Data) async throws -> ImportReport) async throws {
        try await Runtime.with(common, allowMigrate: false, logger: try common.logger()) { app in
            let acting = try await Runtime.acting(app, as: asUser)
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw CommandError("cannot read \(file): \(error.localizedDescription)")
            }
            do {
                ImportCommand.Customers.printReport(try await body(app, acting, data), dryRun: dryRun, allowDuplicates: false)
            } catch {
                throw Runtime.fail(error)
            }
        }
    }
}
