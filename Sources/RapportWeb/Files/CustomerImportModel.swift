/// What the customer import `/customers/import` shows (`customer_import`): the upload form, the
/// export links and, after an upload, the report: rejected rows with their reasons and rows that
/// look like customers already there.
struct CustomerImportModel: PageModel {
    /// What an upload did.
    struct Report: Sendable {
        let summary: String
        /// How many rows were rejected and how many look like duplicates, said first on a long report.
        let counts: String
        let fileName: String
        /// The text encoding the file was read in, in words; nil for an XLSX file.
        let encoding: String?
        let rejected: [ImportRejectionRow]
        let duplicates: [Duplicate]
        /// The columns the file had that were not read.
        let ignoredColumns: [String]
    }

    /// A row that looks like customers already there (or an earlier row of the file).
    struct Duplicate: PageModel {
        let line: String
        let name: String
        let matches: [Match]

        func child(named key: String) -> Any? {
            switch key {
            case "line": line
            case "name": name
            case "matches": matches
            default: nil
            }
        }
    }

    /// One customer (or earlier row) a row looks like.
    struct Match: PageModel {
        let name: String
        /// The owner's name ("no owner" when none); nil for a line of the same file.
        let owner: String?
        /// Which keys matched ("same name, phone"); nil for a line of the same file.
        let matchedBy: String?
        /// The customer's page, or empty.
        let url: String
        /// Whether the user may open it.
        let linked: Bool

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "owner": owner
            case "matchedBy": matchedBy
            case "url": url
            case "linked": linked
            default: nil
            }
        }
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
        case "counts": report?.counts
        case "fileName": report?.fileName
        case "encoding": report?.encoding
        case "rejected": report?.rejected
        case "hasRejected": report.map { !$0.rejected.isEmpty }
        case "duplicates": report?.duplicates
        case "hasDuplicates": report.map { !$0.duplicates.isEmpty }
        case "ignored": report?.ignoredColumns.joined(separator: ", ")
        case "hasIgnored": report.map { !$0.ignoredColumns.isEmpty }
        case "fileError": fileError
        case "dryRun": dryRun
        default: nil
        }
    }
}
