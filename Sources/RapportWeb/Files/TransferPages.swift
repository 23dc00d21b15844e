import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore
import RapportFiles

/// `/customers/import` (upload a CSV or XLSX, see every rejected row) and the exports
/// `/customers/export`, `/contacts/export` of what the user may see.
struct TransferPages: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("customers/import", use: env.page(.signedIn, form))
        router.post("customers/import", use: env.page(.signedIn, upload))
        router.get("customers/export", use: env.page(.signedIn, exportCustomers))
        router.get("contacts/export", use: env.page(.signedIn, exportContacts))
    }

    @Sendable func form(_ page: PageRequest) async throws -> Response {
        try await env.render("customer_import", page, title: "import.title", model: CustomerImportModel(dryRun: true))
    }

    @Sendable func upload(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        guard let file = page.files["file"], !file.data.isEmpty else {
            return try await env.render("customer_import", page, title: "import.title",
                                  model: CustomerImportModel(fileError: env.text("import.noFile", language),
                                                             dryRun: page.form["dryRun"] != nil),
                                  status: .unprocessableContent)
        }
        let options = ImportOptions(dryRun: page.form["dryRun"] != nil, allowDuplicates: page.form["allowDuplicates"] != nil)
        let report: ImportReport
        do {
            report = try await env.app.transfers.importCustomers(acting, data: file.data, fileName: file.fileName, options: options)
        } catch AppError.invalid(let errors) {
            let message = errors.map { env.localizer.message(for: $0, language) }.joined(separator: " ")
            return try await env.render("customer_import", page, title: "import.title",
                                  model: CustomerImportModel(fileError: message, dryRun: options.dryRun), status: .unprocessableContent)
        }
        let rejected = report.rejected.map { rejection in
            ImportRejectionRow(
                line: String(rejection.line),
                problems: rejection.errors.map {
                    ImportRejectionRow.Problem(field: fieldLabel($0.field, language), message: env.localizer.message(for: $0, language))
                })
        }
        let duplicates = report.duplicates.map { duplicate in
            var others = duplicate.matches.map { match in
                CustomerImportModel.Match(name: match.customerName, owner: match.ownerName ?? env.text("import.noOwner", language),
                                          matchedBy: matchedBy(match.reasons, language),
                                          url: match.customerID.map { "/customers/\($0)" } ?? "", linked: match.visible)
            }
            if let line = duplicate.sameAsLine {
                others.append(CustomerImportModel.Match(name: env.text("import.sameAsLine", language, [String(line)]), owner: nil,
                                                        matchedBy: nil, url: "", linked: false))
            }
            return CustomerImportModel.Duplicate(line: String(duplicate.line), name: duplicate.name, matches: others)
        }
        let summary = env.text(report.dryRun ? "import.summaryDry" : "import.summary", language,
                               [String(report.imported), String(report.totalRows)])
        let model = CustomerImportModel(
            report: CustomerImportModel.Report(summary: summary,
                                               counts: env.text("import.counts", language,
                                                                [String(report.rejected.count), String(report.duplicates.count)]),
                                               fileName: file.fileName,
                                               encoding: report.encoding.map { env.text("import.encoding.\($0)", language) },
                                               rejected: rejected, duplicates: duplicates, ignoredColumns: report.ignoredColumns),
            dryRun: report.dryRun)
        return try await env.render("customer_import", page, title: "import.title", model: model)
    }

    /// "same name, phone": the keys a possible duplicate shares with the row.
    private func matchedBy(_ reasons: [DuplicateReason], _ language: Language) -> String {
        env.text("import.matchedBy", language,
                 [reasons.map { env.text("duplicate.reason.\($0.rawValue)", language) }
                    .joined(separator: env.text("list.separator", language))])
    }

    /// A readable name for an import field (`email`, `profile.needs`, `custom.level`).
    private func fieldLabel(_ field: String, _ language: Language) -> String {
        let key = "customer.field.\(field)"
        return env.hasText(key, language) ? env.text(key, language) : field
    }

    @Sendable func exportCustomers(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        return try file(try await env.app.transfers.exportCustomers(acting), format: page.query["format"], name: "customers")
    }

    @Sendable func exportContacts(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        return try file(try await env.app.transfers.exportContacts(acting), format: page.query["format"], name: "contacts")
    }

    private func file(_ table: Table, format: String?, name: String) throws -> Response {
        var headers = HTTPFields()
        let data: Data
        if format == "xlsx" {
            data = try XLSXWriter.write(table, sheetName: name.capitalized)
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            headers[.contentDisposition] = "attachment; filename=\"\(name).xlsx\""
        } else {
            data = CSVWriter.write(table)
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(name).csv\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
