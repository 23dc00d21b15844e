/// A change to a customer's situation, as sent by a form or the API.
///
/// Values arrive as raw values (`lowerCosts`, `profitDriven`…) so that an unknown one is a field
/// error rather than a failure to read the request. `nil` means "leave alone"; an empty text
/// (or an empty list) means "clear".
public struct CustomerSituationDraft: Sendable, Codable, Equatable {
    /// The join reasons, most important first; blank entries (unused rank slots in a form) are skipped.
    public var joinReasons: [String]?
    public var motivation: String?
    public var businessType: String?

    public init(joinReasons: [String]? = nil, motivation: String? = nil, businessType: String? = nil) {
        self.joinReasons = joinReasons; self.motivation = motivation; self.businessType = businessType
    }

    /// Errors: `joinReasons` / `invalid` (detail: the value) for an unknown reason, `joinReasons` /
    /// `duplicate` (detail: the value) for a reason given twice; `motivation` or `businessType` / `invalid`.
    public func validate() throws(ValidationFailed) {
        var v = Validator()
        if let joinReasons {
            var seen: Set<JoinReason> = []
            for raw in joinReasons where !raw.isEmpty {
                guard let reason = JoinReason(rawValue: raw) else {
                    v.add("joinReasons", .invalid, detail: raw)
                    continue
                }
                if !seen.insert(reason).inserted { v.add("joinReasons", .duplicate, detail: raw) }
            }
        }
        if let motivation, !motivation.isEmpty, SigningMotivation(rawValue: motivation) == nil {
            v.add("motivation", .invalid)
        }
        if let businessType, !businessType.isEmpty, BusinessType(rawValue: businessType) == nil {
            v.add("businessType", .invalid)
        }
        try v.check()
    }

    /// Applies a validated draft.
    public func apply(to s: inout CustomerSituation) {
        if let joinReasons { s.rank(joinReasons.compactMap(JoinReason.init(rawValue:))) }
        if let motivation, motivation.isEmpty || SigningMotivation(rawValue: motivation) != nil {
            s.motivation = SigningMotivation(rawValue: motivation)
        }
        if let businessType, businessType.isEmpty || BusinessType(rawValue: businessType) != nil {
            s.businessType = BusinessType(rawValue: businessType)
        }
    }
}
