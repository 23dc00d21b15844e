import Foundation
import Hummingbird
import RapportApp
import RapportCore
import RapportFiles
import RapportEdge
import NIOFoundationEssentialsCompat

/// `/api/v1/customers|contacts/export` and `/api/v1/customers|contacts/import`.
struct TransferAPI {
    let app: Rapport
    let localizer: Localizer

    func register(on group: RouterGroup<AuthenticatedContext>) {
        group.get("customers/export", use: export)
        group.post("customers/import", use: importFile)
        group.get("contacts/export", use: exportContacts)
        group.post("contacts/import", use: importContacts)
        group.post("results/import", use: importResults)
    }

    static func file(_ table: Table, format: FileFormat, name: String) throws -> Response {
        let data: Data
        var headers = HTTPFields()
        switch format {
        case .csv:
            data = CSVWriter.write(table)
            headers[.contentType] = "text/csv; charset=utf-8"
        case .xlsx:
            data = try XLSXWriter.write(table, sheetName: name)
            headers[.contentType] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
        headers[.contentDisposition] = "attachment; filename=\"\(name.lowercased()).\(format.rawValue)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    @Sendable func exportContacts(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let format: FileFormat = try RequestParameters(request: request, context: context).enumValue("format") ?? .csv
        return try Self.file(try await app.transfers.exportContacts(acting), format: format, name: "Contacts")
    }

    @Sendable func importContacts(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let (acting, data, fileName, dryRun) = try await upload(request, context)
        let report = try await app.transfers.importContacts(acting, data: data, fileName: fileName, dryRun: dryRun)
        return try JSONBody.response(report.translated { localizer.message(for: $0, context.language) })
    }

    /// Measured results per customer (date, measure, value), the expectation baseline's input.
    @Sendable func importResults(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let (acting, data, fileName, dryRun) = try await upload(request, context)
        let report = try await app.transfers.importResults(acting, data: data, fileName: fileName, dryRun: dryRun)
        return try JSONBody.response(report.translated { localizer.message(for: $0, context.language) })
    }

    /// The uploaded file of an import, its name (`?fileName=`, else from the content type) and `?dryRun=`.
    private func upload(_ request: Request, _ context: AuthenticatedContext) async throws -> (Acting, Data, String, Bool) {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let fileName = try p.string("fileName", max: 200) ?? (contentType.contains("spreadsheetml") ? "upload.xlsx" : "upload.csv")
        var request = request
        let buffer = try await request.collectBody(limit: BodyLimits.upload)
        return (acting, Data(buffer: buffer), fileName, try p.bool("dryRun"))
    }

    @Sendable func export(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        let format: FileFormat = try p.enumValue("format") ?? .csv
        var query = try CustomerAPI.query(p)
        query.cursor = nil
        return try Self.file(try await app.transfers.exportCustomers(acting, query: query), format: format, name: "Customers")
    }

    /// The body is the file itself; `fileName` (or the Content-Type) tells CSV from XLSX.
    @Sendable func importFile(_ request: Request, context: AuthenticatedContext) async throws -> Response {
        let acting = context.acting
        let p = RequestParameters(request: request, context: context)
        var options = ImportOptions()
        options.dryRun = try p.bool("dryRun")
        options.allowDuplicates = try p.bool("allowDuplicates")
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let fileName = try p.string("fileName", max: 200) ?? (contentType.contains("spreadsheetml") ? "upload.xlsx" : "upload.csv")
        var request = request
        let buffer = try await request.collectBody(limit: BodyLimits.upload)
        let report = try await app.transfers.importCustomers(acting, data: Data(buffer: buffer), fileName: fileName, options: options)
        return try JSONBody.response(report.translated { localizer.message(for: $0, context.language) })
    }
}
