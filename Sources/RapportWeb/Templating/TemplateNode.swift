/// One piece of a parsed template.
enum TemplateNode: Sendable {
    /// Literal text, written as it is.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (as it is).
    case value(TemplatePath, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplatePath, inverted: Bool, [TemplateNode])
    /// `{{> name}}`: another template, read with the same values.
    case partial(String)
    /// `{{<name}}…{{/name}}`: another template with some of its blocks replaced.
    case parent(String, blocks: [String: [TemplateNode]])
    /// `{{$name}}…{{/name}}`: a block a page may replace, with its default content.
    case block(String, [TemplateNode])
}

/// A name as a template writes it, split once when the template is parsed: `customer.id` is
/// `["customer", "id"]`; `.` (the current value) is the empty path.
struct TemplatePath: Sendable, Hashable {
    let segments: [String]

    init(_ name: String) {
        segments = name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}
