
/// A page's data as a typed value: a `Sendable` struct that answers the template's lookups itself
/// (`TemplateModel`, no reflection), so the names a template reads are written once,
/// next to the values, and a value of the wrong kind does not compile. A name a model does not
/// answer (nil) is looked up in the enclosing context, as Mustache does: rows answer every name
/// their template reads for them, and leave page and layout names (`csrf`, `t`, `editable`…) alone.
/// `PageEnvironment.render(_:_:title:model:)` renders one inside the layout.
protocol PageModel: TemplateModel, Sendable {}

/// A page model over the layout's shared context (texts, user, CSRF token, badges, title): the
/// model's own names first, then the layout's, as a template looks them up.
struct LayeredContext: PageModel {
    let model: any PageModel
    let layout: LayoutModel

    func child(named name: String) -> Any? {
        model.child(named: name) ?? layout.child(named: name)
    }
}
