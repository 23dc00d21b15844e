import Foundation
/// One problem with one input field: which field, what is wrong (`FieldCode`) and, for codes that
/// name a limit, the limit.
public struct FieldError: Error, Sendable, Equatable, Codable {
    public var field: String
    public var code: FieldCode
    /// Extra detail for the message, e.g. the maximum length or the allowed range.
    public var detail: String?
    /// The message in the reader's language, filled in by the edge that sends it (an import
    /// report over the API); nil inside the app.
    public var message: String?

    public init(_ field: String, _ code: FieldCode, detail: String? = nil) {
        assert(detail != nil || !code.needsDetail, "\(field): \(code) needs the limit as its detail")
        self.field = field
        self.code = code
        self.detail = detail
    }
}

/// Collects field errors while validating an input, then throws them together.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func add(_ field: String, _ code: FieldCode, detail: String? = nil) {
        errors.append(FieldError(field, code, detail: detail))
    }

    /// Requires a non-blank text no longer than `max` characters.
    public mutating func required(_ field: String, _ value: String?, max: Int) {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            add(field, .required)
            return
        }
        length(field, value, max: max)
    }

    /// Checks an optional text's length and that it holds no control characters other than newlines and tabs.
    public mutating func length(_ field: String, _ value: String?, max: Int) {
        guard let value else { return }
        if value.count > max { add(field, .tooLong, detail: String(max)) }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t" }) {
            add(field, .invalid)
        }
    }

    /// A loose but useful email shape check: one `@`, a dot in the domain, no spaces.
    public mutating func email(_ field: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        length(field, value, max: 254)
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || value.contains(" ") {
            add(field, .invalid)
        }
    }

    /// Throws `ValidationFailed` when any error was collected.
    public func check() throws(ValidationFailed) {
        if !errors.isEmpty { throw ValidationFailed(errors: errors) }
    }
}

/// Thrown when an input has one or more field errors.
public struct ValidationFailed: Error, Sendable, Equatable {
    public var errors: [FieldError]
    public init(errors: [FieldError]) { self.errors = errors }
}
