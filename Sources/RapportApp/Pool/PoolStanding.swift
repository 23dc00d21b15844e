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
