import Foundation

/// The editable fields of a customer, as typed by a user or read from an import row.
/// `nil` means "not given": on create it takes the default, on update it leaves the value alone.
public struct CustomerDraft: Sendable, Codable, Equatable {
    public var name: String?
    public var kind: CustomerKind?
    public var size: EnterpriseSize??
    public var industry: String?
    public var region: String?
    public var source: String?
    public var ownerID: UserID?
    public var tags: [String]?
    public var status: CustomerStatus?
    public var phone: String?
    public var email: String?
    public var registrationNumber: String?
    public var website: String?
    public var address: String?
    public var profile: [String: String]?
    public var custom: [String: CustomValue]?

    public init(name: String? = nil, kind: CustomerKind? = nil, size: EnterpriseSize?? = nil, industry: String? = nil,
                region: String? = nil, source: String? = nil, ownerID: UserID? = nil, tags: [String]? = nil,
                status: CustomerStatus? = nil, phone: String? = nil, email: String? = nil,
                registrationNumber: String? = nil, website: String? = nil, address: String? = nil,
                profile: [String: String]? = nil, custom: [String: CustomValue]? = nil) {
        self.name = name; self.kind = kind; self.size = size; self.industry = industry; self.region = region
        self.source = source; self.ownerID = ownerID; self.tags = tags; self.status = status; self.phone = phone
        self.email = email; self.registrationNumber = registrationNumber; self.website = website
        self.address = address; self.profile = profile; self.custom = custom
    }

    /// Field limits, shared by the API, pages and importers.
    public static let maxName = 200
    public static let maxShort = 100
    public static let maxLong = 4000
    public static let maxTags = 30

    /// Checks lengths, shapes and (when `creating`) required fields.
    public func validate(creating: Bool) throws(ValidationFailed) {
        var v = Validator()
        if creating || name != nil { v.required("name", name, max: Self.maxName) }
        for (field, value) in [("industry", industry), ("region", region), ("source", source), ("phone", phone),
                               ("registrationNumber", registrationNumber)] {
            v.length(field, value, max: Self.maxShort)
        }
        v.length("website", website, max: 300)
        v.length("address", address, max: 500)
        v.email("email", email)
        if let tags {
            if tags.count > Self.maxTags { v.add("tags", .tooMany, detail: String(Self.maxTags)) }
            for tag in tags { v.length("tags", tag, max: 50) }
        }
        if let profile {
            for (key, text) in profile {
                if CustomerProfile.sectionKeys.contains(key) {
                    v.length("profile.\(key)", text, max: Self.maxLong)
                } else {
                    v.add("profile.\(key)", .unknown)
                }
            }
        }
        try v.check()
    }

    /// Applies the given fields onto a customer.
    public func apply(to customer: inout Customer) {
        if let name { customer.name = name.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let kind { customer.kind = kind }
        if let size { customer.size = size }
        if let industry { customer.industry = industry }
        if let region { customer.region = region }
        if let source { customer.source = source }
        if let tags { customer.tags = Self.cleanTags(tags) }
        if let status { customer.status = status }
        if let phone { customer.phone = phone.trimmingCharacters(in: .whitespaces) }
        if let email { customer.email = email.trimmingCharacters(in: .whitespaces) }
        if let registrationNumber { customer.registrationNumber = registrationNumber.trimmingCharacters(in: .whitespaces) }
        if let website { customer.website = website }
        if let address { customer.address = address }
        if let profile {
            for (key, text) in profile { customer.profile[section: key] = text }
        }
        if let custom {
            for (key, value) in custom {
                if case .null = value { customer.custom[key] = nil } else { customer.custom[key] = value }
            }
        }
    }

    /// Trims, drops empties and repeats, keeps order.
    public static func cleanTags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
