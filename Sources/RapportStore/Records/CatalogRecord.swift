import Foundation
import RapportCore

/// A record of the shared catalogue (teams, users, custom fields, deal stages, pools, products…)
/// that the generic change path can find and save; who may change it is the app layer's check.
public protocol CatalogRecord: VersionedRecord {
    static func find(_ id: Identifier<Self>, in catalog: CatalogSession) async throws -> Self?
    static func save(_ record: Self, expectedVersion: Int, in catalog: CatalogSession) async throws
}

extension Team: CatalogRecord {
    public static func find(_ id: TeamID, in catalog: CatalogSession) async throws -> Team? { try await catalog.team(id) }
    public static func save(_ record: Team, expectedVersion: Int, in catalog: CatalogSession) async throws {
        try await catalog.updateTeam(record, expectedVersion: expectedVersion)
    }
}

extension User: CatalogRecord {
    public static func find(_ id: UserID, in catalog: CatalogSession) async throws -> User? { try await catalog.user(id)?.user }
    public static func save(_ record: User, expectedVersion: Int, in catalog: CatalogSession) async throws {
        try await catalog.updateUser(record, expectedVersion: expectedVersion)
    }
}

extension CustomFieldDefinition: CatalogRecord {
    public static func find(_ id: CustomFieldID, in catalog: CatalogSession) async throws -> CustomFieldDefinition? {
        try await catalog.field(id)
    }
    public static func save(_ record: CustomFieldDefinition, expectedVersion: Int, in catalog: CatalogSession) async throws {
        try await catalog.updateField(record, expectedVersion: expectedVersion)
    }
}
