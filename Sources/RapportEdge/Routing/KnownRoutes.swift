import Hummingbird
import Synchronization

/// Every route the server registered (path pattern and method), so that a request for a known
/// path with another method can be answered 405 with `Allow` instead of a bare 404. Filled once by
/// the application builder after every route is registered; read by the not-found middlewares.
public final class KnownRoutes: Sendable {
    /// Each route's pattern, its segments (parsed once) and its method.
    private let routes = Mutex<[(path: String, segments: [Substring], method: HTTPRequest.Method)]>([])

    public init() {}

    /// Records the router's routes (call after the last route is registered).
    public func record(_ descriptions: [(path: String, method: HTTPRequest.Method)]) {
        let parsed = descriptions.map { (path: $0.path, segments: Self.segments($0.path), method: $0.method) }
        routes.withLock { $0 = parsed }
    }

    /// Every registered route as its pattern (`/customers/:id`) and method, in registration
    /// order: what a test walks to cover every page and endpoint without listing them.
    public var all: [(path: String, method: HTTPRequest.Method)] {
        routes.withLock { $0.map { (path: $0.path, method: $0.method) } }
    }

    /// The methods registered for a concrete request path, sorted; empty when no route matches it.
    /// Only the most specific patterns count, as in the router: `/customers/duplicates` takes the
    /// methods of that literal path, not those of `/customers/{id}`.
    public func methods(for path: String) -> [HTTPRequest.Method] {
        let wanted = Self.segments(path)
        let found = routes.withLock { table in
            let matching = table.filter { Self.matches($0.segments, wanted) }
            let best = matching.map { Self.literals($0.segments) }.max() ?? 0
            return matching.filter { Self.literals($0.segments) == best }.map(\.method)
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0.rawValue).inserted }.sorted { $0.rawValue < $1.rawValue }
    }

    /// The `Allow` header value for a set of methods (HEAD goes with GET, as the server answers it).
    public static func allowHeader(_ methods: [HTTPRequest.Method]) -> String {
        var names = methods.map(\.rawValue)
        if names.contains("GET"), !names.contains("HEAD") { names.append("HEAD") }
        return names.sorted().joined(separator: ", ")
    }

    private static func literals(_ pattern: [Substring]) -> Int {
        pattern.filter { !$0.hasPrefix(":") && !$0.hasPrefix("{") && $0 != "*" && $0 != "**" }.count
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        if pattern.last == "**" { return path.count >= pattern.count - 1 && zip(pattern.dropLast(), path).allSatisfy(segmentMatches) }
        guard pattern.count == path.count else { return false }
        return zip(pattern, path).allSatisfy(segmentMatches)
    }

    private static func segmentMatches(_ pair: (Substring, Substring)) -> Bool {
        pair.0 == pair.1 || pair.0.hasPrefix(":") || pair.0 == "*" || (pair.0.hasPrefix("{") && pair.0.hasSuffix("}"))
    }
}

/// A request for a known path with a method it does not take (answered 405 with `Allow`).
public struct MethodNotAllowed: Error, Sendable {
    /// The methods the path takes, for the `Allow` header.
    public let allowed: [HTTPRequest.Method]

    public init(allowed: [HTTPRequest.Method]) {
        self.allowed = allowed
    }
}
