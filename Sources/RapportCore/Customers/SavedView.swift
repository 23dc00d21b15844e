import Foundation

/// A named set of list filters a user keeps for themselves (保存的视图): "my suspects not
/// touched for a month". It stores the list's query string, so opening it is a plain link and
/// the list re-checks every value as it does for a hand-typed URL; it grants nothing.
public struct SavedView: Sendable, Codable, Equatable {
    public var id: String
    /// Which list it belongs to (`customers`).
    public var list: String
    public var name: String
    /// The list's filters as a URL query string (`stage=suspect&sort=lastTouch`).
    public var query: String
    public var createdAt: Date

    public init(id: String, list: String, name: String, query: String, createdAt: Date) {
        self.id = id; self.list = list; self.name = name; self.query = query; self.createdAt = createdAt
    }

    /// The lists a view can belong to.
    public static let lists = ["customers"]
    /// How many views one user may keep per list.
    public static let maxPerList = 30
    public static let maxNameLength = 60
    public static let maxQueryLength = 1000
}
