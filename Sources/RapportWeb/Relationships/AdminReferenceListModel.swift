/// What `/admin/reference` shows: the reference data files, shipped or edited, and a notice after a
/// save or reset.
struct AdminReferenceListModel: PageModel {
    /// One reference file: its name, label, state and last change. The edit and reset pages show it too.
    /// It does not answer `title`: the heading inside it on those pages is the layout's title.
    struct File: PageModel {
        /// The file's name without `.json` (`guidance-zh`, …).
        let name: String
        let label: String
        let edited: Bool
        /// "Edited" or "Shipped" in the reader's language.
        let state: String
        let who: String
        let when: String
        let version: String

        func child(named key: String) -> Any? {
            switch key {
            case "name": name
            case "label": label
            case "edited": edited
            case "state": state
            case "who": who
            case "when": when
            case "version": version
            default: nil
            }
        }
    }

    let files: [File]
    /// "Saved …" or "Reset …"; nil when the page was not reached after either.
    let notice: String?

    func child(named name: String) -> Any? {
        switch name {
        case "files": files
        case "notice": notice
        default: nil
        }
    }
}
