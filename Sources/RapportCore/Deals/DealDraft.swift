import Foundation

/// The editable fields of a deal; `nil` = not given. Stage, state and close reason change only
/// through the pipeline rules (`Deal.moved(to:)`, `won`, `lost`, `reopened`), never here, except
/// that a new deal may name its first stage.
public struct DealDraft: Sendable, Codable, Equatable {
    public var title: String?
    public var ownerID: UserID?
    public var stageID: DealStageID?
    /// Expected value in minor units (fen, cents).
    public var amount: Int64?
    public var currency: String?
    /// `.some(nil)` clears the date.
    public var expectedCloseOn: CalendarDate??
    public var nextStep: String?
    /// The key persons involved (replaces the stored list); each must belong to the deal's customer.
    public var contactIDs: [ContactID]?

    public init(title: String? = nil, ownerID: UserID? = nil, stageID: DealStageID? = nil, amount: Int64? = nil,
                currency: String? = nil, expectedCloseOn: CalendarDate?? = nil, nextStep: String? = nil,
                contactIDs: [ContactID]? = nil) {
        self.title = title; self.ownerID = ownerID; self.stageID = stageID; self.amount = amount
        self.currency = currency; self.expectedCloseOn = expectedCloseOn; self.nextStep = nextStep
        self.contactIDs = contactIDs
    }

    /// The most key persons one deal may name.
    public static let maxContacts = 20
    /// The largest amount accepted (10^15 minor units), so sums over many deals cannot overflow.
    public static let maxAmount: Int64 = 1_000_000_000_000_000

    /// Checks the fields alone; `current` is the stored deal when updating (nil when creating).
    public func validate(current: Deal?) throws(ValidationFailed) {
        var v = Validator()
        if current == nil || title != nil { v.required("title", title, max: 200) }
        if let amount, amount < 0 || amount > Self.maxAmount { v.add("amount", .outOfRange, detail: "0–10¹³") }
        if let currency, !MinorUnits.isCurrencyCode(currency) { v.add("currency", .invalid) }
        v.length("nextStep", nextStep, max: 1000)
        if current == nil && stageID == nil { v.add("stageID", .required) }
        if current != nil, stageID != nil { v.add("stageID", .invalid, detail: "move") }
        if let contactIDs {
            if contactIDs.count > Self.maxContacts { v.add("contactIDs", .tooMany, detail: String(Self.maxContacts)) }
            if Set(contactIDs).count != contactIDs.count { v.add("contactIDs", .duplicate) }
        }
        try v.check()
    }

    /// Applies the given fields (not the stage; see `validate`).
    public func apply(to d: inout Deal) {
        if let title { d.title = title.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let ownerID { d.ownerID = ownerID }
        if let amount { d.amount = amount }
        if let currency { d.currency = currency }
        if let expectedCloseOn { d.expectedCloseOn = expectedCloseOn }
        if let nextStep { d.nextStep = nextStep }
        if let contactIDs { d.contactIDs = contactIDs }
    }

    private enum CodingKeys: String, CodingKey {
        case title, ownerID, stageID, amount, currency, expectedCloseOn, nextStep, contactIDs
    }

    /// Reads JSON where `"expectedCloseOn": null` clears the date (absent = unchanged).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        ownerID = try c.decodeIfPresent(UserID.self, forKey: .ownerID)
        stageID = try c.decodeIfPresent(DealStageID.self, forKey: .stageID)
        amount = try c.decodeIfPresent(Int64.self, forKey: .amount)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        if c.contains(.expectedCloseOn) {
            expectedCloseOn = .some(try c.decodeIfPresent(CalendarDate.self, forKey: .expectedCloseOn))
        }
        nextStep = try c.decodeIfPresent(String.self, forKey: .nextStep)
        contactIDs = try c.decodeIfPresent([ContactID].self, forKey: .contactIDs)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(ownerID, forKey: .ownerID)
        try c.encodeIfPresent(stageID, forKey: .stageID)
        try c.encodeIfPresent(amount, forKey: .amount)
        try c.encodeIfPresent(currency, forKey: .currency)
        if let expectedCloseOn { try c.encode(expectedCloseOn, forKey: .expectedCloseOn) }
        try c.encodeIfPresent(nextStep, forKey: .nextStep)
        try c.encodeIfPresent(contactIDs, forKey: .contactIDs)
    }
}
