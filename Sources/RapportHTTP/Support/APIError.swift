import RapportCore

/// Request-level problems found before a use case runs (the body is not JSON, a parameter
/// has the wrong shape). Named by field so clients can point at it.
public enum APIError: Error, Sendable {
    case malformed(field: String, reason: MalformedReason, arguments: [String] = [])
    case unsupportedMediaType(String)
}
