import Foundation

/// The answer to one qualification check.
public enum QualificationAnswer: String, Sendable, Codable, CaseIterable {
    case unknown, yes, no
}

/// The source's four warnings against skipping the checks (审查客户资格).
public enum QualificationWarning: String, Sendable, Codable, CaseIterable {
    /// 熟人: an acquaintance.
    case acquaintance
    /// 老客户: an old customer (automatic when it has past orders).
    case oldCustomer
    /// 大客户/名企: a big name (automatic when the size is large).
    case bigName
    /// 上级介绍: sent by a superior.
    case sentBySuperior
}

/// Ability to pay, authority to buy and need, each with evidence, plus the warnings the rep set.
public struct Qualification: Sendable, Codable, Equatable {
    public var customerID: CustomerID
    public var abilityToPay: QualificationAnswer
    public var abilityEvidence: String
    public var authority: QualificationAnswer
    public var authorityEvidence: String
    public var need: QualificationAnswer
    public var needEvidence: String
    /// The warnings the rep set by hand.
    public var warnings: [QualificationWarning]
    /// Warnings that follow from facts (past orders, large size); filled when read, never stored.
    public var automaticWarnings: [QualificationWarning]
    public var updatedBy: UserID?
    public var updatedAt: Date?
    /// 0 while never saved.
    public var version: Int

    public init(customerID: CustomerID, abilityToPay: QualificationAnswer = .unknown, abilityEvidence: String = "",
                authority: QualificationAnswer = .unknown, authorityEvidence: String = "",
                need: QualificationAnswer = .unknown, needEvidence: String = "", warnings: [QualificationWarning] = [],
                automaticWarnings: [QualificationWarning] = [], updatedBy: UserID? = nil, updatedAt: Date? = nil,
                version: Int = 0) {
        self.customerID = customerID; self.abilityToPay = abilityToPay; self.abilityEvidence = abilityEvidence
        self.authority = authority; self.authorityEvidence = authorityEvidence; self.need = need
        self.needEvidence = needEvidence; self.warnings = warnings; self.automaticWarnings = automaticWarnings
        self.updatedBy = updatedBy; self.updatedAt = updatedAt; self.version = version
    }

    /// All three checks answered yes.
    public var isQualified: Bool { abilityToPay == .yes && authority == .yes && need == .yes }

    /// The warnings that apply, set by hand or by facts, in the source's order.
    public var activeWarnings: [QualificationWarning] {
        QualificationWarning.allCases.filter { warnings.contains($0) || automaticWarnings.contains($0) }
    }
}

/// The editable fields of a qualification; nil = unchanged.
public struct QualificationDraft: Sendable, Codable, Equatable {
    public var abilityToPay: QualificationAnswer?
    public var abilityEvidence: String?
    public var authority: QualificationAnswer?
    public var authorityEvidence: String?
    public var need: QualificationAnswer?
    public var needEvidence: String?
    public var warnings: [QualificationWarning]?

    public init(abilityToPay: QualificationAnswer? = nil, abilityEvidence: String? = nil,
                authority: QualificationAnswer? = nil, authorityEvidence: String? = nil, need: QualificationAnswer? = nil,
                needEvidence: String? = nil, warnings: [QualificationWarning]? = nil) {
        self.abilityToPay = abilityToPay; self.abilityEvidence = abilityEvidence; self.authority = authority
        self.authorityEvidence = authorityEvidence; self.need = need; self.needEvidence = needEvidence
        self.warnings = warnings
    }

    /// A "yes" needs its evidence; texts are bounded.
    public func validate(applyingTo current: Qualification) throws(ValidationFailed) {
        var v = Validator()
        v.length("abilityEvidence", abilityEvidence, max: 2000)
        v.length("authorityEvidence", authorityEvidence, max: 2000)
        v.length("needEvidence", needEvidence, max: 2000)
        let after = applied(to: current)
        let checks: [(String, QualificationAnswer, String)] = [
            ("abilityEvidence", after.abilityToPay, after.abilityEvidence),
            ("authorityEvidence", after.authority, after.authorityEvidence),
            ("needEvidence", after.need, after.needEvidence),
        ]
        for (field, answer, evidence) in checks
        where answer == .yes && evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            v.add(field, .required)
        }
        try v.check()
    }

    public func applied(to current: Qualification) -> Qualification {
        var q = current
        if let abilityToPay { q.abilityToPay = abilityToPay }
        if let abilityEvidence { q.abilityEvidence = abilityEvidence }
        if let authority { q.authority = authority }
        if let authorityEvidence { q.authorityEvidence = authorityEvidence }
        if let need { q.need = need }
        if let needEvidence { q.needEvidence = needEvidence }
        if let warnings { q.warnings = QualificationWarning.allCases.filter(warnings.contains) }
        return q
    }
}
