import Foundation

/// Rapport's parsed templates by name, and the renderer that fills them from `TemplateModel`s.
///
/// Rapport renders its own Mustache subset rather than a general Mustache library: the library
/// it used found each name by casting every value on the way to half a dozen protocols and
/// splitting the name anew, which made rendering the larger part of a list page's CPU (issue 11,
/// measured with `perf`). Here names are split when parsed, the values a section enters are cast
/// once, and lookups call `child(named:)` directly.
struct TemplateLibrary: Sendable {
    private var templates: [String: [TemplateNode]] = [:]

    init() {}

    /// Parses `text` and registers it under `name`; throws `TemplateParser.Failure` when it does not parse.
    mutating func register(_ text: String, named name: String) throws {
        var parser = TemplateParser(text, name: name)
        templates[name] = try parser.parse()
    }

    func contains(_ name: String) -> Bool { templates[name] != nil }

    /// `name` filled from `model`, every `{{value}}` HTML-escaped; nil when there is no such template.
    func render(_ name: String, _ model: any TemplateModel) -> String? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, root: model)
        renderer.render(nodes)
        return renderer.output
    }
}

/// One rendering: the output so far, the values of the sections entered (innermost last) and
/// the blocks the pages being rendered replace.
private struct TemplateRenderer {
    /// A value a section entered: one that answers names, or a plain value (`{{.}}` reads it).
    enum Frame {
        case model(any TemplateModel)
        case value(Any)
    }

    let templates: [String: [TemplateNode]]
    var output = ""
    var stack: [Frame]
    var blocks: [[String: [TemplateNode]]] = []

    init(templates: [String: [TemplateNode]], root: any TemplateModel) {
        self.templates = templates
        self.stack = [.model(root)]
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .value(let path, let escaped):
                guard let value = lookup(path) else { continue }
                let text = Self.text(of: value)
                output += escaped ? HTMLEscaping.escape(text) : text
            case .section(let path, let inverted, let inner):
                let value = lookup(path)
                if inverted {
                    if Self.isFalsy(value) { render(inner) }
                } else if let value {
                    enter(value, inner)
                }
            case .partial(let name):
                if let partial = templates[name] { render(partial) }
            case .parent(let name, let overrides):
                guard let parent = templates[name] else { continue }
                blocks.append(overrides)
                render(parent)
                blocks.removeLast()
            case .block(let name, let defaultContent):
                // The outermost page that replaces a block wins, as Mustache specifies.
                render(blocks.first(where: { $0[name] != nil })?[name] ?? defaultContent)
            }
        }
    }

    /// Renders a section's content for a non-nil value: once for `true` (nothing for `false`),
    /// once per element of a list, otherwise once with the value entered.
    private mutating func enter(_ value: Any, _ inner: [TemplateNode]) {
        if let flag = value as? Bool {
            if flag { render(inner) }
        } else if value is String {
            renderInside(.value(value), inner)
        } else if let model = value as? any TemplateModel {
            renderInside(.model(model), inner)
        } else if let list = value as? any TemplateList {
            list.forEachItem { item in
                renderInside((item as? any TemplateModel).map(Frame.model) ?? .value(item), inner)
            }
        } else {
            renderInside(.value(value), inner)
        }
    }

    private mutating func renderInside(_ frame: Frame, _ inner: [TemplateNode]) {
        stack.append(frame)
        render(inner)
        stack.removeLast()
    }

    /// The value of a name: its first segment from the innermost section value that answers it
    /// (out to the page), the other segments from each value found; `.` is the innermost value.
    private func lookup(_ path: TemplatePath) -> Any? {
        guard let first = path.segments.first else {
            switch stack.last {
            case .model(let model): return model
            case .value(let value): return value
            case nil: return nil
            }
        }
        var found: Any?
        for frame in stack.reversed() {
            if case .model(let model) = frame, let value = model.child(named: first) {
                found = value
                break
            }
        }
        for segment in path.segments.dropFirst() {
            guard let model = found as? any TemplateModel else { return nil }
            found = model.child(named: segment)
        }
        return found
    }

    /// Whether an inverted section shows: for nothing, `false` and an empty list.
    private static func isFalsy(_ value: Any?) -> Bool {
        guard let value else { return true }
        if let flag = value as? Bool { return !flag }
        if value is String { return false }
        if let list = value as? any TemplateList { return list.isEmptyList }
        return false
    }

    private static func text(of value: Any) -> String {
        if let text = value as? String { return text }
        if let number = value as? Int { return String(number) }
        if let flag = value as? Bool { return flag ? "true" : "false" }
        return String(describing: value)
    }
}
