@testable import RapportFiles

/// Shared test data.
struct Fixtures {
    /// Cells that stress quoting, escaping and encodings.
    static let trickyTable = Table(
        header: ["Name", "Note", "Formula", "City"],
        rows: [
            ["He said \"hi\"", "a,b,c", "=SUM(A1:A2)", "北京"],
            ["line1\nline2", "crlf\r\nend", "=1+1", "阿里巴巴（中国）有限公司"],
            ["emoji 😀👍🏽", "", "\"quoted\"", "family 👨‍👩‍👧"],
            [" leading space", "trailing space ", "tab\there", "cr only\rend"],
            ["0012", "13800138000", "-", "'apostrophe"],
        ]
    )
}
