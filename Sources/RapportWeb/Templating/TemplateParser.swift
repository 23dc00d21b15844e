/// Parses the Mustache subset Rapport's templates use: values (`{{x}}`, `{{{x}}}`, `{{& x}}`),
/// sections and inverted sections, partials, parents with blocks (`{{<layout}}{{$content}}…`),
/// comments, dotted names and `{{.}}`. Every `{{value}}` is HTML-escaped. A tag alone on its line (only spaces around it), other
/// than a value, takes its line with it, as Mustache specifies, so templates can be laid out
/// freely. Delimiter changes and pragmas are refused.
struct TemplateParser {
    private let text: [UInt8]
    private let name: String
    private var position = 0

    init(_ text: String, name: String) {
        self.text = Array(text.utf8)
        self.name = name
    }

    /// A template that does not parse, with its line.
    struct Failure: Error, CustomStringConvertible {
        let template: String
        let line: Int
        let reason: String
        var description: String { "template \(template), line \(line): \(reason)" }
    }

    mutating func parse() throws -> [TemplateNode] {
        try parseNodes(until: nil).0
    }

    /// Parses until the closing tag of `open` (nil: the end), answering the nodes.
    private mutating func parseNodes(until open: String?) throws -> ([TemplateNode], closedBy: String?) {
        var nodes: [TemplateNode] = []
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty { nodes.append(.text(String(decoding: literal, as: UTF8.self))); literal.removeAll() }
        }
        while position < text.count {
            guard text[position] == UInt8(ascii: "{"), position + 1 < text.count, text[position + 1] == UInt8(ascii: "{") else {
                literal.append(text[position])
                position += 1
                continue
            }
            let tagStart = position
            let (kind, body, tagEnd) = try readTag()
            let standalone = kind.canStandAlone ? standaloneRange(tagStart: tagStart, tagEnd: tagEnd, literal: literal) : nil
            if let standalone {
                literal.removeLast(standalone.leading)
                position = standalone.end
            } else {
                position = tagEnd
            }
            switch kind {
            case .comment:
                continue
            case .value, .raw:
                flush()
                nodes.append(.value(TemplatePath(body), escaped: kind == .value))
            case .section, .inverted:
                flush()
                let (inner, closedBy) = try parseNodes(until: body)
                guard closedBy == body else { throw failure("{{#\(body)}} is not closed") }
                nodes.append(.section(TemplatePath(body), inverted: kind == .inverted, inner))
            case .block:
                flush()
                let (inner, closedBy) = try parseNodes(until: body)
                guard closedBy == body else { throw failure("{{$\(body)}} is not closed") }
                nodes.append(.block(body, inner))
            case .parent:
                flush()
                let (inner, closedBy) = try parseNodes(until: body)
                guard closedBy == body else { throw failure("{{<\(body)}} is not closed") }
                var blocks: [String: [TemplateNode]] = [:]
                for case .block(let blockName, let content) in inner { blocks[blockName] = content }
                nodes.append(.parent(body, blocks: blocks))
            case .partial:
                flush()
                nodes.append(.partial(body))
            case .close:
                guard let open else { throw failure("{{/\(body)}} closes nothing") }
                guard body == open else { throw failure("{{/\(body)}} where {{/\(open)}} was expected") }
                flush()
                return (nodes, body)
            }
        }
        flush()
        return (nodes, nil)
    }

    private enum TagKind: Equatable {
        case value, raw, section, inverted, close, partial, parent, block, comment

        /// Tags that take their line with them when alone on it.
        var canStandAlone: Bool { self != .value && self != .raw }
    }

    /// Reads the tag at `position` (which is at `{{`): its kind, its trimmed name and where it ends.
    private func readTag() throws -> (TagKind, String, Int) {
        var index = position + 2
        guard index < text.count else { throw failure("unfinished tag") }
        let triple = text[index] == UInt8(ascii: "{")
        let closing: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
        let bodyStart = index
        while index + closing.count <= text.count, Array(text[index..<index + closing.count]) != closing { index += 1 }
        guard index + closing.count <= text.count else { throw failure("unfinished tag") }
        var body = String(decoding: text[bodyStart..<index], as: UTF8.self)
        let end = index + closing.count
        let kind: TagKind
        if triple {
            body.removeFirst()
            kind = .raw
        } else {
            switch body.first {
            case "!": kind = .comment
            case "%": throw failure("pragmas are not supported")
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "<": kind = .parent
            case "$": kind = .block
            case "&": kind = .raw
            case "=": throw failure("delimiter changes are not supported")
            default: kind = .value
            }
            if kind != .value { body.removeFirst() }
        }
        let name = body.trimmingWhitespace()
        if kind != .comment, name.isEmpty { throw failure("a tag without a name") }
        return (kind, name, end)
    }

    /// When the tag between `tagStart` and `tagEnd` is alone on its line: how many bytes of
    /// spaces before it to drop from `literal`, and where the text goes on (after the line's end).
    private func standaloneRange(tagStart: Int, tagEnd: Int, literal: [UInt8]) -> (leading: Int, end: Int)? {
        var leading = 0
        var index = tagStart - 1
        while index >= 0, text[index] == UInt8(ascii: " ") || text[index] == UInt8(ascii: "\t") {
            leading += 1
            index -= 1
        }
        guard index < 0 || text[index] == UInt8(ascii: "\n"), leading <= literal.count else { return nil }
        var end = tagEnd
        while end < text.count, text[end] == UInt8(ascii: " ") || text[end] == UInt8(ascii: "\t") { end += 1 }
        if end == text.count { return (leading, end) }
        if text[end] == UInt8(ascii: "\n") { return (leading, end + 1) }
        if text[end] == UInt8(ascii: "\r"), end + 1 < text.count, text[end + 1] == UInt8(ascii: "\n") { return (leading, end + 2) }
        return nil
    }

    private func failure(_ reason: String) -> Failure {
        let line = text[0..<min(position, text.count)].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return Failure(template: name, line: line, reason: reason)
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
