/// One rejected line of an imported file with each reason (customer and order imports).
struct ImportRejectionRow: PageModel {
    /// One reason: the field as the reader knows it and the message.
    struct Problem: PageModel {
        let field: String
        let message: String

        func child(named name: String) -> Any? {
            switch name {
            case "field": field
            case "message": message
            default: nil
            }
        }
    }

    /// The file's line number, as text.
    let line: String
    let problems: [Problem]

    func child(named name: String) -> Any? {
        switch name {
        case "line": line
        case "problems": problems
        default: nil
        }
    }
}
