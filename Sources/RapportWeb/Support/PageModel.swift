import Mustache

/// A page's data as a typed value: a `Sendable` struct that answers the template's lookups itself
/// (Mustache's `MustacheParent`, no reflection), so the names a template reads are written once,
/// next to the values, and a value of the wrong kind does not compile. Pages move to this from
/// `[String: Any]` dictionaries one at a time; `PageEnvironment.render(_:_:title:model:)` takes either.
protocol PageModel: MustacheParent, Sendable {}

/// A page model over the layout's shared context (texts, user, CSRF token, badges, title): the
/// model's own names first, then the layout's, as a template looks them up.
struct LayeredContext: MustacheParent {
    let model: any MustacheParent
    let layout: LayoutModel

    func child(named name: String) -> Any? {
        model.child(named: name) ?? layout.child(named: name)
    }
}
