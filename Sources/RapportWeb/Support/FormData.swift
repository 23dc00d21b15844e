import Foundation

/// The fields of an `application/x-www-form-urlencoded` text (a form body or a query string),
/// in order, with repeated names kept (multi-choice checkboxes).
struct FormData: Sendable {
    private(set) var pairs: [(name: String, value: String)]

    init(pairs: [(name: String, value: String)] = []) {
        self.pairs = pairs
    }

    /// Decodes `a=1&b=x+y&c=%E4%B8%AD`. A malformed escape keeps the raw text rather than dropping the field.
    init(encoded text: String) {
        var pairs: [(name: String, value: String)] = []
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(pieces[0])
            let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            if !name.isEmpty { pairs.append((name, value)) }
        }
        self.pairs = pairs
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value of a field, or `nil` when absent.
    subscript(_ name: String) -> String? {
        pairs.first(where: { $0.name == name })?.value
    }

    /// The first value, trimmed, or `nil` when absent or blank.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// The first value or an empty text.
    func text(_ name: String) -> String { self[name] ?? "" }

    /// Every value of a field (checkbox groups).
    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// Whether a checkbox was ticked.
    func isChecked(_ name: String) -> Bool {
        guard let value = self[name] else { return false }
        return !value.isEmpty && value != "0" && value != "false"
    }

    /// Replaces every value of a field with one value (or removes it when `nil`).
    mutating func set(_ name: String, _ value: String?) {
        pairs.removeAll { $0.name == name }
        if let value { pairs.append((name, value)) }
    }

    /// Adds a value, keeping earlier ones.
    mutating func append(_ name: String, _ value: String) {
        pairs.append((name, value))
    }

    /// The encoded form, for links that keep a list's filters.
    var encoded: String {
        pairs.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
    }

    /// A path with this form as its query (no `?` when empty).
    func url(_ path: String) -> String {
        pairs.isEmpty ? path : path + "?" + encoded
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
