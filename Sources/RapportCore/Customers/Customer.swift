import Foundation

/// Government/public body, enterprise or individual (DOMAIN part 1).
public enum CustomerKind: String, Sendable, Codable, CaseIterable {
    case government, enterprise, individual
}

/// Enterprise size class; the measure behind it (staff, revenue) is the team's own convention.
public enum EnterpriseSize: String, Sendable, Codable, CaseIterable {
    case large, medium, small
}

/// Where the customer stands with us commercially (the lifecycle stage is a separate, derived fact).
public enum CustomerStatus: String, Sendable, Codable, CaseIterable {
    case potential, following, won, dormant, lost
}

/// The sections of a complete customer file (完整的客户档案), each free text.
public struct CustomerProfile: Sendable, Codable, Equatable {
    public var needs: String
    public var buyingBehaviour: String
    public var organisation: String
    public var competitors: String
    public var businessEnvironment: String
    public var credit: String
    public var importantDates: String

    public init(needs: String = "", buyingBehaviour: String = "", organisation: String = "", competitors: String = "",
                businessEnvironment: String = "", credit: String = "", importantDates: String = "") {
        self.needs = needs; self.buyingBehaviour = buyingBehaviour; self.organisation = organisation
        self.competitors = competitors; self.businessEnvironment = businessEnvironment; self.credit = credit
        self.importantDates = importantDates
    }

    public static let sectionKeys = ["needs", "buyingBehaviour", "organisation", "competitors",
                                     "businessEnvironment", "credit", "importantDates"]

    public subscript(section key: String) -> String {
        get {
            switch key {
            case "needs": needs
            case "buyingBehaviour": buyingBehaviour
            case "organisation": organisation
            case "competitors": competitors
            case "businessEnvironment": businessEnvironment
            case "credit": credit
            case "importantDates": importantDates
            default: ""
            }
        }
        set {
            switch key {
            case "needs": needs = newValue
            case "buyingBehaviour": buyingBehaviour = newValue
            case "organisation": organisation = newValue
            case "competitors": competitors = newValue
            case "businessEnvironment": businessEnvironment = newValue
            case "credit": credit = newValue
            case "importantDates": importantDates = newValue
            default: break
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(needs: try c.decodeIfPresent(String.self, forKey: .needs) ?? "",
                  buyingBehaviour: try c.decodeIfPresent(String.self, forKey: .buyingBehaviour) ?? "",
                  organisation: try c.decodeIfPresent(String.self, forKey: .organisation) ?? "",
                  competitors: try c.decodeIfPresent(String.self, forKey: .competitors) ?? "",
                  businessEnvironment: try c.decodeIfPresent(String.self, forKey: .businessEnvironment) ?? "",
                  credit: try c.decodeIfPresent(String.self, forKey: .credit) ?? "",
                  importantDates: try c.decodeIfPresent(String.self, forKey: .importantDates) ?? "")
    }
}

/// An organisation or person we sell to.
public struct Customer: Sendable, Codable, Equatable, Identifiable {
    public var id: CustomerID
    public var name: String
    public var kind: CustomerKind
    public var size: EnterpriseSize?
    public var industry: String
    public var region: String
    public var source: String
    public var ownerID: UserID?
    public var teamID: TeamID?
    public var tags: [String]
    public var status: CustomerStatus
    public var phone: String
    public var email: String
    public var registrationNumber: String
    public var website: String
    public var address: String
    public var profile: CustomerProfile
    public var custom: [String: CustomValue]
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public init(id: CustomerID, name: String, kind: CustomerKind, size: EnterpriseSize? = nil, industry: String = "",
                region: String = "", source: String = "", ownerID: UserID?, teamID: TeamID?, tags: [String] = [],
                status: CustomerStatus = .potential, phone: String = "", email: String = "",
                registrationNumber: String = "", website: String = "", address: String = "",
                profile: CustomerProfile = .init(), custom: [String: CustomValue] = [:],
                createdAt: Date, updatedAt: Date, deletedAt: Date? = nil, version: Int = 1) {
        self.id = id; self.name = name; self.kind = kind; self.size = size; self.industry = industry
        self.region = region; self.source = source; self.ownerID = ownerID; self.teamID = teamID; self.tags = tags
        self.status = status; self.phone = phone; self.email = email; self.registrationNumber = registrationNumber
        self.website = website; self.address = address; self.profile = profile; self.custom = custom
        self.createdAt = createdAt; self.updatedAt = updatedAt; self.deletedAt = deletedAt; self.version = version
    }
}

extension Customer: SoftDeletableRecord {
    public static let recordKind: RecordKind = .customer
    public var recordID: String { id.description }
}
