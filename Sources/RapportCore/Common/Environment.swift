import Foundation

/// The clock and the id generator, injected so that rules and tests never call `Date()` or `UUID()`.
public struct Environment: Sendable {
    public var now: @Sendable () -> Date
    public var newUUID: @Sendable () -> UUID

    public init(now: @escaping @Sendable () -> Date, newUUID: @escaping @Sendable () -> UUID) {
        self.now = now
        self.newUUID = newUUID
    }

    /// A new typed identifier from the injected generator.
    public func newID<T>(_: T.Type = T.self) -> Identifier<T> { Identifier(newUUID()) }
}
