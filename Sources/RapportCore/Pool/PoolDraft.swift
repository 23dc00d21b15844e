import Foundation

/// The editable fields of a pool; `nil` = not given. The day rules take `.some(nil)` to switch off.
public struct PoolDraft: Sendable, Codable, Equatable {
    public var name: String?
    public var teamID: TeamID??
    public var dailyClaimCap: Int?
    public var holdingCap: Int?
    public var countClosed: Bool?
    public var noFollowUpDays: Int??
    public var noDealDays: Int??
    public var notClosedDays: Int??
    public var recycleClosed: Bool?
    public var recycleWithOpenDeals: Bool?
    public var warnDays: Int?
    public var cooloffDays: Int?
    public var lockCap: Int?

    public init(name: String? = nil, teamID: TeamID?? = nil, dailyClaimCap: Int? = nil, holdingCap: Int? = nil,
                countClosed: Bool? = nil, noFollowUpDays: Int?? = nil, noDealDays: Int?? = nil,
                notClosedDays: Int?? = nil, recycleClosed: Bool? = nil, recycleWithOpenDeals: Bool? = nil,
                warnDays: Int? = nil, cooloffDays: Int? = nil, lockCap: Int? = nil) {
        self.name = name; self.teamID = teamID; self.dailyClaimCap = dailyClaimCap; self.holdingCap = holdingCap
        self.countClosed = countClosed; self.noFollowUpDays = noFollowUpDays; self.noDealDays = noDealDays
        self.notClosedDays = notClosedDays; self.recycleClosed = recycleClosed
        self.recycleWithOpenDeals = recycleWithOpenDeals; self.warnDays = warnDays; self.cooloffDays = cooloffDays
        self.lockCap = lockCap
    }

    /// Checks the fields alone (`creating`: the name is required). Caps and days are whole
    /// numbers in sensible ranges; a recycle rule needs at least one day.
    public func validate(creating: Bool) throws(ValidationFailed) {
        var v = Validator()
        if creating || name != nil { v.required("name", name, max: 100) }
        func range(_ field: String, _ value: Int?, _ bounds: ClosedRange<Int>) {
            if let value, !bounds.contains(value) {
                v.add(field, .outOfRange, detail: "\(bounds.lowerBound)–\(bounds.upperBound)")
            }
        }
        range("dailyClaimCap", dailyClaimCap, 0...10_000)
        range("holdingCap", holdingCap, 0...1_000_000)
        range("noFollowUpDays", noFollowUpDays ?? nil, 1...3650)
        range("noDealDays", noDealDays ?? nil, 1...3650)
        range("notClosedDays", notClosedDays ?? nil, 1...3650)
        range("warnDays", warnDays, 0...365)
        range("cooloffDays", cooloffDays, 0...3650)
        range("lockCap", lockCap, 0...10_000)
        try v.check()
    }

    /// Applies the given fields to a pool.
    public func apply(to pool: inout Pool) {
        if let name { pool.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let teamID { pool.teamID = teamID }
        if let dailyClaimCap { pool.rules.dailyClaimCap = dailyClaimCap }
        if let holdingCap { pool.rules.holdingCap = holdingCap }
        if let countClosed { pool.rules.countClosed = countClosed }
        if let noFollowUpDays { pool.rules.noFollowUpDays = noFollowUpDays }
        if let noDealDays { pool.rules.noDealDays = noDealDays }
        if let notClosedDays { pool.rules.notClosedDays = notClosedDays }
        if let recycleClosed { pool.rules.recycleClosed = recycleClosed }
        if let recycleWithOpenDeals { pool.rules.recycleWithOpenDeals = recycleWithOpenDeals }
        if let warnDays { pool.rules.warnDays = warnDays }
        if let cooloffDays { pool.rules.cooloffDays = cooloffDays }
        if let lockCap { pool.rules.lockCap = lockCap }
    }
}
