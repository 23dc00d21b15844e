import Foundation
import RapportCore

/// Where a user stands against a pool's caps: claims today and customers held, each with its cap.
public struct PoolStanding: Sendable, Equatable, Codable {
    public var claimedToday: Int
    public var dailyClaimCap: Int
    public var holding: Int
    public var holdingCap: Int
    public var locked: Int
    public var lockCap: Int

    public init(claimedToday: Int, dailyClaimCap: Int, holding: Int, holdingCap: Int, locked: Int, lockCap: Int) {
        self.claimedToday = claimedToday; self.dailyClaimCap = dailyClaimCap; self.holding = holding
        self.holdingCap = holdingCap; self.locked = locked; self.lockCap = lockCap
    }
}

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
