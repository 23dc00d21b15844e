import Foundation

/// A list's column heading that sorts by that column: a link to the same list (filters kept,
/// back to the first page) sorted by it, ascending first and reversed on the next click, with
/// `aria-sort` saying how the list is sorted now.
struct SortHeader: PageModel {
    let label: String
    let url: String
    /// `ascending`, `descending` or `none` (the values of `aria-sort`).
    let state: String

    /// - Parameters:
    ///   - key: the sort value for ascending order (`name`); descending is `-key`.
    ///   - firstDescending: whether the first click sorts descending (latest first for dates).
    ///   - current: the list's sort value now; `kept`: its filters (without the cursor).
    init(label: String, key: String, firstDescending: Bool = false, current: String, kept: FormData, path: String) {
        self.label = label
        let next: String
        if current == key {
            state = "ascending"; next = "-" + key
        } else if current == "-" + key {
            state = "descending"; next = key
        } else {
            state = "none"; next = firstDescending ? "-" + key : key
        }
        var query = kept
        query.set("sort", next)
        url = query.url(path)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "url": url
        case "state": state
        case "isSorted": state != "none"
        case "arrow": state == "ascending" ? "▲" : state == "descending" ? "▼" : ""
        default: nil
        }
    }
}
