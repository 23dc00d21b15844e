import Foundation
import RapportCore

/// What one recycle pass did (or, in a dry run, would do).
public struct RecycleReport: Sendable, Equatable, Codable {
    public var dryRun: Bool
    /// Owned customers judged closely (the candidates the set-based query returned).
    public var judged: Int
    public var recycled: [RecycleItem]
    public var warned: [RecycleItem]

    public init(dryRun: Bool, judged: Int = 0, recycled: [RecycleItem] = [], warned: [RecycleItem] = []) {
        self.dryRun = dryRun; self.judged = judged; self.recycled = recycled; self.warned = warned
    }
}
