import Foundation
import Hummingbird
import RapportEdge
import RapportApp
import RapportCore

/// `GET /orders/import` and `POST /orders/import`: upload orders as CSV or XLSX (one row per
/// line), optionally as a dry run, and see every rejected row with its reasons.
struct OrderImportPage: Sendable {
    let env: PageEnvironment

    func register(on router: RouterGroup<SessionContext>) {
        router.get("orders/import", use: env.page(.signedIn, form))
        router.post("orders/import", use: env.page(.signedIn, upload))
    }

    @Sendable func form(_ page: PageRequest) async throws -> Response {
        try await env.render("order_import", page, title: "orders.import.title", model: OrderImportModel(dryRun: true))
    }

    @Sendable func upload(_ page: PageRequest) async throws -> Response {
        let acting = page.acting
        let language = page.language
        let dryRun = page.form["dryRun"] != nil
        guard let file = page.files["file"], !file.data.isEmpty else {
            return try await env.render("order_import", page, title: "orders.import.title",
                                  model: OrderImportModel(fileError: env.text("import.noFile", language), dryRun: dryRun),
                                  status: .unprocessableContent)
        }
        let report: ImportReport
        do {
            report = try await env.app.orders.importFile(acting, data: file.data, fileName: file.fileName, dryRun: dryRun)
        } catch AppError.invalid(let errors) {
            let message = errors.map { env.localizer.message(for: $0, language) }.joined(separator: " ")
            return try await env.render("order_import", page, title: "orders.import.title",
                                  model: OrderImportModel(fileError: message, dryRun: dryRun), status: .unprocessableContent)
        }
        let rejected = report.rejected.map { rejection in
            ImportRejectionRow(
                line: String(rejection.line),
                problems: rejection.errors.map { ImportRejectionRow.Problem(field: $0.field, message: env.localizer.message(for: $0, language)) })
        }
        let summary = env.text(report.dryRun ? "import.summaryDry" : "import.summary", language,
                               [String(report.imported), String(report.totalRows)])
        let model = OrderImportModel(
            report: OrderImportModel.Report(summary: summary, fileName: file.fileName, rejected: rejected,
                                            ignoredColumns: report.ignoredColumns),
            dryRun: report.dryRun)
        return try await env.render("order_import", page, title: "orders.import.title", model: model)
    }
}
