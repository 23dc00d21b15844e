/// What the order import `/orders/import` shows (`order_import`): the upload form and, after an
/// upload, the report with every rejected row and its reasons.
struct OrderImportModel: PageModel {
    /// What an upload did.
    struct Report: Sendable {
        let summary: String
        let fileName: String
        let rejected: [ImportRejectionRow]
        /// The columns the file had that were not read.
        let ignoredColumns: [String]
    }

    /// Nil before an upload or when the file was refused.
    var report: Report?
    /// Why the file was refused.
    var fileError: String?
    let dryRun: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "report": report != nil
        case "summary": report?.summary
        case "fileName": report?.fileName
        case "rejected": report?.rejected
        case "hasRejected": report.map { !$0.rejected.isEmpty }
        case "ignored": report?.ignoredColumns.joined(separator: ", ")
        case "hasIgnored": report.map { !$0.ignoredColumns.isEmpty }
        case "fileError": fileError
        case "dryRun": dryRun
        default: nil
        }
    }
}
