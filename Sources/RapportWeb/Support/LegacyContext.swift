/// A dictionary-built piece of a page inside a typed model, while the page that builds it is
/// converted (issue 10 converts the pages in steps). Delete once no caller is left.
struct LegacyContext: PageModel, @unchecked Sendable {
    /// Built and read on one request's task only; never shared after rendering.
    let values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? { values[name] }
}
