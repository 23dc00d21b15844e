import Foundation

/// How much a key person weighs on the purchase (影响力 大/中/小).
public enum Influence: String, Sendable, Codable, CaseIterable {
    case high, medium, low
}

/// A key person (关键人物) inside a customer.
public struct Contact: Sendable, Codable, Equatable, Identifiable {
    public var id: ContactID
    public var customerID: CustomerID
    public var name: String
    public var department: String
    public var title: String
    public var phone: String
    public var fax: String
    public var email: String
    public var wechat: String
    public var qq: String
    public var interests: String
    /// What a good supplier means to this person.
    public var supplierExpectations: String
    public var painPoints: String
    public var influence: Influence?
    /// Involvement in the purchase, 1 (highest) to 5.
    public var involvement: Int?
    public var relationshipWithUs: String
    public var relationshipWithCompetitors: String
    /// Our staff member who owns the relationship with this person.
    public var relationshipOwnerID: UserID?
    /// Whether this person is our coach (教练), the insider who guides us.
    public var isCoach: Bool
    /// The person this one reports to, for the org chart.
    public var reportsToID: ContactID?
    public var custom: [String: CustomValue]
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: ContactID, customerID: CustomerID, name: String, department: String = "", title: String = "",
                phone: String = "", fax: String = "", email: String = "", wechat: String = "", qq: String = "",
                interests: String = "", supplierExpectations: String = "", painPoints: String = "",
                influence: Influence? = nil, involvement: Int? = nil, relationshipWithUs: String = "",
                relationshipWithCompetitors: String = "", relationshipOwnerID: UserID? = nil, isCoach: Bool = false,
                reportsToID: ContactID? = nil, custom: [String: CustomValue] = [:], createdAt: Date, updatedAt: Date,
                deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.customerID = customerID; self.name = name; self.department = department; self.title = title
        self.phone = phone; self.fax = fax; self.email = email; self.wechat = wechat; self.qq = qq
        self.interests = interests; self.supplierExpectations = supplierExpectations; self.painPoints = painPoints
        self.influence = influence; self.involvement = involvement; self.relationshipWithUs = relationshipWithUs
        self.relationshipWithCompetitors = relationshipWithCompetitors; self.relationshipOwnerID = relationshipOwnerID
        self.isCoach = isCoach; self.reportsToID = reportsToID; self.custom = custom; self.createdAt = createdAt
        self.updatedAt = updatedAt; self.deletedAt = deletedAt; self.version = version
    }
}

/// The editable fields of a contact; `nil` = not given.
public struct ContactDraft: Sendable, Codable, Equatable {
    public var name: String?
    public var department: String?
    public var title: String?
    public var phone: String?
    public var fax: String?
    public var email: String?
    public var wechat: String?
    public var qq: String?
    public var interests: String?
    public var supplierExpectations: String?
    public var painPoints: String?
    public var influence: Influence??
    public var involvement: Int??
    public var relationshipWithUs: String?
    public var relationshipWithCompetitors: String?
    public var relationshipOwnerID: UserID??
    public var isCoach: Bool?
    public var reportsToID: ContactID??
    public var custom: [String: CustomValue]?

    public init(name: String? = nil, department: String? = nil, title: String? = nil, phone: String? = nil,
                fax: String? = nil, email: String? = nil, wechat: String? = nil, qq: String? = nil,
                interests: String? = nil, supplierExpectations: String? = nil, painPoints: String? = nil,
                influence: Influence?? = nil, involvement: Int?? = nil, relationshipWithUs: String? = nil,
                relationshipWithCompetitors: String? = nil, relationshipOwnerID: UserID?? = nil, isCoach: Bool? = nil,
                reportsToID: ContactID?? = nil, custom: [String: CustomValue]? = nil) {
        self.name = name; self.department = department; self.title = title; self.phone = phone; self.fax = fax
        self.email = email; self.wechat = wechat; self.qq = qq; self.interests = interests
        self.supplierExpectations = supplierExpectations; self.painPoints = painPoints; self.influence = influence
        self.involvement = involvement; self.relationshipWithUs = relationshipWithUs
        self.relationshipWithCompetitors = relationshipWithCompetitors; self.relationshipOwnerID = relationshipOwnerID
        self.isCoach = isCoach; self.reportsToID = reportsToID; self.custom = custom
    }

    public func validate(creating: Bool) throws(ValidationFailed) {
        var v = Validator()
        if creating || name != nil { v.required("name", name, max: 100) }
        for (field, value) in [("department", department), ("title", title), ("phone", phone), ("fax", fax),
                               ("wechat", wechat), ("qq", qq)] {
            v.length(field, value, max: 100)
        }
        for (field, value) in [("interests", interests), ("supplierExpectations", supplierExpectations),
                               ("painPoints", painPoints), ("relationshipWithUs", relationshipWithUs),
                               ("relationshipWithCompetitors", relationshipWithCompetitors)] {
            v.length(field, value, max: 2000)
        }
        v.email("email", email)
        if case .some(.some(let level)) = involvement, !(1...5).contains(level) {
            v.add("involvement", .outOfRange, detail: "1-5")
        }
        try v.check()
    }

    public func apply(to c: inout Contact) {
        if let name { c.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let department { c.department = department }
        if let title { c.title = title }
        if let phone { c.phone = phone.trimmingCharacters(in: .whitespaces) }
        if let fax { c.fax = fax }
        if let email { c.email = email.trimmingCharacters(in: .whitespaces) }
        if let wechat { c.wechat = wechat }
        if let qq { c.qq = qq }
        if let interests { c.interests = interests }
        if let supplierExpectations { c.supplierExpectations = supplierExpectations }
        if let painPoints { c.painPoints = painPoints }
        if let influence { c.influence = influence }
        if let involvement { c.involvement = involvement }
        if let relationshipWithUs { c.relationshipWithUs = relationshipWithUs }
        if let relationshipWithCompetitors { c.relationshipWithCompetitors = relationshipWithCompetitors }
        if let relationshipOwnerID { c.relationshipOwnerID = relationshipOwnerID }
        if let isCoach { c.isCoach = isCoach }
        if let reportsToID { c.reportsToID = reportsToID }
        if let custom {
            for (key, value) in custom {
                if case .null = value { c.custom[key] = nil } else { c.custom[key] = value }
            }
        }
    }
}

extension Contact: CustomerOwnedRecord {
    public static let recordKind: RecordKind = .contact
    public var recordID: String { id.description }

    public var references: [RecordReference] {
        [reportsToID.map { .contact($0, field: "reportsToID") }, relationshipOwnerID.map { .user($0, field: "relationshipOwnerID") }]
            .compactMap { $0 }
    }
}
